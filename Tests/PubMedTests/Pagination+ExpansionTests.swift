import Testing
@testable import PubMed

@Suite("Page ranges")
struct PaginationExpansionTests {
    @Test("MedlinePgn ranges get their end pages in full", arguments: [
        ("148-52", "148-152"),
        ("1123-9", "1123-1129"),
        ("e123", "e123"),
        ("S1-5", "S1-S5"),
        ("S1-S5", "S1-S5"),
        ("148-52, 160-2", "148-152, 160-162"),
        ("98-102", "98-102"),
        ("iii-xi", "iii-xi"),
        ("123", "123"),
        ("12-4a", "12-4a"),
    ])
    func medlinePgn(written: String, expanded: String) {
        #expect(Pagination(medlinePgn: written).expandedPages == expanded)
    }

    @Test("StartPage and EndPage are used when there is no MedlinePgn")
    func startEnd() {
        #expect(Pagination(startPage: "148", endPage: "52").expandedPages == "148-152")
        #expect(Pagination(startPage: "e0251234").expandedPages == "e0251234")
        #expect(Pagination().expandedPages == nil)
    }
}
