import Foundation
import Testing
import EvidenceTestSupport
@testable import PubMed

@Suite("Parser inputs, roots and errors")
struct PubMedParserTests {
    // MARK: Roots

    @Test("a PubmedArticleSet with a DOCTYPE")
    func articleSet() throws {
        let result = try ParserFixtures.parse("all-fields.xml")
        #expect(result.summary.rootElement == "PubmedArticleSet")
        #expect(result.summary.records == 1)
        #expect(result.records.first?.sourceLine == 4)
    }

    @Test("a bare PubmedArticle root without an XML declaration or DOCTYPE")
    func barePubmedArticle() throws {
        let result = try ParserFixtures.parse("bare-pubmed-article.xml")
        #expect(result.summary.rootElement == "PubmedArticle")
        #expect(result.records.map(\.pmid) == [PMID(33000011)])
        #expect(result.records.first?.sourceLine == 1)
    }

    @Test("a bare PubmedBookArticle root")
    func bareBookArticle() throws {
        let record = try ParserFixtures.record("bare-book-article.xml")
        #expect(record.kind == .book)
        #expect(record.title == "A bare book")
    }

    @Test("a PubmedBookArticleSet")
    func bookArticleSet() throws {
        let result = try ParserFixtures.parse("book-article.xml")
        #expect(result.summary.rootElement == "PubmedBookArticleSet")
        #expect(result.records.map(\.pmid) == [PMID(20301546), PMID(20301547)])
        #expect(result.records.allSatisfy { $0.kind == .book })
    }

    @Test("a legacy MedlineCitationSet of bare MedlineCitation records, with its DeleteCitation")
    func legacySet() throws {
        let result = try ParserFixtures.parse("legacy-medline-citation-set.xml")
        #expect(result.summary.rootElement == "MedlineCitationSet")
        #expect(result.records.map(\.pmid) == [PMID(10540283), PMID(10540284)])
        #expect(result.records.first?.originalXML.hasPrefix("<MedlineCitation Owner=\"NLM\" Status=\"MEDLINE\">") == true)
        #expect(result.deletions == [[PMID(9999991)]])
        #expect(result.summary.deletions == 1)
    }

    @Test("DeleteCitation yields its PMIDs after the records before it, in document order")
    func deleteCitation() throws {
        let result = try ParserFixtures.parse("delete-citation.xml")
        #expect(result.items.count == 2)
        guard case .record(let record) = result.items[0], case .deletion(let pmids) = result.items[1] else {
            Issue.record("expected a record then a deletion, got \(result.items)")
            return
        }
        #expect(record.pmid == PMID(33000008))
        #expect(pmids == [PMID(12345), PMID(67890)])
        #expect(result.summary == ParseSummary(rootElement: "PubmedArticleSet", records: 1, deletions: 2, warnings: 0))
    }

    @Test("a document with another root and no records is refused")
    func notPubMed() throws {
        let error = try ParserFixtures.failure("not-pubmed.xml")
        #expect(error.severity == .error)
        #expect(error.message.contains("<eSearchResult>"))
    }

    // MARK: Inputs

    @Test("a gzip-compressed file reads like the plain one")
    func gzip() throws {
        let plain = try ParserFixtures.parse("structured-abstract.xml").records
        let compressed = try ParserFixtures.parse("structured-abstract.xml.gz").records
        #expect(plain.count == 1)
        #expect(compressed.map(\.originalXML) == plain.map(\.originalXML))
        #expect(compressed.first?.abstract == plain.first?.abstract)
    }

    @Test("standard input is read (here a pipe put in place of file descriptor 0)")
    func standardInput() throws {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: ParserFixtures.path("structured-abstract.xml.gz")))
        var descriptors: [Int32] = [0, 0]
        try #require(pipe(&descriptors) == 0)
        let savedInput = dup(0)
        try #require(savedInput >= 0)
        try #require(dup2(descriptors[0], 0) == 0)
        close(descriptors[0])
        let writeEnd = descriptors[1]
        let writer = Thread {
            bytes.withUnsafeBytes { raw in
                var offset = 0
                while offset < raw.count {
                    let written = write(writeEnd, raw.baseAddress! + offset, raw.count - offset)
                    if written <= 0 { break }
                    offset += written
                }
            }
            close(writeEnd)
        }
        writer.start()
        defer {
            dup2(savedInput, 0)
            close(savedInput)
        }
        let result = try ParserFixtures.parse(.standardInput)
        #expect(result.records.map(\.pmid) == [PMID(32000002)])
        #expect(ParserInput.standardInput.displayName == "<stdin>")
    }

    @Test("reading ahead or not gives the same items")
    func readAhead() throws {
        let path = try ParserFixtures.path("book-article.xml")
        var direct: [PubMedRecord] = []
        _ = try PubMedParser(options: .init(readsAhead: false)).parse(.file(path: path)) { item in
            if case .record(let record) = item { direct.append(record) }
        }
        #expect(direct.count == 2)
        #expect(direct == (try ParserFixtures.parse("book-article.xml").records))
    }

    @Test("bytes in memory parse, and diagnostics use their name")
    func bytes() throws {
        let xml = #"<PubmedArticle><MedlineCitation><PMID>5</PMID><Article><ArticleTitle>T</ArticleTitle></Article></MedlineCitation></PubmedArticle>"#
        let result = try ParserFixtures.parse(.bytes(Array(xml.utf8), name: "memory.xml"))
        #expect(result.records.map(\.title) == ["T"])
        do {
            _ = try ParserFixtures.parse(.bytes(Array("<PubmedArticle>".utf8), name: "memory.xml"))
            Issue.record("a truncated document parsed")
        } catch let error as ParseDiagnostic {
            #expect(error.file == "memory.xml")
        }
    }

    @Test("an empty input is an error, not zero records")
    func emptyInput() {
        #expect(throws: ParseDiagnostic.self) {
            _ = try ParserFixtures.parse(.bytes([], name: "empty.xml"))
        }
    }

    @Test("a truncated gzip file is an error, not a short read taken for the end")
    func truncatedGzip() throws {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: ParserFixtures.path("structured-abstract.xml.gz")))
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("truncated.xml.gz")
        try bytes.prefix(bytes.count * 2 / 3).write(to: URL(fileURLWithPath: path))
        #expect(throws: ParseDiagnostic.self) { _ = try ParserFixtures.parse(.file(path: path)) }
    }

    @Test("a missing file is an error naming it")
    func missingFile() {
        do {
            _ = try ParserFixtures.parse(.file(path: "/nonexistent/pubmed.xml"))
            Issue.record("a missing file parsed")
        } catch let error as ParseDiagnostic {
            #expect(error.file == "/nonexistent/pubmed.xml")
            #expect(error.severity == .error)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test("a relative path that looks like a URL is read as a local file, never fetched")
    func urlLikePath() {
        #expect(throws: ParseDiagnostic.self) {
            _ = try ParserFixtures.parse(.file(path: "http://127.0.0.1:9/pubmed.xml"))
        }
    }

    // MARK: Errors

    @Test("a document that is not well-formed throws file:line:column with the PMID being read")
    func malformed() throws {
        let path = try ParserFixtures.path("malformed.xml")
        let error = try ParserFixtures.failure("malformed.xml")
        #expect(error.severity == .error)
        #expect(error.file == path)
        #expect(error.line == 7)
        #expect(error.column != nil)
        #expect(error.pmid == PMID(33000013))
        #expect(error.description.hasPrefix("\(path):7:"))
        #expect(error.description.contains(": error: PMID 33000013: "))
    }

    @Test("an error thrown by the handler stops parsing and is rethrown as is")
    func handlerError() throws {
        struct Stop: Error {}
        var seen = 0
        #expect(throws: Stop.self) {
            _ = try PubMedParser().parse(.file(path: try ParserFixtures.path("pmid-version.xml"))) { _ in
                seen += 1
                throw Stop()
            }
        }
        #expect(seen == 1)
    }

    @Test("records(fromXML:) reads a fragment such as a stored originalXML")
    func recordsFromXML() throws {
        let record = try ParserFixtures.record("structured-abstract.xml")
        let again = try PubMedParser().records(fromXML: record.originalXML)
        #expect(again.count == 1)
        #expect(again.first?.abstract == record.abstract)
    }
}
