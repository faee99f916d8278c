import Testing
@testable import EvidenceStore

@Suite("Highlighted text and leading passages")
struct HighlightedTextTests {
    @Test("FTS5 marks become matched segments; tabs and line breaks become spaces; non-ASCII text is kept")
    func markedText() {
        let text = HighlightedText(markedText: "Esk\u{1}etamine\u{2} in\ttreatment-\u{1}résistant\u{2}\ndépression \u{1}Åsberg\u{2}")
        #expect(text.segments == [
            .init("Esk", isMatch: false), .init("etamine", isMatch: true), .init(" in treatment-", isMatch: false),
            .init("résistant", isMatch: true), .init(" dépression ", isMatch: false), .init("Åsberg", isMatch: true),
        ])
        #expect(text.bracketed == "Esk[etamine] in treatment-[résistant] dépression [Åsberg]")
        #expect(HighlightedText(markedText: "").segments.isEmpty)
        #expect(HighlightedText(markedText: "\u{1}\u{2}plain").segments == [.init("plain", isMatch: false)])
    }

    @Test("the leading passage is the first 40 words, with an ellipsis when there are more")
    func leadingPassage() {
        let words = (1...50).map { "w\($0)" }
        #expect(ArticleSearcher.leadingPassage(words.joined(separator: " ")) == words.prefix(40).joined(separator: " ") + "…")
        #expect(ArticleSearcher.leadingPassage(words.prefix(40).joined(separator: "\n  ")) == words.prefix(40).joined(separator: " "))
        #expect(ArticleSearcher.leadingPassage(words.prefix(41).joined(separator: "\u{00A0}")) == words.prefix(40).joined(separator: " ") + "…")
        #expect(ArticleSearcher.leadingPassage("  Åsberg  scale\u{2009}é ") == "Åsberg scale é")
        #expect(ArticleSearcher.leadingPassage(nil) == "")
        #expect(ArticleSearcher.leadingPassage("") == "")
    }
}
