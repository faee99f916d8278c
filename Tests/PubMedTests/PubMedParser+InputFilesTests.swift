import Foundation
import Testing
import EvidenceTestSupport
@testable import PubMed

@Suite("Input files")
struct PubMedParserInputFilesTests {
    @Test("lists .xml and .xml.gz files recursively in sorted order, skipping others and hidden files")
    func recursiveListing() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let manager = FileManager.default
        try manager.createDirectory(atPath: directory.path("b/nested"), withIntermediateDirectories: true)
        try manager.createDirectory(atPath: directory.path(".hidden"), withIntermediateDirectories: true)
        for name in ["b/nested/z.xml.gz", "b/a.xml", "c.XML", "notes.txt", "data.json", ".hidden/x.xml", "a.xml.gz.part"] {
            _ = manager.createFile(atPath: directory.path(name), contents: Data("<x/>".utf8))
        }
        let files = try PubMedParser.inputFiles(under: directory.url.path)
        #expect(files == [directory.path("b/a.xml"), directory.path("b/nested/z.xml.gz"), directory.path("c.XML")])
    }

    @Test("a file path is returned as is; a missing path is an error")
    func singleFile() throws {
        let path = try ParserFixtures.path("all-fields.xml")
        #expect(try PubMedParser.inputFiles(under: path) == [path])
        #expect(throws: ParseDiagnostic.self) { _ = try PubMedParser.inputFiles(under: "/nonexistent/dir") }
    }
}
