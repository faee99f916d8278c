import Foundation
import Testing
import EvidenceTestSupport
@testable import EvidenceCommands

@Suite("evidence stats")
struct StatsCommandTests {
    @Test("json has articles, deleted, files and snapshot")
    func json() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let index = directory.path("evidence.sqlite")
        _ = try CommandRunner.run(["ingest", "--index", index, CommandRunner.fixture("versions-v1.xml"), CommandRunner.fixture("delete-citation.xml")])
        let result = try CommandRunner.run(["stats", "--index", index, "--format", "json"])
        #expect(result.exitCode == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(object["articles"] as? Int == 2)
        #expect(object["deleted"] as? Int == 2)
        let files = try #require(object["files"] as? [[String: Any]])
        #expect(files.map { $0["name"] as? String } == ["versions-v1.xml", "delete-citation.xml"])
        #expect(Set(files[0].keys).isSuperset(of: ["name", "path", "sha256", "bytes", "records", "deletions", "ingestedAt"]))
        #expect((object["snapshot"] as? String)?.count == 64)
    }

    @Test("text lists the counts, the snapshot and each file")
    func text() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let index = directory.path("evidence.sqlite")
        _ = try CommandRunner.run(["ingest", "--index", index, CommandRunner.fixture("versions-v1.xml")])
        let result = try CommandRunner.run(["stats", "--index", index])
        #expect(result.output.contains("Articles:     2 (0 book articles, 2 with abstract, 0 retracted)"))
        #expect(result.output.contains("Snapshot:     "))
        #expect(result.output.contains("  versions-v1.xml  2 records, 0 deletions, sha256 "))
    }
}
