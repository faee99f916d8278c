import Foundation
import Testing
import EvidenceTestSupport
import EvidenceStore
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

    @Test("--check reports a sound index, and a damaged FTS index with exit status 1")
    func check() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let index = directory.path("evidence.sqlite")
        _ = try CommandRunner.run(["ingest", "--index", index, CommandRunner.fixture("versions-v1.xml")])
        let sound = try CommandRunner.run(["stats", "--index", index, "--check"])
        #expect(sound.exitCode == 0)
        #expect(sound.errors.contains("integrity: ok"))
        let store = try ArticleStore(path: index)
        try store.database.execute("DELETE FROM article_fts_docsize")
        store.close()
        let damaged = try CommandRunner.run(["stats", "--index", index, "--check"])
        #expect(damaged.exitCode == 1)
        #expect(damaged.errors.contains("error: integrity: article_fts"))
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

    @Test("text lists only the last files unless --all-files is given")
    func fileListCap() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let index = directory.path("evidence.sqlite")
        let source = try String(contentsOfFile: CommandRunner.fixture("versions-v1.xml"), encoding: .utf8)
        var paths: [String] = []
        for number in 0..<(StatsCommand.filesShown + 2) {
            // Distinct bytes make distinct files for the manifest.
            let path = directory.path(String(format: "copy-%02d.xml", number))
            try (source + "<!-- \(number) -->\n").write(toFile: path, atomically: true, encoding: .utf8)
            paths.append(path)
        }
        _ = try CommandRunner.run(["ingest", "--index", index] + paths)
        let capped = try CommandRunner.run(["stats", "--index", index])
        #expect(capped.output.contains("Files:        12"))
        #expect(capped.output.contains("  … 2 earlier files (--all-files or --format json lists them)"))
        #expect(!capped.output.contains("copy-00.xml"))
        #expect(capped.output.contains("copy-11.xml"))
        let all = try CommandRunner.run(["stats", "--index", index, "--all-files"])
        #expect(all.output.contains("copy-00.xml"))
        #expect(!all.output.contains("earlier files"))
    }
}
