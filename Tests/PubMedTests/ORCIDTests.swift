import Testing
@testable import PubMed

@Suite("ORCID")
struct ORCIDTests {
    @Test("ORCID iDs are normalised to 0000-0000-0000-000X", arguments: [
        ("0000-0002-1825-0097", String?("0000-0002-1825-0097")),
        ("https://orcid.org/0000-0002-1825-0097", "0000-0002-1825-0097"),
        ("http://orcid.org/000000021825009x", "0000-0002-1825-009X"),
        ("0000 0002 1825 0097", "0000-0002-1825-0097"),
        ("0000-0002-1825", nil),
        ("0000-0002-1825-00X7", nil),
        ("not an orcid", nil),
    ])
    func normalised(text: String, expected: String?) {
        #expect(ORCID.normalized(text) == expected)
    }
}
