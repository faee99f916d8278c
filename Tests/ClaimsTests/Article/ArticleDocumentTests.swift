import Claims
import Testing

@Suite("Reading articles")
struct ArticleDocumentTests {
    @Test("headings, sentences and list items, with lead-ins")
    func segments() {
        let text = "Side Effects\n\nThese side effects include:\n\n  • Dizziness\n\n  • Nausea\n\nThey wear off quickly.\n"
        let article = ArticleDocument(source: "a.txt", format: .text, text: text)
        #expect(article.segments.map(\.kind) == [.heading, .sentence, .listItem, .listItem, .sentence])
        #expect(article.segments[2].text == "Dizziness")
        #expect(article.segments[2].leadIn == 1)
        #expect(article.segments[3].leadIn == 1)
        #expect(article.segments[4].leadIn == nil)
    }

    @Test("HTML: markup is dropped and offsets map back into the original")
    func htmlOffsets() {
        let html = "<p>Ketamine <b>works</b> fast &amp; well.</p><script>var a = 'Hidden text.';</script><ul><li>Dizziness</li></ul>"
        let article = ArticleDocument(source: "a.html", format: .html, text: html)
        #expect(article.segments.map(\.text) == ["Ketamine works fast & well.", "Dizziness"])
        #expect(article.originalText(of: article.segments[0]) == "Ketamine <b>works</b> fast &amp; well.")
        #expect(article.originalText(of: article.segments[1]) == "Dizziness")
        #expect(article.segments[1].kind == .listItem)
    }

    @Test("Markdown: emphasis, links and list markers are dropped, offsets kept")
    func markdownOffsets() {
        let markdown = "# Ketamine\n\nKetamine is **fast** and [well studied](https://example.org).\n\n- Nausea\n- *Dizziness*\n"
        let article = ArticleDocument(source: "a.md", format: .markdown, text: markdown)
        #expect(article.segments.map(\.text) == ["Ketamine", "Ketamine is fast and well studied.", "Nausea", "Dizziness"])
        #expect(article.segments.map(\.kind) == [.heading, .sentence, .listItem, .listItem])
        #expect(article.originalText(of: article.segments[1]) == "Ketamine is **fast** and [well studied](https://example.org).")
        #expect(article.originalText(of: article.segments[3]) == "Dizziness", "the span is the text inside the emphasis")
    }

    @Test("the format follows the extension", arguments: [
        ("a.txt", ArticleFormat.text), ("a.md", .markdown), ("A.HTML", .html), ("a.htm", .html), ("notes", .text),
    ])
    func format(path: String, format: ArticleFormat) {
        #expect(ArticleFormat(path: path) == format)
    }
}
