/// One lexical token of a query, with the column where it starts.
struct QueryToken: Hashable, Sendable {
    /// What the token is.
    enum Kind: Hashable, Sendable {
        /// A bare word (may end with `*`).
        case word(String)
        /// A quoted phrase, without its quotes.
        case phrase(String)
        /// The inside of a `[...]` field tag.
        case tag(String)
        /// `(`.
        case open
        /// `)`.
        case close
        /// Upper-case `AND`, `OR` or `NOT`.
        case op(BooleanOperator)
    }

    var kind: Kind
    /// 1-based column (in characters) of the first character.
    var column: Int
    /// Whether white space separates this token from the previous one.
    var followsSpace: Bool
}

/// The three Boolean operators of the query language.
enum BooleanOperator: String, Hashable, Sendable {
    case and = "AND"
    case or = "OR"
    case not = "NOT"
}
