import Foundation
import Testing
import EvidenceTestSupport
import PubMed
@testable import EvidenceStore

/// Integration tests over the real files in `../shared/corpus`.
@Suite("Ingesting the shared corpus")
struct CorpusIngestTests {
    /// Runs a shell pipeline and returns its standard output.
    static func shell(_ command: String) throws -> String {
        let process = Process()
        let pipe = Pipe()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// The debug `evidence` binary the SIGKILL tests run (`swift build` makes it).
    static let debugBinary = SharedData.projectRoot.appendingPathComponent(".build/debug/evidence")

    /// Generates `records` gen_pubmed records with `seed` into `work`, and returns the file's path.
    static func generated(_ records: Int, seed: Int, in work: TemporaryDirectory) throws -> String {
        let path = work.path("generated.xml")
        _ = try shell("python3 '\(try SharedData.url("tools/gen_pubmed.py").path)' --records \(records) --seed \(seed) --out '\(path)'")
        return path
    }

    /// Starts `evidence ingest --index index paths…` as its own process, output discarded.
    static func startIngest(index: String, _ paths: [String]) throws -> Process {
        let process = Process()
        process.executableURL = debugBinary
        process.arguments = ["ingest", "--index", index] + paths
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Counts occurrences of an exact string in a (possibly gzipped) file, independently of the parser.
    static func occurrences(of pattern: String, in path: String) throws -> Int {
        let reader = path.hasSuffix(".gz") ? "gzip -dc" : "cat"
        return Int(try shell("\(reader) '\(path)' | grep -o '\(pattern)' | wc -l").trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    /// The number of records in a file by counting record start tags.
    static func independentRecordCount(_ path: String) throws -> Int {
        let articles = try occurrences(of: "<PubmedArticle>", in: path) + occurrences(of: "<PubmedArticle ", in: path)
        let books = try occurrences(of: "<PubmedBookArticle>", in: path) + occurrences(of: "<PubmedBookArticle ", in: path)
        if articles + books > 0 { return articles + books }
        return try occurrences(of: "<MedlineCitation ", in: path) + occurrences(of: "<MedlineCitation>", in: path)
    }

    @Test("every file in ../shared/corpus ingests with the right counts; the malformed one is refused",
          .enabled(if: SharedData.isAvailable("corpus/pubmed/pubmed21n1298.xml.gz")))
    func wholeCorpus() throws {
        let corpus = try SharedData.url("corpus")
        let (store, directory) = try Fixture.store()
        defer { directory.remove() }
        let report = ArticleIngester(store: store).ingest(paths: [corpus.path])
        #expect(report.files.count > 200)
        for file in report.files {
            if file.input.name == "MedlineImporterTestMalformedEntry.xml" {
                #expect(file.status == .failed)
                #expect(file.failure?.line != nil)
            } else {
                #expect(file.status == .ingested, "\(file.input.path): \(file.failure?.description ?? "")")
            }
        }
        let big = try #require(report.files.first { $0.input.name == "pubmed21n1298.xml.gz" })
        #expect(big.records == 20_788)
        #expect(big.records == (try Self.independentRecordCount(big.input.path)))
        #expect(big.deletions == 20)
        let baseline = try #require(report.files.first { $0.input.name == "pubmed20n0014.xml.gz" })
        #expect(baseline.records == 30_000)
        for name in ["medsamp2006.xml", "esample_book.xml", "MedlineImporterTestBookArticleSet.xml", "sr-project_pubmed_result_2015dtd.xml"] {
            let file = try #require(report.files.first { $0.input.name == name }, "\(name)")
            #expect(file.records == (try Self.independentRecordCount(file.input.path)), "\(name)")
        }

        #expect(try store.version(of: PMID(30271887)) == 4)
        let block = try Self.shell("gzip -dc '\(big.input.path)' | sed -n '/<DeleteCitation>/,/<\\/DeleteCitation>/p' | grep -o '>[0-9]*</PMID>' | tr -dc '0-9\\n'")
        let deleted = block.split(separator: "\n").compactMap { PMID($0) }
        #expect(deleted.count == 20)
        for pmid in deleted {
            #expect(try store.contains(pmid) == false, "PMID \(pmid) was deleted")
        }
        #expect(Set(try store.deletedPMIDs()).isSuperset(of: deleted))
        #expect(try store.statistics().books > 0)
        #expect(try store.database.query("PRAGMA integrity_check") { $0.string(0) } == ["ok"])
        try store.database.execute("INSERT INTO article_fts(article_fts, rank) VALUES ('integrity-check', 1)")

        // Stored records read back through the parser, from the stored original.
        let record = try #require(try store.record(PMID(30271887)))
        #expect(record.version == 4)
        #expect(record.title != nil)
    }

    @Test("MedlineImporterTestMalformedEntry.xml is refused and changes nothing",
          .enabled(if: SharedData.isAvailable("corpus/fixtures/jabref/MedlineImporterTestMalformedEntry.xml")))
    func malformedEntry() throws {
        let (store, directory) = try Fixture.store()
        defer { directory.remove() }
        _ = ArticleIngester(store: store).ingest(paths: [Fixture.path("versions-v1.xml")])
        let snapshot = try store.snapshotID
        let articles = try store.articleCount()
        let malformed = try SharedData.url("corpus/fixtures/jabref/MedlineImporterTestMalformedEntry.xml")
        let report = ArticleIngester(store: store).ingest(paths: [malformed.path])
        #expect(report.hasFailures)
        let failure = try #require(report.files.first?.failure)
        #expect(failure.description.hasPrefix(malformed.path + ":"))
        #expect(failure.description.contains(": error: "))
        #expect(try store.snapshotID == snapshot)
        #expect(try store.articleCount() == articles)
        #expect(try store.manifest().count == 1)
    }

    @Test("SIGKILL mid-ingest leaves an intact index with the committed files; running again finishes the job",
          .enabled(if: FileManager.default.isExecutableFile(atPath: CorpusIngestTests.debugBinary.path)
                   && SharedData.isAvailable("tools/gen_pubmed.py")))
    func killedMidIngest() throws {
        let work = try TemporaryDirectory()
        defer { work.remove() }
        let generated = try Self.generated(20_000, seed: 7, in: work)
        let index = work.path("index/evidence.sqlite")
        let small = Fixture.path("versions-v1.xml")

        let process = try Self.startIngest(index: index, [small, generated])
        // Wait until the small file has committed, then kill during the large one.
        let deadline = Date().addingTimeInterval(60)
        var committed = 0
        while Date() < deadline && committed == 0 && process.isRunning {
            Thread.sleep(forTimeInterval: 0.05)
            if FileManager.default.fileExists(atPath: index), let probe = try? Database(path: index, options: .init(create: false)) {
                committed = Int((try? probe.scalarInt("SELECT count(*) FROM ingested_file")) ?? 0)
                probe.close()
            }
        }
        Thread.sleep(forTimeInterval: 0.3)
        let killedWhileRunning = process.isRunning
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(committed == 1)
        #expect(killedWhileRunning, "the large file should still have been ingesting")

        let store = try ArticleStore(path: index, create: false)
        #expect(try store.database.query("PRAGMA integrity_check") { $0.string(0) } == ["ok"])
        #expect(try store.manifest().map(\.name) == ["versions-v1.xml"])
        #expect(try store.articleCount() == 2)

        let report = ArticleIngester(store: store).ingest(paths: [small, generated])
        #expect(report.files.map(\.status) == [.alreadyIngested, .ingested])
        #expect(try store.articleCount() == 2 + report.files[1].inserted)
        #expect(report.files[1].records == 20_000)
        #expect(try store.database.query("PRAGMA integrity_check") { $0.string(0) } == ["ok"])
    }

    @Test("SIGKILL while filling an empty index (rollback journal) leaves an intact, empty index in WAL mode",
          .enabled(if: FileManager.default.isExecutableFile(atPath: CorpusIngestTests.debugBinary.path)
                   && SharedData.isAvailable("tools/gen_pubmed.py")))
    func killedDuringBulkLoad() throws {
        let work = try TemporaryDirectory()
        defer { work.remove() }
        let generated = try Self.generated(20_000, seed: 8, in: work)
        let index = work.path("index/evidence.sqlite")

        let process = try Self.startIngest(index: index, [generated])
        // Kill once the load has spilled pages into the database file (no probe connection:
        // one would keep the load in WAL mode).
        let deadline = Date().addingTimeInterval(60)
        var sawJournal = false
        while Date() < deadline && process.isRunning {
            Thread.sleep(forTimeInterval: 0.05)
            let size = (try? FileManager.default.attributesOfItem(atPath: index)[.size] as? Int) ?? 0
            if FileManager.default.fileExists(atPath: index + "-journal") { sawJournal = true }
            if sawJournal && size > 4_000_000 { break }
        }
        let killedWhileRunning = process.isRunning
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(killedWhileRunning, "the file should still have been ingesting")
        #expect(sawJournal, "an empty index is filled under a rollback journal")

        let store = try ArticleStore(path: index, create: false)
        #expect(try store.database.scalarString("PRAGMA journal_mode") == "wal")
        #expect(try store.database.query("PRAGMA integrity_check") { $0.string(0) } == ["ok"])
        #expect(try store.manifest().isEmpty)
        #expect(try store.articleCount() == 0)

        let report = ArticleIngester(store: store).ingest(paths: [generated])
        #expect(report.files.map(\.status) == [.ingested])
        #expect(try store.articleCount() == 20_000)
        #expect(try store.database.query("PRAGMA integrity_check") { $0.string(0) } == ["ok"])
    }
}
