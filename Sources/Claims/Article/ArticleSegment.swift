/// One unit of an article: a heading, a sentence or a list item.
public struct ArticleSegment: Hashable, Sendable {
    /// What kind of unit this is.
    public enum Kind: String, Hashable, Sendable, Codable {
        /// A title or section heading (a short line without closing punctuation, or a question line).
        case heading
        /// A sentence of running text.
        case sentence
        /// A bulleted or numbered list item.
        case listItem = "list-item"
    }

    /// Position in the article, from 0.
    public var index: Int
    /// The kind of unit.
    public var kind: Kind
    /// Where it is in the plain text (trimmed; a list item's span excludes its bullet).
    public var span: TextSpan
    /// Where it is in the original file.
    public var originalSpan: TextSpan
    /// Its plain text.
    public var text: String
    /// The paragraph (block) it belongs to, from 0.
    public var paragraph: Int
    /// For a list item: the index of the sentence that introduces the list ("These side effects include:").
    public var leadIn: Int?
    /// The index of the nearest heading above it.
    public var heading: Int?
}
