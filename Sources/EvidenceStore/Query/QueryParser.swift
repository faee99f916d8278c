import Foundation

/// Parses query tokens into a `QueryNode` tree with PubMed's rules.
///
/// - Operators are evaluated strictly left to right unless parentheses group them:
///   `a OR b AND c` means `(a OR b) AND c`.
/// - Adjacent terms are joined by AND.
/// - A field tag applies to the run of words right before it, back to the previous operator,
///   parenthesis, phrase or tag: `Smith J[au]` is one author, `heart attack[tiab]` one phrase
///   (as PubMed does for tagged multi-word terms).
/// - A text tag after a parenthesised group applies to every text term inside.
struct QueryParser {
    /// The deepest nesting of parentheses accepted.
    static let maximumDepth = 50
    /// The most terms a query may hold.
    static let maximumTerms = 500

    private let tokens: [QueryToken]
    private var position = 0
    private(set) var ignoredWords: [String] = []

    init(tokens: [QueryToken]) {
        self.tokens = tokens
    }

    /// Parses the whole query.
    mutating func parse() throws -> QueryNode? {
        let node = try parseSequence(depth: 0)
        if position < tokens.count {
            // Only a `)` stops a top-level sequence.
            throw QueryError(.unmatchedParenthesis, column: tokens[position].column, message: "unmatched )",
                             suggestion: "remove it or add ( before the group")
        }
        if let node, node.leafCount > Self.maximumTerms {
            throw QueryError(.tooComplex, column: 1, message: "query has more than \(Self.maximumTerms) terms",
                             suggestion: "split it into smaller searches")
        }
        return node
    }

    private var current: QueryToken? { position < tokens.count ? tokens[position] : nil }

    /// Parses operands joined by operators until `)` or the end.
    private mutating func parseSequence(depth: Int) throws -> QueryNode? {
        var result: QueryNode?
        var pending: (op: BooleanOperator, token: QueryToken)?
        var lastOperand: QueryToken?

        func combine(_ operand: QueryNode) {
            guard let left = result else {
                result = operand
                return
            }
            switch pending?.op ?? .and {
            case .and: result = .and(left, operand)
            case .or: result = .or(left, operand)
            case .not: result = .not(left, operand)
            }
            pending = nil
        }

        while let token = current {
            switch token.kind {
            case .close:
                if let pending { throw Self.missingRightTerm(pending.op, pending.token) }
                return result
            case .op(let op):
                if let pending {
                    throw QueryError(.consecutiveOperators(pending.op.rawValue, op.rawValue), column: token.column,
                                     message: "\(op.rawValue) follows \(pending.op.rawValue) with no term between them",
                                     suggestion: "remove one of them or put a term between them")
                }
                if result == nil {
                    let hint = op == .not
                        ? "put a term before NOT, e.g. depression NOT ketamine"
                        : "put a term before \(op.rawValue) or remove it"
                    throw QueryError(.operatorWithoutLeftTerm(op.rawValue), column: token.column,
                                     message: "\(op.rawValue) has no term before it", suggestion: hint)
                }
                pending = (op, token)
                position += 1
            case .open:
                guard depth < Self.maximumDepth else {
                    throw QueryError(.tooComplex, column: token.column,
                                     message: "parentheses nested deeper than \(Self.maximumDepth) levels",
                                     suggestion: "simplify the query")
                }
                position += 1
                let inner = try parseSequence(depth: depth + 1)
                guard let close = current, close.kind == .close else {
                    throw QueryError(.unclosedParenthesis, column: token.column, message: "unclosed parenthesis",
                                     suggestion: "add ) to close it or remove (")
                }
                position += 1
                guard var group = inner else {
                    throw QueryError(.emptyParentheses, column: token.column, message: "empty parentheses",
                                     suggestion: "put terms inside or remove them")
                }
                if let tagToken = current, case .tag(let tagText) = tagToken.kind {
                    position += 1
                    group = try applyTag(tagText, at: tagToken, toGroup: group)
                }
                combine(group)
                lastOperand = token
            case .phrase(let text):
                position += 1
                var tag: (String, QueryToken)?
                if let tagToken = current, case .tag(let tagText) = tagToken.kind {
                    position += 1
                    tag = (tagText, tagToken)
                }
                if let node = try makeOperand(words: [text], quoted: true, column: token.column, tag: tag) {
                    combine(node)
                    lastOperand = token
                } else {
                    ignoredWords.append("\"\(text)\"")
                }
            case .word:
                var run: [QueryToken] = []
                while let next = current, case .word = next.kind {
                    run.append(next)
                    position += 1
                }
                if let tagToken = current, case .tag(let tagText) = tagToken.kind {
                    position += 1
                    let words = run.map { if case .word(let w) = $0.kind { return w } else { return "" } }
                    if let node = try makeOperand(words: words, quoted: false, column: run[0].column,
                                                  tag: (tagText, tagToken)) {
                        combine(node)
                        lastOperand = run[0]
                    } else {
                        throw QueryError(.emptyFieldValue, column: run[0].column,
                                         message: "nothing to search for before [\(tagText)]",
                                         suggestion: "use letters or digits, e.g. ketamine[\(tagText)]")
                    }
                } else {
                    for wordToken in run {
                        guard case .word(let word) = wordToken.kind else { continue }
                        if let node = try makeOperand(words: [word], quoted: false, column: wordToken.column, tag: nil) {
                            combine(node)
                            lastOperand = wordToken
                        } else {
                            ignoredWords.append(word)
                        }
                    }
                }
            case .tag(let text):
                throw QueryError(.fieldTagWithoutTerm, column: token.column,
                                 message: "field tag [\(text)] has no term before it",
                                 suggestion: "write it right after a term, e.g. ketamine[\(text)]")
            }
        }
        if let pending { throw Self.missingRightTerm(pending.op, pending.token) }
        _ = lastOperand
        return result
    }

    private static func missingRightTerm(_ op: BooleanOperator, _ token: QueryToken) -> QueryError {
        QueryError(.operatorWithoutRightTerm(op.rawValue), column: token.column,
                   message: "\(op.rawValue) has no term after it",
                   suggestion: "add a term after \(op.rawValue) or remove it")
    }

    // MARK: Tags

    /// A parsed tag: the field and, for text fields, an optional proximity.
    private struct ParsedTag {
        var field: FieldTag
        var proximity: Int?
    }

    private func parseTag(_ text: String, at token: QueryToken) throws -> ParsedTag {
        let trimmed = Self.trimmed(text)
        guard !trimmed.isEmpty else {
            throw QueryError(.emptyFieldTag, column: token.column, message: "empty field tag []",
                             suggestion: "write a tag such as [tiab]")
        }
        if let field = FieldTag(spelling: trimmed) { return ParsedTag(field: field) }
        // Proximity: [tiab:~3]
        if let colon = trimmed.firstIndex(of: ":"), trimmed[trimmed.index(after: colon)...].hasPrefix("~") {
            let name = String(trimmed[..<colon])
            let distanceText = trimmed[trimmed.index(colon, offsetBy: 2)...].trimmingCharacters(in: .whitespaces)
            guard let field = FieldTag(spelling: name) else { throw unknownTag(name, at: token) }
            guard field.allowsProximity else {
                throw QueryError(.invalidProximity, column: token.column,
                                 message: "proximity [\(trimmed)] is not available for [\(field.name)]",
                                 suggestion: "use ~N with [tiab], [ti] or [ab], e.g. \"ketamine depression\"[tiab:~3]")
            }
            guard !distanceText.isEmpty, distanceText.allSatisfy({ $0.isASCII && $0.isNumber }),
                  let distance = Int(distanceText), distance <= 1000 else {
                throw QueryError(.invalidProximity, column: token.column, message: "invalid proximity [\(trimmed)]",
                                 suggestion: "write a distance in words from 0 to 1000, e.g. [\(field.name):~3]")
            }
            return ParsedTag(field: field, proximity: distance)
        }
        throw unknownTag(trimmed, at: token)
    }

    /// `text` without leading and trailing spaces and tabs (`.whitespaces`); the common tag
    /// with ASCII non-space ends is returned as is, without Foundation's scan.
    static func trimmed(_ text: String) -> String {
        let utf8 = text.utf8
        if let first = utf8.first, let last = utf8.last, first < 0x80, last < 0x80,
           first != 0x20, first != 0x09, last != 0x20, last != 0x09 {
            return text
        }
        return text.trimmingCharacters(in: .whitespaces)
    }

    private func unknownTag(_ name: String, at token: QueryToken) -> QueryError {
        let suggestion = FieldTag.suggestion(for: name).map { "did you mean [\($0)]?" }
            ?? "known tags are " + FieldTag.shortNames.map { "[\($0)]" }.joined(separator: " ")
        return QueryError(.unknownFieldTag(name), column: token.column, message: "unknown field tag [\(name)]",
                          suggestion: suggestion)
    }

    private func applyTag(_ text: String, at token: QueryToken, toGroup group: QueryNode) throws -> QueryNode {
        let tag = try parseTag(text, at: token)
        guard let scope = tag.field.textScope, tag.proximity == nil else {
            throw QueryError(.fieldTagOnGroup, column: token.column,
                             message: "field tag [\(text)] cannot apply to a parenthesised group",
                             suggestion: "tag each term inside the parentheses")
        }
        return Self.rescoped(group, to: scope)
    }

    private static func rescoped(_ node: QueryNode, to scope: TextScope) -> QueryNode {
        switch node {
        case .text(var term):
            term.scope = scope
            return .text(term)
        case .proximity, .field:
            return node
        case .and(let l, let r): return .and(rescoped(l, to: scope), rescoped(r, to: scope))
        case .or(let l, let r): return .or(rescoped(l, to: scope), rescoped(r, to: scope))
        case .not(let l, let r): return .not(rescoped(l, to: scope), rescoped(r, to: scope))
        }
    }

    // MARK: Operands

    /// Builds the node for words (a run of bare words or one phrase) with an optional tag.
    /// Returns `nil` for untagged text with nothing searchable.
    private func makeOperand(words: [String], quoted: Bool, column: Int, tag: (String, QueryToken)?) throws -> QueryNode? {
        let parsed = try tag.map { try parseTag($0.0, at: $0.1) }
        let field = parsed?.field ?? .allFields
        if let scope = field.textScope {
            if let distance = parsed?.proximity {
                let groups = words.flatMap { $0.split(whereSeparator: \.isWhitespace) }
                    .map { SearchText.tokens(SearchText.strippingPossessive(String($0))) }
                    .filter { !$0.isEmpty }
                guard !groups.isEmpty else { return nil }
                if groups.count == 1 {
                    return .text(TextTerm(text: words.joined(separator: " "), tokens: groups[0], scope: scope, column: column))
                }
                return .proximity(ProximityTerm(words: groups, distance: distance, scope: scope, column: column))
            }
            var text = words.joined(separator: " ")
            var truncated = false
            if text.hasSuffix("*") {
                truncated = true
                while text.hasSuffix("*") { text.removeLast() }
            }
            let cleaned: String
            if !text.isEmpty, !text.utf8.contains(where: { $0 >= 0x80 || $0 == 0x20 || (0x09...0x0D).contains($0) }) {
                // One ASCII word (the usual case): nothing to split.
                cleaned = SearchText.strippingPossessive(text)
            } else {
                cleaned = text.split(whereSeparator: \.isWhitespace)
                    .map { SearchText.strippingPossessive(String($0)) }
                    .joined(separator: " ")
            }
            let tokens = SearchText.tokens(cleaned)
            guard !tokens.isEmpty else { return nil }
            // A truncated word must end in a letter or digit for the prefix to mean anything.
            if truncated, let last = cleaned.unicodeScalars.last, !SearchText.isTokenScalar(last) { truncated = false }
            return .text(TextTerm(text: words.joined(separator: " "), tokens: tokens, isTruncated: truncated,
                                  scope: scope, column: column))
        }
        guard let (tagText, tagToken) = tag else { return nil }
        return .field(try criterion(field, words: words, column: column, tagText: tagText, tagToken: tagToken))
    }

    private func criterion(_ field: FieldTag, words: [String], column: Int, tagText: String, tagToken: QueryToken) throws -> FieldCriterion {
        var raw = Self.trimmed(words.joined(separator: " "))
        var truncated = false
        if raw.hasSuffix("*") {
            truncated = true
            while raw.hasSuffix("*") { raw.removeLast() }
        }
        let emptyValue = QueryError(.emptyFieldValue, column: column, message: "nothing to search for before [\(tagText)]",
                                    suggestion: "use letters or digits, e.g. ketamine[\(tagText)]")
        /// Folded, punctuation other than `-`, `'` and `/` turned into spaces, spaces collapsed.
        func normalised(_ text: String, keepSlash: Bool = false) -> String {
            if text.utf8.allSatisfy({ $0 < 0x80 }) {
                // ASCII (most names and codes): the same mapping over bytes, without Characters.
                var bytes: [UInt8] = []
                bytes.reserveCapacity(text.utf8.count)
                for byte in text.utf8 {
                    let lower = (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
                    let kept = (0x30...0x39).contains(lower) || (0x61...0x7A).contains(lower) || lower == UInt8(ascii: "-")
                        || lower == UInt8(ascii: "'") || (keepSlash && lower == UInt8(ascii: "/"))
                    if kept {
                        bytes.append(lower)
                    } else if let last = bytes.last, last != 0x20 {
                        bytes.append(0x20)
                    }
                }
                if bytes.last == 0x20 { bytes.removeLast() }
                return String(decoding: bytes, as: UTF8.self)
            }
            let folded = SearchText.folded(text)
            let mapped = folded.map { c -> Character in
                if c.isLetter || c.isNumber || c == "-" || c == "'" || (keepSlash && c == "/") { return c }
                return " "
            }
            return String(mapped).split(separator: " ").joined(separator: " ")
        }
        /// Folded, white space collapsed, punctuation kept (MeSH names contain commas).
        func foldedName(_ text: String) -> String {
            SearchText.folded(text).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        func hasSearchable(_ text: String) -> Bool { text.contains { $0.isLetter || $0.isNumber } }
        switch field {
        case .author, .firstAuthor, .lastAuthor:
            let name = normalised(raw)
            guard hasSearchable(name) else { throw emptyValue }
            let position: AuthorPosition = field == .firstAuthor ? .first : field == .lastAuthor ? .last : .any
            return .author(name: name, position: position, truncated: truncated)
        case .mesh, .meshMajor:
            let parts = raw.split(separator: "/", maxSplits: 1).map(String.init)
            let descriptor = foldedName(parts.first ?? "")
            guard hasSearchable(descriptor) else { throw emptyValue }
            let qualifier = parts.count > 1 ? foldedName(parts[1]) : nil
            return .mesh(descriptor: descriptor, qualifier: qualifier?.isEmpty == true ? nil : qualifier,
                         majorOnly: field == .meshMajor, truncated: truncated && parts.count == 1)
        case .subheading:
            let name = foldedName(raw)
            guard hasSearchable(name) else { throw emptyValue }
            return .subheading(name)
        case .publicationType:
            let name = raw.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            guard name.contains(where: { $0.isLetter || $0.isNumber }) else { throw emptyValue }
            return .publicationType(name)
        case .journal:
            let name = raw.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            guard name.contains(where: { $0.isLetter || $0.isNumber }) else { throw emptyValue }
            return .journal(name, truncated: truncated)
        case .language:
            let name = normalised(raw)
            guard hasSearchable(name) else { throw emptyValue }
            return .language(LanguageCode.code(for: name))
        case .pmid:
            let text = raw.trimmingCharacters(in: .whitespaces)
            guard !truncated, let pmid = Int64(text), pmid > 0, text.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                throw QueryError(.invalidPMID(raw), column: column, message: "invalid PMID \(raw.isEmpty ? "(empty)" : raw)",
                                 suggestion: "a PMID is a positive whole number, e.g. 31109201[pmid]")
            }
            return .pmid(pmid)
        case .doi:
            let text = raw.replacingOccurrences(of: " ", with: "")
            guard hasSearchable(text) else { throw emptyValue }
            return .doi(DOIText.normalised(text))
        case .publicationDate:
            let text = raw.replacingOccurrences(of: " ", with: "")
            guard !truncated, let range = PublicationDateRange(text) else {
                throw QueryError(.invalidDate(raw), column: column, message: "invalid date \(raw.isEmpty ? "(empty)" : raw)",
                                 suggestion: "write YYYY, YYYY/MM, YYYY/MM/DD or a range such as 2015:2020[dp]")
            }
            return .publicationDate(range)
        case .titleAbstract, .title, .abstract, .textWord, .allFields:
            throw emptyValue // unreachable: text tags are handled by the caller
        }
    }
}

/// Normalises DOIs written in queries (`https://doi.org/10.x/y`, `doi:10.x/y`).
enum DOIText {
    static func normalised(_ text: String) -> String {
        var value = text
        for prefix in ["https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:"]
        where value.lowercased().hasPrefix(prefix) {
            value = String(value.dropFirst(prefix.count))
        }
        return value
    }
}

/// Language names accepted by `[la]`, mapped to the MEDLINE codes the records carry.
enum LanguageCode {
    static let byName: [String: String] = [
        "english": "eng", "french": "fre", "german": "ger", "spanish": "spa", "italian": "ita",
        "chinese": "chi", "japanese": "jpn", "russian": "rus", "portuguese": "por", "dutch": "dut",
        "polish": "pol", "korean": "kor", "swedish": "swe", "danish": "dan", "norwegian": "nor",
        "finnish": "fin", "czech": "cze", "hungarian": "hun", "turkish": "tur", "greek": "gre",
        "hebrew": "heb", "arabic": "ara", "persian": "per", "croatian": "hrv", "serbian": "srp",
        "romanian": "rum", "ukrainian": "ukr", "slovak": "slo", "slovenian": "slv", "lithuanian": "lit",
    ]

    /// The MEDLINE code for a name or code (`English` → `eng`, `eng` → `eng`).
    static func code(for name: String) -> String {
        byName[name.lowercased()] ?? name.lowercased()
    }
}
