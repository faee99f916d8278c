/// A query that cannot be parsed: where it went wrong, what is wrong, and how to fix it.
///
/// `description` is the sentence shown to the user, e.g.
/// `unknown field tag [tiabx] at column 9; did you mean [tiab]?`. Columns count characters
/// from 1. No SQLite or FTS5 message ever ends up here.
public struct QueryError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of mistake the query holds.
    public enum Kind: Hashable, Sendable {
        /// The query is empty or only white space.
        case empty
        /// Every word of the query is punctuation, so nothing can be searched.
        case noSearchableTerms
        /// A `(` is never closed.
        case unclosedParenthesis
        /// A `)` has no `(` before it.
        case unmatchedParenthesis
        /// `()` with nothing inside.
        case emptyParentheses
        /// A `"` is never closed.
        case unclosedQuote
        /// A `[` is never closed.
        case unclosedFieldTag
        /// A `]` has no `[` before it.
        case unmatchedBracket
        /// `[]`.
        case emptyFieldTag
        /// A tag that is not one of the known field tags.
        case unknownFieldTag(String)
        /// A field tag with no term before it.
        case fieldTagWithoutTerm
        /// A field tag that cannot apply to a parenthesised group.
        case fieldTagOnGroup
        /// `~N` that is not a whole number of words, or on a tag that has no proximity.
        case invalidProximity
        /// An operator with no term before it.
        case operatorWithoutLeftTerm(String)
        /// An operator with no term after it.
        case operatorWithoutRightTerm(String)
        /// Two operators in a row.
        case consecutiveOperators(String, String)
        /// A `[dp]` value that is not a date or date range.
        case invalidDate(String)
        /// A `[pmid]` value that is not a PMID.
        case invalidPMID(String)
        /// A tagged term whose value is empty once punctuation is dropped.
        case emptyFieldValue
        /// Too many terms or too deeply nested parentheses.
        case tooComplex
    }

    /// What kind of mistake it is.
    public var kind: Kind
    /// Column (1-based, in characters) where the mistake starts.
    public var column: Int
    /// What is wrong, without the position (`unknown field tag [tiabx]`).
    public var message: String
    /// How to fix it (`did you mean [tiab]?`), when there is a suggestion.
    public var suggestion: String?

    /// Creates an error.
    public init(_ kind: Kind, column: Int, message: String, suggestion: String? = nil) {
        self.kind = kind
        self.column = column
        self.message = message
        self.suggestion = suggestion
    }

    /// The full sentence: message, column and suggestion.
    public var description: String {
        let located = kind == .empty ? message : "\(message) at column \(column)"
        guard let suggestion else { return located }
        return "\(located); \(suggestion)"
    }
}
