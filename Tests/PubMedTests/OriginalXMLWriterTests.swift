import Testing
@testable import PubMed

@Suite("originalXML")
struct OriginalXMLWriterTests {
    static let fixtures = [
        "all-fields.xml", "structured-abstract.xml", "medline-date.xml", "season-date.xml", "collective-name.xml",
        "inline-markup.xml", "mathml.xml", "book-article.xml", "legacy-medline-citation-set.xml", "delete-citation.xml",
        "pmid-version.xml", "page-ranges.xml", "bare-pubmed-article.xml", "bare-book-article.xml", "duplicate-ids.xml",
        "internal-entity.xml", "external-dtd.xml",
    ]

    @Test("originalXML re-parses to an equal record", arguments: fixtures)
    func roundTrip(fixture: String) throws {
        for record in try ParserFixtures.parse(fixture).records {
            try Self.expectRoundTrip(record)
        }
    }

    @Test("originalXML starts at the record element and ends with it")
    func bounds() throws {
        let record = try ParserFixtures.record("all-fields.xml")
        #expect(record.originalXML.hasPrefix("<PubmedArticle>"))
        #expect(record.originalXML.hasSuffix("</PubmedArticle>"))
        let book = try ParserFixtures.parse("book-article.xml").records[0]
        #expect(book.originalXML.hasPrefix("<PubmedBookArticle>"))
        #expect(book.originalXML.hasSuffix("</PubmedBookArticle>"))
    }

    @Test("text is escaped and entities are resolved")
    func escaping() throws {
        let record = try ParserFixtures.record("inline-markup.xml")
        #expect(record.originalXML.contains("(<b>P</b>&lt;0.001, <u>n</u> = 12) &amp; more</ArticleTitle>"))
        let entity = try ParserFixtures.record("internal-entity.xml")
        #expect(entity.originalXML.contains("<ArticleTitle>Intranasal esketamine and ketamine infusions</ArticleTitle>"))
        #expect(entity.title == "Intranasal esketamine and ketamine infusions")
    }

    @Test("namespace declarations and prefixes are kept")
    func namespaces() throws {
        let record = try ParserFixtures.record("mathml.xml")
        #expect(record.originalXML.contains(#"<mml:math xmlns:mml="http://www.w3.org/1998/Math/MathML"><mml:msub><mml:mi>T</mml:mi> <mml:mn>1</mml:mn></mml:msub></mml:math>"#))
    }

    @Test("attribute values with markup characters are escaped and survive a round trip")
    func attributeEscaping() throws {
        let xml = #"<PubmedArticle><MedlineCitation Owner="A&amp;B &lt;&quot;x&quot;&gt;"><PMID>7</PMID><Article><ArticleTitle>t</ArticleTitle></Article></MedlineCitation></PubmedArticle>"#
        let record = try #require(try PubMedParser().records(fromXML: xml).first)
        #expect(record.owner == #"A&B <"x">"#)
        #expect(record.originalXML.contains(#"Owner="A&amp;B &lt;&quot;x&quot;&gt;""#))
        try Self.expectRoundTrip(record)
    }

    /// Checks that `record.originalXML` re-parses to `record` (apart from `sourceLine`).
    static func expectRoundTrip(_ record: PubMedRecord, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let again = try PubMedParser().records(fromXML: record.originalXML)
        #expect(again.count == 1, sourceLocation: sourceLocation)
        guard var copy = again.first else { return }
        copy.sourceLine = record.sourceLine
        #expect(copy == record, "PMID \(record.pmid) differs after a round trip", sourceLocation: sourceLocation)
    }
}
