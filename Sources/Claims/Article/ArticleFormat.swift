/// The kinds of article file `evidence check` reads.
public enum ArticleFormat: String, Sendable, Hashable, CaseIterable, Codable {
    /// Plain text.
    case text
    /// Markdown (CommonMark-ish: headings, emphasis, links, lists, code).
    case markdown
    /// HTML.
    case html

    /// The format a path's extension names: `.md`/`.markdown`, `.html`/`.htm`, anything else is text.
    public init(path: String) {
        let lower = path.lowercased()
        if lower.hasSuffix(".md") || lower.hasSuffix(".markdown") {
            self = .markdown
        } else if lower.hasSuffix(".html") || lower.hasSuffix(".htm") || lower.hasSuffix(".xhtml") {
            self = .html
        } else {
            self = .text
        }
    }
}
