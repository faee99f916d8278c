/// Splits a query into words, phrases, field tags, parentheses and operators.
///
/// Only `"` (and typographic “ ”), `(`, `)`, `[`, `]` and white space are syntax; every other
/// character belongs to a word, so hyphens, slashes, apostrophes, digits and non-ASCII text
/// never cause errors here. `AND`, `OR` and `NOT` are operators only in upper case.
///
/// Columns count characters (grapheme clusters). A query of ASCII without carriage returns
/// (nearly every query) has one character per byte, so it is scanned as bytes, which avoids
/// segmenting it into `Character`s: that was most of the fixed cost of a cheap `--count`.
struct QueryLexer {
    private let query: String

    init(_ query: String) {
        self.query = query
    }

    /// The tokens of the query, or the first lexical error.
    func tokens() throws -> [QueryToken] {
        let bytes = Array(query.utf8)
        // "\r\n" is one Character: only byte-per-character text takes the byte path.
        if bytes.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
            return try Self.tokens(bytes, text: { String(decoding: bytes[$0], as: UTF8.self) })
        }
        let characters = Array(query)
        return try Self.tokens(characters, text: { String(characters[$0]) })
    }

    /// The scan, over bytes (ASCII) or characters.
    private static func tokens<Unit: LexUnit>(_ units: [Unit], text: (Range<Int>) -> String) throws -> [QueryToken] {
        var tokens: [QueryToken] = []
        var index = 0
        var sawSpace = true
        while index < units.count {
            let unit = units[index]
            let column = index + 1
            if unit.isSpace {
                sawSpace = true
                index += 1
                continue
            }
            switch unit.syntax {
            case .open:
                tokens.append(QueryToken(kind: .open, column: column, followsSpace: sawSpace))
                index += 1
            case .close:
                tokens.append(QueryToken(kind: .close, column: column, followsSpace: sawSpace))
                index += 1
            case .quote:
                guard let end = units[(index + 1)...].firstIndex(where: { $0.syntax == .quote }) else {
                    throw QueryError(.unclosedQuote, column: column, message: "unclosed quote",
                                     suggestion: "add \" to end the phrase")
                }
                let phrase = text((index + 1)..<end)
                tokens.append(QueryToken(kind: .phrase(phrase), column: column, followsSpace: sawSpace))
                index = end + 1
                // A `*` right after the closing quote truncates the phrase's last word.
                if index < units.count, units[index].isStar {
                    tokens[tokens.count - 1].kind = .phrase(phrase + "*")
                    index += 1
                }
            case .openTag:
                guard let end = units[(index + 1)...].firstIndex(where: { $0.syntax == .closeTag }) else {
                    throw QueryError(.unclosedFieldTag, column: column, message: "unclosed field tag",
                                     suggestion: "add ] to end it")
                }
                tokens.append(QueryToken(kind: .tag(text((index + 1)..<end)), column: column, followsSpace: sawSpace))
                index = end + 1
            case .closeTag:
                throw QueryError(.unmatchedBracket, column: column, message: "unmatched ]",
                                 suggestion: "remove it or add [ before the field tag")
            case .none:
                var end = index
                while end < units.count, !units[end].isSpace, units[end].syntax == .none { end += 1 }
                let word = text(index..<end)
                let kind: QueryToken.Kind = BooleanOperator(rawValue: word).map { .op($0) } ?? .word(word)
                tokens.append(QueryToken(kind: kind, column: column, followsSpace: sawSpace))
                index = end
            }
            sawSpace = false
        }
        return tokens
    }
}

/// The syntax role of one unit of query text.
enum LexSyntax {
    case none, open, close, quote, openTag, closeTag
}

/// A unit the lexer scans: a byte of ASCII text, or a character.
protocol LexUnit {
    var isSpace: Bool { get }
    var syntax: LexSyntax { get }
    var isStar: Bool { get }
}

extension UInt8: LexUnit {
    var isSpace: Bool { self == 0x20 || (0x09...0x0D).contains(self) }
    var syntax: LexSyntax {
        switch self {
        case UInt8(ascii: "("): return .open
        case UInt8(ascii: ")"): return .close
        case UInt8(ascii: "\""): return .quote
        case UInt8(ascii: "["): return .openTag
        case UInt8(ascii: "]"): return .closeTag
        default: return .none
        }
    }
    var isStar: Bool { self == UInt8(ascii: "*") }
}

extension Character: LexUnit {
    var isSpace: Bool { isWhitespace }
    var syntax: LexSyntax {
        switch self {
        case "(": return .open
        case ")": return .close
        case "\"", "“", "”": return .quote
        case "[": return .openTag
        case "]": return .closeTag
        default: return .none
        }
    }
    var isStar: Bool { self == "*" }
}
