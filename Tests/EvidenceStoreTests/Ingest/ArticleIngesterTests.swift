import Foundation
import Testing
import EvidenceTestSupport
import PubMed
@testable import EvidenceStore

@Suite("ArticleIngester")
struct ArticleIngesterTests {
    private func ingest(_ store: ArticleStore, _ names: [String], strict: Bool = false) -> IngestReport {
        ArticleIngester(store: store, options: IngestOptions(strict: strict, batchSize: 1, queueCapacity: 1))
            .ingest(paths: names.map(Fixture.path))
    }

    /// Every table's row count, to show that nothing changed.
    private func counts(_ store: ArticleStore) throws -> [String: Int64] {
        var counts: [String: Int64] = [:]
        for table in ["article", "author", "mesh_heading", "ingested_file", "deleted_citation", "article_identifier"] {
            counts[table] = try store.database.scalarInt("SELECT count(*) FROM \(table)")
        }
        counts["fts"] = try store.database.scalarInt("SELECT count(*) FROM article_fts WHERE article_fts MATCH 'title OR version OR article'")
        return counts
    }

    @Test("a file goes in with its manifest row, and a higher version read later wins")
    func versions() throws {
        let (store, directory) = try Fixture.store()
        defer { directory.remove() }
        let report = ingest(store, ["versions-v1.xml", "versions-v2.xml"])
        #expect(!report.hasFailures)
        #expect(report.files.map(\.status) == [.ingested, .ingested])
        #expect(report.files.map(\.inserted) == [2, 0])
        #expect(report.files.map(\.replaced) == [0, 2])
        #expect(try store.version(of: PMID(100)) == 2)
        #expect(try store.database.scalarString("SELECT title FROM article WHERE pmid = 100") == "Version two title")
        #expect(try store.database.scalarString("SELECT title FROM article WHERE pmid = 200") == "Second article, read later",
                "at an equal version the record read later wins")
        let manifest = try store.manifest()
        #expect(manifest.map(\.name) == ["versions-v1.xml", "versions-v2.xml"])
        #expect(manifest.map(\.records) == [2, 2])
        #expect(manifest.allSatisfy { $0.sha256.count == 64 })
    }

    /// The names of the explicit indexes in the database.
    private func indexNames(_ store: ArticleStore) throws -> [String] {
        try store.database.query("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name") { $0.string(0) ?? "" }
    }

    @Test("the secondary indexes deferred while filling an empty index are back afterwards, or after a rollback")
    func deferredIndexes() throws {
        let (store, directory) = try Fixture.store()
        defer { directory.remove() }
        let before = try indexNames(store)
        #expect(before.contains("author_search_name"))
        _ = ingest(store, ["not-well-formed.xml"])
        #expect(try indexNames(store) == before)
        _ = ingest(store, ["versions-v1.xml"])
        #expect(try indexNames(store) == before)
        let plan = try store.database.query("EXPLAIN QUERY PLAN SELECT pmid FROM author WHERE search_name = 'muller j'") { $0.string(3) ?? "" }
        #expect(plan.joined().contains("author_search_name"))
        // The smaller cache the index builds sort with is the connection's again.
        #expect(try store.database.scalarInt("PRAGMA cache_size") == Int64(ArticleStore.cacheSizeKiB))
        #expect(try store.database.scalarInt("PRAGMA threads") == 0)
    }

    /// The journal modes seen by the progress callback, which runs on the writer inside the file's transaction.
    private func journalModesDuringIngest(_ store: ArticleStore, _ name: String) throws -> (IngestReport, Set<String>) {
        var modes: Set<String> = []
        let report = ArticleIngester(store: store, options: IngestOptions(batchSize: 1, queueCapacity: 1, progressInterval: 0))
            .ingest(paths: [Fixture.path(name)]) { _ in
                if let mode = try? store.database.scalarString("PRAGMA journal_mode") { modes.insert(mode) }
            }
        return (report, modes)
    }

    @Test("an empty index is filled under a rollback journal and is in WAL mode again afterwards; later files use WAL")
    func bulkLoadJournal() throws {
        let (store, directory) = try Fixture.store()
        defer { directory.remove() }
        #expect(try store.database.scalarString("PRAGMA journal_mode") == "wal")
        let (refused, _) = try journalModesDuringIngest(store, "not-well-formed.xml")
        #expect(refused.hasFailures)
        #expect(try store.database.scalarString("PRAGMA journal_mode") == "wal", "back to WAL after a refused file")
        #expect(try store.articleCount() == 0)
        let (first, firstModes) = try journalModesDuringIngest(store, "versions-v1.xml")
        #expect(!first.hasFailures)
        #expect(firstModes == ["delete"])
        #expect(try store.database.scalarString("PRAGMA journal_mode") == "wal")
        let (second, secondModes) = try journalModesDuringIngest(store, "versions-v2.xml")
        #expect(!second.hasFailures)
        #expect(secondModes == ["wal"], "an index that holds articles is written in WAL mode")
        #expect(try store.version(of: PMID(100)) == 2)
        #expect(try store.database.scalarString("PRAGMA integrity_check") == "ok")
    }

    @Test("with a second connection open, an empty index is filled in WAL mode without waiting")
    func bulkLoadJournalWithReader() throws {
        let (store, directory) = try Fixture.store()
        defer { directory.remove() }
        let reader = try Database(path: directory.path("index/evidence.sqlite"))
        defer { reader.close() }
        _ = try reader.scalarInt("SELECT count(*) FROM article")
        let started = Date()
        let (report, modes) = try journalModesDuringIngest(store, "versions-v1.xml")
        #expect(!report.hasFailures)
        #expect(modes == ["wal"])
        #expect(Date().timeIntervalSince(started) < 5, "no busy wait for the other connection")
        #expect(try reader.scalarInt("SELECT count(*) FROM article") == 2)
    }

    @Test("a lower version read later is skipped")
    func olderSkipped() throws {
        let (store, directory) = try Fixture.store()
        defer { directory.remove() }
        let report = ingest(store, ["versions-v2.xml", "older-version.xml"])
        #expect(report.files[1].skippedOlder == 1)
        #expect(try store.version(of: PMID(100)) == 2)
        #expect(try store.database.scalarString("SELECT title FROM article WHERE pmid = 100") == "Version two title")
    }

    @Test("DeleteCitation removes a stored record from every table and the index, and records every PMID")
    func deleteCitation() throws {
        let (store, directory) = try Fixture.store()
        defer { directory.remove() }
        let report = ingest(store, ["versions-v1.xml", "delete-citation.xml"])
        let outcome = report.files[1]
        #expect(outcome.deletions == 2)
        #expect(outcome.deletedRecords == 1)
        #expect(try store.pmids() == [PMID(100), PMID(300)])
        #expect(try store.deletedPMIDs() == [PMID(200), PMID(999)])
        #expect(try store.database.scalarInt("SELECT count(*) FROM author WHERE pmid = 200") == 0)
        #expect(try store.database.scalarInt("SELECT count(*) FROM article_fts WHERE article_fts MATCH '\"second article\"'") == 0)
        #expect(try store.manifest().last?.deletions == 2)
    }

    @Test("re-ingesting a file with the same sha256 changes nothing and says so")
    func idempotent() throws {
        let (store, directory) = try Fixture.store()
        defer { directory.remove() }
        _ = ingest(store, ["versions-v1.xml"])
        let before = try counts(store)
        let snapshot = try store.snapshotID
        let again = ingest(store, ["versions-v1.xml"])
        #expect(again.files.map(\.status) == [.alreadyIngested])
        #expect(!again.hasFailures)
        #expect(try counts(store) == before)
        #expect(try store.snapshotID == snapshot)
        #expect(again.summary.contains("1 already ingested"))
    }

    @Test("the snapshot id is a hash of the manifest: same files, same id; a new file, a new id")
    func snapshot() throws {
        let (first, firstDirectory) = try Fixture.store()
        let (second, secondDirectory) = try Fixture.store()
        defer { firstDirectory.remove(); secondDirectory.remove() }
        let empty = try first.snapshotID
        #expect(empty.count == 64)
        _ = ingest(first, ["versions-v1.xml", "delete-citation.xml"])
        _ = ingest(second, ["delete-citation.xml", "versions-v1.xml"])
        #expect(try first.snapshotID == second.snapshotID, "order of ingest does not matter")
        #expect(try first.snapshotID != empty)
        let before = try first.snapshotID
        _ = ingest(first, ["versions-v2.xml"])
        #expect(try first.snapshotID != before)
    }

    @Test("a file that is not well-formed is refused whole, with file:line:column, and nothing changes")
    func malformed() throws {
        let (store, directory) = try Fixture.store()
        defer { directory.remove() }
        _ = ingest(store, ["versions-v1.xml"])
        let before = try counts(store)
        let snapshot = try store.snapshotID
        let report = ingest(store, ["not-well-formed.xml"])
        let outcome = try #require(report.files.first)
        #expect(outcome.status == .failed)
        #expect(report.hasFailures)
        let failure = try #require(outcome.failure)
        #expect(failure.severity == .error)
        #expect(failure.file.hasSuffix("not-well-formed.xml"))
        #expect(failure.line == 22)
        #expect(failure.column != nil)
        #expect(failure.pmid == PMID(401))
        #expect(failure.description.contains("not-well-formed.xml:22:"))
        #expect(try counts(store) == before)
        #expect(try store.contains(PMID(400)) == false, "records before the error in the same file are rolled back")
        #expect(try store.snapshotID == snapshot)
        #expect(try store.database.query("PRAGMA integrity_check") { $0.string(0) } == ["ok"])
    }

    @Test("other files in the same run still go in after a refused one")
    func othersStillGoIn() throws {
        let (store, directory) = try Fixture.store()
        defer { directory.remove() }
        let report = ingest(store, ["versions-v1.xml", "not-well-formed.xml", "delete-citation.xml"])
        #expect(report.files.map(\.status) == [.ingested, .failed, .ingested])
        #expect(report.hasFailures)
        #expect(try store.pmids() == [PMID(100), PMID(300)])
        #expect(try store.manifest().count == 2)
    }

    @Test("a missing file fails alone, naming the path")
    func missingFile() throws {
        let (store, directory) = try Fixture.store()
        defer { directory.remove() }
        let report = ArticleIngester(store: store).ingest(paths: [directory.path("nope.xml"), Fixture.path("versions-v1.xml")])
        #expect(report.files.map(\.status) == [.failed, .ingested])
        #expect(report.files[0].failure?.description.contains("nope.xml") == true)
    }

    @Test("a record warning is returned, not printed, and the record is stored; --strict refuses the file")
    func warningsAndStrict() throws {
        let (store, directory) = try Fixture.store()
        defer { directory.remove() }
        let lenient = ingest(store, ["record-without-title.xml"])
        #expect(lenient.files[0].status == .ingested)
        #expect(lenient.files[0].diagnostics.count == 1)
        #expect(lenient.files[0].diagnostics.first?.severity == .warning)
        #expect(lenient.files[0].diagnostics.first?.pmid == PMID(500))
        #expect(try store.contains(PMID(500)))

        let (strictStore, strictDirectory) = try Fixture.store()
        defer { strictDirectory.remove() }
        let strict = ingest(strictStore, ["record-without-title.xml"], strict: true)
        #expect(strict.files[0].status == .failed)
        #expect(strict.files[0].failure?.severity == .error)
        #expect(strict.files[0].diagnostics.allSatisfy { $0.severity == .error })
        #expect(try strictStore.articleCount() == 0)
        #expect(try strictStore.manifest().isEmpty)
    }

    @Test("a directory is ingested recursively in sorted order")
    func directory() throws {
        let (store, storeDirectory) = try Fixture.store()
        let inputs = try TemporaryDirectory()
        defer { storeDirectory.remove(); inputs.remove() }
        let fileManager = FileManager.default
        try fileManager.createDirectory(atPath: inputs.path("b"), withIntermediateDirectories: true)
        try fileManager.copyItem(atPath: Fixture.path("versions-v2.xml"), toPath: inputs.path("b/2.xml"))
        try fileManager.copyItem(atPath: Fixture.path("versions-v1.xml"), toPath: inputs.path("a.xml"))
        try "not xml".write(toFile: inputs.path("notes.txt"), atomically: true, encoding: .utf8)
        let report = ArticleIngester(store: store).ingest(paths: [inputs.url.path])
        #expect(report.files.map(\.input.name) == ["a.xml", "2.xml"])
        #expect(try store.version(of: PMID(100)) == 2)
    }

    @Test("gzip input is read and hashed as stored")
    func gzip() throws {
        let (store, storeDirectory) = try Fixture.store()
        let inputs = try TemporaryDirectory()
        defer { storeDirectory.remove(); inputs.remove() }
        let gz = inputs.path("v1.xml.gz")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "gzip -c '\(Fixture.path("versions-v1.xml"))' > '\(gz)'"]
        try process.run()
        process.waitUntilExit()
        let report = ArticleIngester(store: store).ingest(paths: [gz])
        #expect(report.files[0].status == .ingested)
        #expect(report.files[0].records == 2)
        #expect(FileDigest.expectedXMLBytes(path: gz, fileBytes: report.files[0].bytes)
                == Int64((try Data(contentsOf: URL(fileURLWithPath: Fixture.path("versions-v1.xml")))).count))
    }

    @Test("progress is reported with records and bytes")
    func progress() throws {
        let (store, directory) = try Fixture.store()
        defer { directory.remove() }
        var reports: [IngestProgress] = []
        let ingester = ArticleIngester(store: store, options: IngestOptions(batchSize: 1, progressInterval: 0))
        _ = ingester.ingest(paths: [Fixture.path("versions-v1.xml")]) { reports.append($0) }
        let last = try #require(reports.last)
        #expect(last.records == 2)
        #expect(last.bytes > 0)
        #expect(last.fileNumber == 1 && last.fileCount == 1)
    }

    @Test("folded author and place names are found by their ASCII spelling")
    func foldedSearch() throws {
        let (store, directory) = try Fixture.store()
        defer { directory.remove() }
        _ = ingest(store, ["folded-names.xml"])
        for query in ["asberg", "lukasz", "strasse", "lodz", "author_names:asberg"] {
            #expect(try store.database.scalarInt("SELECT rowid FROM article_fts WHERE article_fts MATCH ?", arguments: [query]) == 600, "\(query)")
        }
        #expect(try store.database.query("SELECT search_name FROM author ORDER BY position") { $0.string(0) } == ["asberg m", "lukasz n", "strasse a"])
    }
}
