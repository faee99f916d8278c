import Foundation
import Testing
import EvidenceTestSupport
import EvidenceStore
@testable import EvidenceCommands

@Suite("evidence ingest")
struct IngestCommandTests {
    @Test("ingests files, prints a summary line on stderr and nothing on stdout")
    func summary() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let index = directory.path("evidence.sqlite")
        let result = try CommandRunner.run(["ingest", "--index", index, CommandRunner.fixture("versions-v1.xml")])
        #expect(result.exitCode == 0)
        #expect(result.output.isEmpty)
        #expect(result.errors.contains("1 file ingested, 2 records (2 new, 0 updated"))
        let again = try CommandRunner.run(["ingest", "--index", index, CommandRunner.fixture("versions-v1.xml")])
        #expect(again.exitCode == 0)
        #expect(again.errors.contains("already ingested"))
    }

    @Test("a malformed file makes the exit status non-zero, names file:line:column, and the others go in")
    func failure() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let index = directory.path("evidence.sqlite")
        let result = try CommandRunner.run(["ingest", "--index", index, CommandRunner.fixture("not-well-formed.xml"),
                                            CommandRunner.fixture("versions-v1.xml")])
        #expect(result.exitCode == 1)
        #expect(result.errors.contains("not-well-formed.xml:22:"))
        #expect(result.errors.contains(": error: PMID 401: "))
        #expect(result.errors.contains("refused; nothing from it was stored"))
        #expect(result.errors.contains("1 file ingested, 1 failed"))
        let stats = try CommandRunner.run(["stats", "--index", index, "--format", "json"])
        #expect(stats.output.contains("\"articles\" : 2"))
    }

    @Test("--optimize builds the term lists for the index as ingested, once")
    func optimize() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let index = directory.path("evidence.sqlite")
        let result = try CommandRunner.run(["ingest", "--optimize", "--index", index, CommandRunner.fixture("versions-v1.xml")])
        #expect(result.exitCode == 0)
        #expect(result.errors.contains("term lists: "))
        let store = try ArticleStore(path: index)
        defer { store.close() }
        #expect(try TermImpactIndex(database: store.database, weights: .default).isCurrent())
        let again = try CommandRunner.run(["ingest", "--optimize", "--index", index, CommandRunner.fixture("versions-v1.xml")])
        #expect(!again.errors.contains("term lists: "))
    }

    @Test("a progress line shows records, MB/s, percentage and ETA")
    func progressLine() {
        let progress = IngestProgress(input: IngestInput(file: "dir/a.xml.gz"), fileNumber: 1, fileCount: 2, records: 1500,
                                      bytes: 50_000_000, expectedBytes: 100_000_000, elapsed: 1)
        #expect(IngestCommand.progressLine(progress) == "[1/2] a.xml.gz: 1500 records, 50.0 MB/s, 50%, ETA 1 s")
    }
}
