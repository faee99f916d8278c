@testable import EvidenceCommands
import EUtilities
import EvidenceStore
import EvidenceTestSupport
import Foundation
import PubMed
import Testing

@Suite("evidence update")
struct UpdateCommandTests {
    /// A small but complete PubmedArticle.
    static func article(pmid: Int, version: Int = 1, title: String) -> String {
        """
        <PubmedArticle><MedlineCitation Status="MEDLINE" Owner="NLM"><PMID Version="\(version)">\(pmid)</PMID>\
        <DateRevised><Year>2021</Year><Month>05</Month><Day>01</Day></DateRevised>\
        <Article PubModel="Print"><Journal><ISSN IssnType="Electronic">1234-5678</ISSN><JournalIssue CitedMedium="Internet">\
        <Volume>10</Volume><PubDate><Year>2021</Year><Month>Apr</Month></PubDate></JournalIssue>\
        <Title>Journal of Tests</Title><ISOAbbreviation>J Tests</ISOAbbreviation></Journal>\
        <ArticleTitle>\(title)</ArticleTitle><Abstract><AbstractText>About ketamine.</AbstractText></Abstract>\
        <AuthorList CompleteYN="Y"><Author ValidYN="Y"><LastName>Doe</LastName><ForeName>Jane</ForeName><Initials>J</Initials></Author></AuthorList>\
        <Language>eng</Language><PublicationTypeList><PublicationType UI="D016428">Journal Article</PublicationType></PublicationTypeList>\
        </Article><MedlineJournalInfo><MedlineTA>J Tests</MedlineTA></MedlineJournalInfo></MedlineCitation>\
        <PubmedData><ArticleIdList><ArticleId IdType="pubmed">\(pmid)</ArticleId></ArticleIdList></PubmedData></PubmedArticle>
        """
    }

    static func file(_ articles: [String], deleting: [Int] = []) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<PubmedArticleSet>\n" + articles.joined(separator: "\n") + "\n"
        if !deleting.isEmpty {
            xml += "<DeleteCitation>" + deleting.map { "<PMID Version=\"1\">\($0)</PMID>" }.joined() + "</DeleteCitation>\n"
        }
        return xml + "</PubmedArticleSet>\n"
    }

    /// Writes a release: a baseline (0001) and updates whose effect depends on their order;
    /// file 0010 must come after 0009 although "0010" < "0009" is false only numerically
    /// in other widths, and year 21 files must come before year 22.
    static func writeRelease(in folder: URL, md5: Bool = true) throws {
        let files: [(String, String)] = [
            ("pubmed22n0011.xml.gz", file([article(pmid: 103, version: 1, title: "Year 22 file adds 103.")])),
            ("pubmed21n1300.xml.gz", file([article(pmid: 101, version: 3, title: "Third version of 101.")], deleting: [102])),
            ("pubmed21n0001.xml.gz", file([article(pmid: 101, title: "First version of 101."), article(pmid: 102, title: "Record 102.")])),
            ("pubmed21n0999.xml.gz", file([article(pmid: 101, version: 2, title: "Second version of 101."), article(pmid: 102, title: "Record 102 again.")])),
        ]
        for (name, xml) in files {
            let url = folder.appendingPathComponent(name)
            try Gzip.compress(Data(xml.utf8)).write(to: url)
            if md5 {
                let digest = try FileMD5.digest(of: url)
                try Data("MD5(\(name))= \(digest)\n".utf8).write(to: folder.appendingPathComponent(name + ".md5"))
            }
        }
        try Data("not an update file".utf8).write(to: folder.appendingPathComponent("README.txt"))
    }

    func update(_ arguments: [String]) throws -> CommandOutput {
        let output = CommandOutput.capturing()
        try UpdateCommand.parse(arguments).run(output: output)
        return output
    }

    @Test("files are applied in year and file-number order")
    func order() throws {
        let directory = try TemporaryDirectory(prefix: "update")
        defer { directory.remove() }
        let release = directory.url.appendingPathComponent("release")
        try FileManager.default.createDirectory(at: release, withIntermediateDirectories: true)
        try Self.writeRelease(in: release)
        let index = directory.path("evidence.sqlite")
        _ = try update([release.path, "--index", index])

        let store = try ArticleStore(path: index)
        defer { store.close() }
        #expect(try store.manifest().map(\.name) == ["pubmed21n0001.xml.gz", "pubmed21n0999.xml.gz", "pubmed21n1300.xml.gz", "pubmed22n0011.xml.gz"])
        #expect(try store.record(PMID(101))?.title == "Third version of 101.")
        #expect(try store.version(of: PMID(101)) == 3)
        #expect(try store.contains(PMID(102)) == false)
        #expect(try store.contains(PMID(103)))
    }

    @Test("running update twice is the same as running it once")
    func idempotent() throws {
        let directory = try TemporaryDirectory(prefix: "update")
        defer { directory.remove() }
        try Self.writeRelease(in: directory.url)
        let index = directory.path("evidence.sqlite")
        _ = try update([directory.url.path, "--index", index])
        let (firstStatistics, firstManifest) = try snapshot(index)
        let second = try update([directory.url.path, "--index", index, "--verify"])
        let (secondStatistics, secondManifest) = try snapshot(index)
        #expect(firstStatistics == secondStatistics)
        #expect(firstManifest == secondManifest)
        #expect(second.standardError.components(separatedBy: "already applied; skipped").count - 1 == 4)
        #expect(second.standardError.contains("0 files applied"))
    }

    func snapshot(_ index: String) throws -> (Int, [String]) {
        let store = try ArticleStore(path: index)
        defer { store.close() }
        return (try store.articleCount(), try store.manifest().map { "\($0.name) \($0.sha256) \($0.ingestedAt)" })
    }

    @Test("--verify accepts matching .md5 sidecars")
    func verifyGood() throws {
        let directory = try TemporaryDirectory(prefix: "update")
        defer { directory.remove() }
        try Self.writeRelease(in: directory.url)
        let output = try update([directory.url.path, "--index", directory.path("e.sqlite"), "--verify"])
        #expect(output.standardError.components(separatedBy: "MD5 verified").count - 1 == 4)
    }

    @Test("--verify refuses a file whose MD5 does not match, and applies nothing")
    func verifyBad() throws {
        let directory = try TemporaryDirectory(prefix: "update")
        defer { directory.remove() }
        try Self.writeRelease(in: directory.url)
        try Data("MD5(pubmed21n0999.xml.gz)= 00000000000000000000000000000000\n".utf8)
            .write(to: directory.url.appendingPathComponent("pubmed21n0999.xml.gz.md5"))
        let index = directory.path("e.sqlite")
        do {
            _ = try update([directory.url.path, "--index", index, "--verify"])
            Issue.record("a bad MD5 was accepted")
        } catch let error as UpdateError {
            #expect("\(error)".contains("pubmed21n0999.xml.gz: MD5"))
            #expect("\(error)".contains("nothing was applied"))
        }
        if FileManager.default.fileExists(atPath: index) {
            let store = try ArticleStore(path: index)
            defer { store.close() }
            #expect(try store.articleCount() == 0)
        }
    }

    @Test("--verify warns about a missing sidecar, and --require-md5 refuses it")
    func missingSidecar() throws {
        let directory = try TemporaryDirectory(prefix: "update")
        defer { directory.remove() }
        try Self.writeRelease(in: directory.url)
        try FileManager.default.removeItem(at: directory.url.appendingPathComponent("pubmed22n0011.xml.gz.md5"))
        #expect(throws: UpdateError.self) {
            try update([directory.url.path, "--index", directory.path("a.sqlite"), "--verify", "--require-md5"])
        }
        let output = try update([directory.url.path, "--index", directory.path("b.sqlite"), "--verify"])
        #expect(output.standardError.contains("pubmed22n0011.xml.gz: no .md5 sidecar; not verified"))
    }

    @Test("a file that cannot be applied stops the run before later files")
    func stopsAtBadFile() throws {
        let directory = try TemporaryDirectory(prefix: "update")
        defer { directory.remove() }
        try Self.writeRelease(in: directory.url, md5: false)
        try Gzip.compress(Data("<PubmedArticleSet><PubmedArticle><MedlineCitation>".utf8))
            .write(to: directory.url.appendingPathComponent("pubmed21n1000.xml.gz"))
        let index = directory.path("e.sqlite")
        #expect(throws: UpdateError.self) { try update([directory.url.path, "--index", index]) }
        let store = try ArticleStore(path: index)
        defer { store.close() }
        #expect(try store.manifest().map(\.name) == ["pubmed21n0001.xml.gz", "pubmed21n0999.xml.gz"])
    }

    @Test("a folder without NLM files is an error")
    func empty() throws {
        let directory = try TemporaryDirectory(prefix: "update")
        defer { directory.remove() }
        #expect(throws: UpdateError.self) { try update([directory.url.path, "--index", directory.path("e.sqlite")]) }
    }

    @Test("the MD5 of a real NLM file matches md5sum", .enabled(if: SharedData.isAvailable("corpus/pubmed/pubmed21n1298.xml.gz")))
    func realFileMD5() throws {
        let url = try SharedData.url("corpus/pubmed/pubmed21n1298.xml.gz")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["md5sum", url.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let expected = try #require(MD5Sidecar(text))
        #expect(try FileMD5.digest(of: url) == expected.digest)
    }
}
