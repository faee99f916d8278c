/// Splits a query into words, phrases, field tags, parentheses and operators.
///
/// Only `"` (and typographic “ ”), `(`, `)`, `[`, `]` and white space are syntax; every other
/// character belongs to a word, so hyphens, slashes, apostrophes, digits and non-ASCII text
/// never cause errors here. `AND`, `OR` and `NOT` are operators only in upper case.
struct QueryLexer {
    private let characters: [Character]

    init(_ query: String) {
        characters = Array(query)
    }

    /// The tokens of the query, or the first lexical error.
    func tokens() throws -> [QueryToken] {
        var tokens: [QueryToken] = []
        var index = 0
        var sawSpace = true
        while index < characters.count {
            let character = characters[index]
            let column = index + 1
            if character.isWhitespace {
                sawSpace = true
                index += 1
                continue
            }
            switch character {
            case "(":
                tokens.append(QueryToken(kind: .open, column: column, followsSpace: sawSpace))
                index += 1
            case ")":
                tokens.append(QueryToken(kind: .close, column: column, followsSpace: sawSpace))
                index += 1
            case "\"", "“", "”":
                guard let end = characters[(index + 1)...].firstIndex(where: Self.isQuote) else {
                    throw QueryError(.unclosedQuote, column: column, message: "unclosed quote",
                                     suggestion: "add \" to end the phrase")
                }
                let text = String(characters[(index + 1)..<end])
                tokens.append(QueryToken(kind: .phrase(text), column: column, followsSpace: sawSpace))
                index = end + 1
                // A `*` right after the closing quote truncates the phrase's last word.
                if index < characters.count, characters[index] == "*" {
                    tokens[tokens.count - 1].kind = .phrase(text + "*")
                    index += 1
                }
            case "[":
                guard let end = characters[(index + 1)...].firstIndex(of: "]") else {
                    throw QueryError(.unclosedFieldTag, column: column, message: "unclosed field tag",
                                     suggestion: "add ] to end it")
                }
                let text = String(characters[(index + 1)..<end])
                tokens.append(QueryToken(kind: .tag(text), column: column, followsSpace: sawSpace))
                index = end + 1
            case "]":
                throw QueryError(.unmatchedBracket, column: column, message: "unmatched ]",
                                 suggestion: "remove it or add [ before the field tag")
            default:
                var end = index
                while end < characters.count, !Self.endsWord(characters[end]) { end += 1 }
                let word = String(characters[index..<end])
                let kind: QueryToken.Kind = BooleanOperator(rawValue: word).map { .op($0) } ?? .word(word)
                tokens.append(QueryToken(kind: kind, column: column, followsSpace: sawSpace))
                index = end
            }
            sawSpace = false
        }
        return tokens
    }

    private static func isQuote(_ character: Character) -> Bool {
        character == "\"" || character == "“" || character == "”"
    }

    private static func endsWord(_ character: Character) -> Bool {
        character.isWhitespace || character == "(" || character == ")" || character == "["
            || character == "]" || isQuote(character)
    }
}
