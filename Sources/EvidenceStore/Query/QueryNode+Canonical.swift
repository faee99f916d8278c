/// The query as understood, written back in the query language.
extension QueryNode {
    /// A fully parenthesised query string that parses back to the same tree.
    public var canonical: String {
        switch self {
        case .text(let term):
            let body = term.tokens.count == 1 && BooleanOperator(rawValue: term.tokens[0]) == nil
                ? term.tokens[0]
                : "\"" + term.tokens.joined(separator: " ") + "\""
            let star = term.isTruncated ? "*" : ""
            return body + star + (term.scope.tag.map { "[\($0)]" } ?? "")
        case .proximity(let term):
            let words = term.words.map { $0.joined(separator: "-") }.joined(separator: " ")
            return "\"\(words)\"[\(term.scope.tag ?? "tiab"):~\(term.distance)]"
        case .field(let criterion):
            return criterion.canonical
        case .and(let l, let r): return "\(l.grouped) AND \(r.grouped)"
        case .or(let l, let r): return "\(l.grouped) OR \(r.grouped)"
        case .not(let l, let r): return "\(l.grouped) NOT \(r.grouped)"
        }
    }

    private var grouped: String {
        switch self {
        case .and, .or, .not: return "(\(canonical))"
        default: return canonical
        }
    }
}

extension FieldCriterion {
    /// The criterion written back with its tag (`smith j[au]`).
    public var canonical: String {
        func quoted(_ text: String) -> String {
            text.allSatisfy({ $0.isLetter || $0.isNumber }) ? text : "\"\(text)\""
        }
        switch self {
        case .author(let name, let position, let truncated):
            let tag = position == .first ? "1au" : position == .last ? "lastau" : "au"
            return quoted(name) + (truncated ? "*" : "") + "[\(tag)]"
        case .mesh(let descriptor, let qualifier, let majorOnly, let truncated):
            let value = descriptor + (qualifier.map { "/\($0)" } ?? "")
            return quoted(value) + (truncated ? "*" : "") + (majorOnly ? "[majr]" : "[mh]")
        case .subheading(let name): return quoted(name) + "[sh]"
        case .publicationType(let name): return quoted(name) + "[pt]"
        case .journal(let name, let truncated): return quoted(name) + (truncated ? "*" : "") + "[ta]"
        case .language(let code): return code + "[la]"
        case .pmid(let pmid): return "\(pmid)[pmid]"
        case .doi(let doi): return quoted(doi) + "[doi]"
        case .publicationDate(let range): return "\(range)[dp]"
        }
    }
}
