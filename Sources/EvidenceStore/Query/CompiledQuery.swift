/// A query compiled for SQLite: a parameterised SQL statement that selects the matching
/// PMIDs, and the FTS5 expressions used to match and rank text.
///
/// User text only ever appears in `arguments` (bound, never spliced) or inside FTS5 strings
/// built by `FTS5Expression` (escaped); the SQL text itself is fixed by the compiler.
public struct CompiledQuery: Hashable, Sendable {
    /// `SELECT pmid …` returning each matching PMID once (column name `pmid`).
    public var pmidSQL: String
    /// Values bound to the `?` placeholders of `pmidSQL`, in order.
    public var arguments: [SQLArgument]
    /// When the whole query is text, the single FTS5 expression equivalent to it.
    public var matchExpression: String?
    /// The FTS5 expression that ranks and highlights hits: the positive text terms OR-ed
    /// together, or `nil` when the query has no text term (then results are ordered by date).
    public var rankingExpression: String?
    /// When the query is text ANDed with field criteria (and is not text-only), the same set
    /// as one FTS5 match filtered hit by hit: ranked and counted in a single pass.
    public var filteredMatch: FilteredMatch?

    /// Creates a compiled query.
    public init(pmidSQL: String, arguments: [SQLArgument], matchExpression: String?, rankingExpression: String?,
                filteredMatch: FilteredMatch? = nil) {
        self.pmidSQL = pmidSQL
        self.arguments = arguments
        self.matchExpression = matchExpression
        self.rankingExpression = rankingExpression
        self.filteredMatch = filteredMatch
    }
}

/// A value bound to an SQL placeholder.
public enum SQLArgument: Hashable, Sendable, CustomStringConvertible {
    /// Text.
    case text(String)
    /// An integer.
    case integer(Int64)

    /// As shown by `--explain` (text quoted).
    public var description: String {
        switch self {
        case .text(let text):
            let shown = text.replacingOccurrences(of: "'", with: "''").replacingOccurrences(of: "\u{10FFFF}", with: "\\u{10FFFF}")
            return "'" + shown + "'"
        case .integer(let value): return String(value)
        }
    }
}
