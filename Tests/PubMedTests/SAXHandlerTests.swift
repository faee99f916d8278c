import Testing
@testable import PubMed

@Suite("Hostile XML")
struct SAXHandlerTests {
    @Test("a billion-laughs entity bomb fails cleanly with an error")
    func billionLaughs() throws {
        let error = try ParserFixtures.failure("billion-laughs.xml")
        #expect(error.severity == .error)
        #expect(error.line == 19)  // the line of the &lol9; reference, not a line inside the entity
        #expect(error.pmid == PMID(33000017))
    }

    @Test("an external entity pointing at a local file is refused, and nothing of the file is read")
    func localFileEntity() throws {
        let error = try ParserFixtures.failure("xxe-local-file.xml")
        #expect(error.message.contains("external entity 'secret' refused"))
        #expect(!error.description.contains("root:"))
    }

    @Test("an external entity pointing at an http URL is refused")
    func httpEntity() throws {
        let error = try ParserFixtures.failure("xxe-http-entity.xml")
        #expect(error.message.contains("external entity 'remote' refused"))
    }

    @Test("an external parameter entity is refused")
    func parameterEntity() throws {
        let error = try ParserFixtures.failure("xxe-parameter-entity.xml")
        #expect(error.message.contains("external entity 'remote' refused"))
    }

    @Test("an external DTD is never loaded: the document parses without it")
    func externalDTD() throws {
        let record = try ParserFixtures.record("external-dtd.xml")
        #expect(record.title == "The external DTD is never fetched & the record still parses.")
    }

    @Test("a small internal entity is expanded")
    func internalEntity() throws {
        #expect(try ParserFixtures.record("internal-entity.xml").title == "Intranasal esketamine and ketamine infusions")
    }

    @Test("an undeclared entity without a DTD is a well-formedness error")
    func undeclaredEntity() {
        let xml = "<PubmedArticle><MedlineCitation><PMID>9</PMID><Article><ArticleTitle>&nbsp;</ArticleTitle></Article></MedlineCitation></PubmedArticle>"
        #expect(throws: ParseDiagnostic.self) { _ = try PubMedParser().records(fromXML: xml) }
    }
}
