/// A PubMed-style query, parsed and checked: the entry point of the query language.
///
/// ```swift
/// let query = try SearchQuery("ketamine[tiab] AND (depress* OR \"mood disorder\") NOT Review[pt]")
/// ```
/// Parsing throws a `QueryError` that points at the column of the mistake.
public struct SearchQuery: Hashable, Sendable, CustomStringConvertible {
    /// The query as the user typed it.
    public let source: String
    /// The parsed tree.
    public let root: QueryNode
    /// Words that hold nothing searchable (only punctuation) and were left out.
    public let ignoredWords: [String]

    /// Parses `source`.
    public init(_ source: String) throws {
        self.source = source
        guard source.contains(where: { !$0.isWhitespace }) else {
            throw QueryError(.empty, column: 1, message: "empty query",
                             suggestion: "give at least one search term, e.g. ketamine[tiab]")
        }
        let tokens = try QueryLexer(source).tokens()
        var parser = QueryParser(tokens: tokens)
        guard let root = try parser.parse() else {
            throw QueryError(.noSearchableTerms, column: 1, message: "no searchable terms",
                             suggestion: "use words with letters or digits, e.g. ketamine")
        }
        self.root = root
        self.ignoredWords = parser.ignoredWords
    }

    /// Wraps an already built tree (for filters added by the searcher, and tests).
    public init(root: QueryNode, source: String? = nil) {
        self.root = root
        self.source = source ?? root.canonical
        self.ignoredWords = []
    }

    /// The query as understood, fully parenthesised (`(a OR b) AND c[tiab]`).
    public var description: String { root.canonical }

    /// This query AND `other`.
    public func and(_ other: QueryNode) -> SearchQuery {
        SearchQuery(root: .and(root, other), source: source)
    }
}
