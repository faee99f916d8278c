@testable import EvidenceCommands
import EUtilities
import EvidenceStore
import EvidenceTestSupport
import Foundation
import Testing

@Suite("evidence fetch", .enabled(if: SharedData.isAvailable("corpus/ketamine/esketamine-trd-records.xml")))
struct FetchCommandTests {
    /// The ketamine/TRD records and the three esketamine trials, dated one a week from 2019.
    static let records: [FakeEUtilities.Record] = {
        var seen = Set<UInt64>()
        var chunks: [PubMedXMLChunk] = []
        for path in ["corpus/ketamine/esketamine-trd-records.xml", "corpus/ketamine/esketamine-trials-efetch.xml"] {
            guard let url = try? SharedData.url(path), let found = try? PubMedXMLSplitter.chunks(ofFile: url) else { continue }
            chunks += found.filter { seen.insert($0.pmid).inserted }
        }
        return FakeEUtilities.records(from: chunks, startingAt: (2019, 1, 1), spacing: 7)
    }()

    struct Setup {
        var fake: FakeEUtilities
        var directory: TemporaryDirectory
        var index: String { directory.path("evidence.sqlite") }
        var out: String { directory.path("pubmed") }

        func arguments(_ extra: [String], key: Bool = true) -> [String] {
            var result = ["--eutils-url", fake.baseURL.absoluteString, "--index", index, "--out", out]
            if key { result += ["--api-key", "test-key"] }
            return result + extra
        }

        func articleCount() throws -> Int {
            let store = try ArticleStore(path: index)
            defer { store.close() }
            return try store.articleCount()
        }

        func remove() {
            fake.stop()
            directory.remove()
        }
    }

    func makeSetup(records: [FakeEUtilities.Record] = FetchCommandTests.records) throws -> Setup {
        Setup(fake: try FakeEUtilities(records: records), directory: try TemporaryDirectory(prefix: "fetch-command"))
    }

    @discardableResult
    func fetch(_ arguments: [String], environment: [String: String] = [:]) throws -> CommandOutput {
        let command = try FetchCommand.parse(arguments)
        let output = CommandOutput.capturing()
        try command.run(output: output, environment: environment)
        return output
    }

    @Test("a query is fetched, saved gzipped and ingested, every record once")
    func fetchQuery() throws {
        let setup = try makeSetup()
        defer { setup.remove() }
        let output = try fetch(setup.arguments(["--query", "esketamine[tiab]", "--batch-size", "50"]))
        #expect(try setup.articleCount() == Self.records.count)
        let files = output.standardOutput.split(separator: "\n").map(String.init)
        #expect(files.count == (Self.records.count + 49) / 50)
        #expect(files.allSatisfy { $0.hasSuffix(".xml.gz") && FileManager.default.fileExists(atPath: $0) })
        #expect(files.allSatisfy { $0.hasPrefix(setup.out + "/query-") })
        #expect(setup.fake.servedBatches.flatMap { $0 }.count == Self.records.count)
        #expect(setup.fake.searchedTerms == ["esketamine[tiab]"])
        #expect(output.standardError.contains("fetched \(Self.records.count) records in \(files.count) batches"))
        #expect(setup.fake.server.maxRequests(inAnyWindowOf: 1.0) <= 10)
    }

    @Test("without an API key the server never sees more than 3 requests in a second")
    func rateWithoutKey() throws {
        let setup = try makeSetup()
        defer { setup.remove() }
        try fetch(setup.arguments(["--query", "ketamine", "--batch-size", "25"], key: false))
        #expect(setup.fake.server.requests.count >= 6)
        #expect(setup.fake.server.requests.allSatisfy { $0.parameters["api_key"] == nil })
        #expect(setup.fake.server.maxRequests(inAnyWindowOf: 1.0) <= 3)
    }

    @Test("NCBI_API_KEY and NCBI_EMAIL come from the environment")
    func environment() throws {
        let setup = try makeSetup()
        defer { setup.remove() }
        try fetch(setup.arguments(["--query", "ketamine", "--max", "5"], key: false),
                  environment: ["NCBI_API_KEY": "from-env", "NCBI_EMAIL": "me@example.org"])
        let request = try #require(setup.fake.server.requests.first)
        #expect(request.parameters["api_key"] == "from-env")
        #expect(request.parameters["email"] == "me@example.org")
        #expect(request.parameters["tool"] == "evidence")
        #expect(try setup.articleCount() == 5)
    }

    @Test("an interrupted fetch resumes: the union is the full set and no batch is fetched twice")
    func resume() throws {
        let setup = try makeSetup()
        defer { setup.remove() }
        let first = try fetch(setup.arguments(["--query", "ketamine", "--batch-size", "20", "--max-batches", "2"]))
        #expect(first.standardError.contains("stopped at --max-batches"))
        #expect(try setup.articleCount() == 40)

        let second = try fetch(setup.arguments(["--query", "ketamine", "--batch-size", "20"]))
        #expect(try setup.articleCount() == Self.records.count)
        let served = setup.fake.servedBatches.flatMap { $0 }
        #expect(served.count == Self.records.count, "a record was fetched twice")
        #expect(Set(served).count == Self.records.count)
        let firstFiles = Set(first.standardOutput.split(separator: "\n"))
        let secondFiles = Set(second.standardOutput.split(separator: "\n"))
        #expect(firstFiles.isDisjoint(with: secondFiles))

        let third = try fetch(setup.arguments(["--query", "ketamine", "--batch-size", "20"]))
        #expect(third.standardOutput.isEmpty)
        #expect(third.standardError.contains("fetched 0 records"))
        #expect(setup.fake.servedBatches.count == firstFiles.count + secondFiles.count)
    }

    @Test("a batch saved by a run killed before recording it is ingested once, not fetched again")
    func killedAfterSaving() throws {
        let setup = try makeSetup()
        defer { setup.remove() }
        let first = try fetch(setup.arguments(["--query", "ketamine", "--batch-size", "40", "--max-batches", "1"]))
        let file = try #require(first.standardOutput.split(separator: "\n").first.map(String.init))
        // Forget the batch in the state file, as if the run died between saving and recording.
        let folder = URL(fileURLWithPath: file).deletingLastPathComponent()
        var state = try #require(try FetchState.load(from: folder))
        state.batches.removeAll()
        try state.save(to: folder)

        let second = try fetch(setup.arguments(["--query", "ketamine", "--batch-size", "40"]))
        #expect(second.standardError.contains("saved by an interrupted run"))
        #expect(try setup.articleCount() == Self.records.count)
        #expect(setup.fake.servedBatches.flatMap { $0 }.count == Self.records.count, "a record was fetched twice")
        let store = try ArticleStore(path: setup.index)
        defer { store.close() }
        #expect(try store.manifest().count == (Self.records.count + 39) / 40)
    }

    @Test("faults from the service cost retries, not records")
    func faults() throws {
        let setup = try makeSetup()
        defer { setup.remove() }
        setup.fake.inject(.errorBody("Search Backend failed"), on: "esearch.fcgi")
        setup.fake.inject(.status(503, retryAfter: "1"), on: "efetch.fcgi")
        setup.fake.inject(.truncatedGzip, on: "efetch.fcgi")
        setup.fake.inject(.errorBody("Cannot retrieve history data"), on: "efetch.fcgi")
        let output = try fetch(setup.arguments(["--query", "ketamine", "--batch-size", "60"]))
        #expect(try setup.articleCount() == Self.records.count)
        #expect(output.standardError.contains("warning: esearch attempt 1 failed"))
        #expect(output.standardError.contains("truncated response"))
    }

    @Test("--corpus fetches the corpus's query and dates into its folder")
    func corpus() throws {
        let setup = try makeSetup()
        defer { setup.remove() }
        let definition = CorpusDefinition(
            name: "ketamine-test", query: "esketamine[tiab] AND depress*[tiab]",
            dateRange: .init(from: "2020-01-01", to: "2020-12-31"), dateType: .edat,
            lexicon: "Corpus/lexicon/ketamine-depression.json", output: setup.directory.path("corpus-out"))
        let file = setup.directory.url.appendingPathComponent("corpus.json")
        try JSONEncoder().encode(definition).write(to: file)
        let command = try FetchCommand.parse([
            "--corpus", file.path, "--eutils-url", setup.fake.baseURL.absoluteString, "--index", setup.index, "--api-key", "k",
        ])
        let output = CommandOutput.capturing()
        try command.run(output: output, environment: [:])
        let inRange = Self.records.filter { $0.day >= "2020/01/01" && $0.day <= "2020/12/31" }
        #expect(!inRange.isEmpty)
        #expect(try setup.articleCount() == inRange.count)
        let search = try #require(setup.fake.requests(to: "esearch.fcgi").first)
        #expect(search.parameters["term"] == definition.query)
        #expect(search.parameters["mindate"] == "2020/01/01")
        #expect(search.parameters["maxdate"] == "2020/12/31")
        #expect(output.standardOutput.split(separator: "\n").allSatisfy { $0.hasPrefix(setup.directory.path("corpus-out") + "/") })
    }

    @Test("the project's ketamine/TRD corpus definition is accepted by fetch")
    func projectCorpus() throws {
        let path = SharedData.projectRoot.appendingPathComponent("Corpus/ketamine-trd.json").path
        let plan = try FetchPlan(command: try FetchCommand.parse(["--corpus", path]), environment: [:])
        #expect(plan.job.query.contains("esketamine[tiab]"))
        #expect(plan.job.dateType == .pdat)
        #expect(plan.folder.path.hasSuffix("Corpus/pubmed/ketamine-trd"))
    }

    @Test("--since limits the search to records on or after the date")
    func since() throws {
        let setup = try makeSetup()
        defer { setup.remove() }
        try fetch(setup.arguments(["--query", "ketamine", "--since", "2021-06-01"]))
        #expect(try setup.articleCount() == Self.records.filter { $0.day >= "2021/06/01" }.count)
        #expect(setup.fake.requests(to: "esearch.fcgi").first?.parameters["mindate"] == "2021/06/01")
        #expect(setup.fake.requests(to: "esearch.fcgi").first?.parameters["datetype"] == "edat")
    }

    @Test("without a network it fails fast and says how to use local XML")
    func unreachable() throws {
        let directory = try TemporaryDirectory(prefix: "fetch-offline")
        defer { directory.remove() }
        let command = try FetchCommand.parse([
            "--query", "ketamine", "--eutils-url", "http://127.0.0.1:1/", "--index", directory.path("e.sqlite"),
            "--out", directory.path("out"), "--api-key", "k",
        ])
        let started = Date()
        do {
            try command.run(output: .capturing(), environment: [:])
            Issue.record("fetch from a closed port succeeded")
        } catch let error as FetchCommandError {
            #expect("\(error)".contains("evidence ingest PATH"))
            #expect("\(error)".contains("docs/fetch.md"))
        }
        #expect(Date().timeIntervalSince(started) < 10)
    }

    @Test("--if-empty does nothing when the index holds articles")
    func ifEmpty() throws {
        let setup = try makeSetup()
        defer { setup.remove() }
        try fetch(setup.arguments(["--query", "ketamine", "--max", "3"]))
        let before = setup.fake.server.requests.count
        let output = try fetch(setup.arguments(["--query", "other", "--if-empty"]))
        #expect(setup.fake.server.requests.count == before)
        #expect(output.standardError.contains("--if-empty"))
    }

    @Test("bad options are refused", arguments: [
        ["--since", "2020-01-01"],
        ["--query", "a", "--corpus", "b.json"],
        ["--query", "a", "--since", "2020-13-01"],
        ["--query", "a", "--max", "0"],
        ["--query", "a", "--batch-size", "20000"],
        ["--query", "a", "--eutils-url", "ftp://example.org/"],
        ["--query", "a", "--date-type", "xdat"],
    ])
    func badOptions(arguments: [String]) {
        #expect(throws: (any Error).self) { try FetchCommand.parse(arguments) }
    }

    @Test("option errors say what is wrong, word for word", arguments: [
        (["--since", "2020"], "give either --query or --corpus"),
        (["--query", "a", "--since", "2020-02-30"], "--since 2020-02-30 is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"),
        (["--query", "a", "--date-type", "xdat"], "--date-type must be edat, pdat or mdat"),
        (["--query", "a", "--batch-size", "0"], "--batch-size must be between 1 and 10000"),
    ])
    func messages(arguments: [String], message: String) {
        do {
            _ = try FetchCommand.parse(arguments)
            Issue.record("\(arguments) were accepted")
        } catch {
            #expect(FetchCommand.message(for: error) == message)
        }
    }

    @Test("a corpus file with a problem is refused, naming the file")
    func badCorpus() throws {
        let directory = try TemporaryDirectory(prefix: "fetch-corpus")
        defer { directory.remove() }
        let file = directory.url.appendingPathComponent("broken.json")
        try Data(#"{"name": "x", "query": "(ketamine"}"#.utf8).write(to: file)
        let command = try FetchCommand.parse(["--corpus", file.path, "--index", directory.path("e.sqlite")])
        do {
            try command.run(output: .capturing(), environment: [:])
            Issue.record("a broken corpus was accepted")
        } catch let error as CorpusDefinitionError {
            #expect(error.description.hasPrefix(file.path))
        }
    }

    @Test("query folders are named stably after the query")
    func folderNames() {
        #expect(FetchPlan.folderName(forQuery: "ketamine") == FetchPlan.folderName(forQuery: "ketamine"))
        #expect(FetchPlan.folderName(forQuery: "ketamine") != FetchPlan.folderName(forQuery: "esketamine"))
        #expect(FetchPlan.folderName(forQuery: "ketamine").count == "query-".count + 16)
    }

    @Test("the progress line shows records, batches, rate and ETA")
    func progressLine() {
        let progress = FetchProgress(recordsInFolder: 1500, expectedRecords: 8234, recordsFetched: 1200,
                                     batchesFetched: 3, elapsedSeconds: 10)
        #expect(FetchProgressDisplay.progressLine(progress) == "1500/8234 records · 3 batches · 120 records/s · ETA 56 s")
    }
}
