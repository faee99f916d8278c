import Testing
@testable import PubMed

@Suite("PMID")
struct PMIDTests {
    @Test("parses decimal text and rejects anything else", arguments: [
        ("30271887", Int64?(30271887)), (" 42\n", 42), ("0", nil), ("-3", nil), ("12a", nil), ("", nil), ("１２", nil),
    ])
    func parsing(text: String, expected: Int64?) {
        #expect(PMID(text)?.value == expected)
    }

    @Test("a DOI loses its resolver prefix")
    func doiPrefix() {
        #expect(DOI("https://doi.org/10.1001/jamapsychiatry.2019.1189")?.value == "10.1001/jamapsychiatry.2019.1189")
        #expect(DOI("doi:10.1/x")?.value == "10.1/x")
        #expect(DOI("not a doi") == nil)
    }
}
