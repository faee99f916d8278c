import Foundation
import Testing
import EvidenceTestSupport
import EvidenceStore
@testable import EvidenceCommands

@Suite("evidence show")
struct ShowCommandTests {
    /// An index holding versions-v1.xml (PMIDs 100 and 200).
    private func index() throws -> (String, TemporaryDirectory) {
        let directory = try TemporaryDirectory()
        let index = directory.path("evidence.sqlite")
        _ = try CommandRunner.run(["ingest", "--index", index, CommandRunner.fixture("versions-v1.xml")])
        return (index, directory)
    }

    @Test("json prints an array of contract objects, in the order asked")
    func json() throws {
        let (index, directory) = try index()
        defer { directory.remove() }
        let result = try CommandRunner.run(["show", "--index", index, "--format", "json", "200", "100"])
        #expect(result.exitCode == 0)
        let array = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]])
        #expect(array.map { $0["pmid"] as? String } == ["200", "100"])
        #expect(Set(array[0].keys) == Set(ArticleJSON.keys))
        #expect(array[1]["title"] as? String == "Version one title")
        #expect(array[1]["pages"] as? String == "148-152")
        #expect(array[1]["doi"] as? String == "10.1000/test.100")
        let authors = try #require(array[1]["authors"] as? [[String: Any]])
        #expect(authors.first?["lastName"] as? String == "Østergaard")
    }

    @Test("xml prints the stored original")
    func xml() throws {
        let (index, directory) = try index()
        defer { directory.remove() }
        let result = try CommandRunner.run(["show", "--index", index, "--format", "xml", "100"])
        #expect(result.output.hasPrefix("<PubmedArticle"))
        #expect(result.output.contains("<ArticleTitle>Version one title</ArticleTitle>"))
        #expect(result.output.contains("<PMID Version=\"1\">100</PMID>"))
    }

    @Test("text is for people: title, authors, citation, abstract")
    func text() throws {
        let (index, directory) = try index()
        defer { directory.remove() }
        let result = try CommandRunner.run(["show", "--index", index, "100"])
        #expect(result.output.hasPrefix("PMID 100 (version 1) · MEDLINE\nVersion one title\nØstergaard SD, Müller J\n"))
        #expect(result.output.contains("J Tests. 2019 Feb 24;12(3):148-152."))
        #expect(result.output.contains("Some abstract text."))
    }

    @Test("PMIDs are read from standard input with -")
    func standardInput() throws {
        let (index, directory) = try index()
        defer { directory.remove() }
        let result = try CommandRunner.run(["show", "--index", index, "--format", "json", "-"], standardInput: "100\n200, 100\n")
        let array = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]])
        #expect(array.map { $0["pmid"] as? String } == ["100", "200", "100"])
    }

    @Test("an unknown PMID is a clear error with a non-zero exit; known ones still print")
    func unknown() throws {
        let (index, directory) = try index()
        defer { directory.remove() }
        let result = try CommandRunner.run(["show", "--index", index, "--format", "json", "100", "999"])
        #expect(result.exitCode == 1)
        #expect(result.errors == "error: PMID 999 is not in the index at \(index)\n")
        #expect(result.output.contains("\"pmid\" : \"100\""))
    }

    @Test("a malformed PMID is a usage error")
    func malformedPMID() {
        #expect(throws: (any Error).self) { try CommandRunner.run(["show", "12a"]) }
    }

    @Test("a missing index is an error naming it, not a new empty index")
    func missingIndex() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let index = directory.path("none.sqlite")
        #expect(throws: ArticleStoreError.missingIndex(path: index)) { try CommandRunner.run(["show", "--index", index, "1"]) }
        #expect(!FileManager.default.fileExists(atPath: index))
    }
}
