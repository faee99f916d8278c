/// Builds FTS5 `MATCH` expressions from parsed query nodes, only from escaped pieces.
///
/// Every token is written as an FTS5 string (`"…"`, with `"` doubled), so no user text can be
/// read by FTS5 as an operator, a column filter or syntax. A multi-token term is one string, so
/// FTS5 treats it as a phrase (`"treatment resistant"`). Binary operators are always fully
/// parenthesised, so FTS5's own precedence (NOT > AND > OR) never applies: the expression
/// keeps the tree's left-to-right structure.
public enum FTS5Expression {
    /// An FTS5 string literal for `text`.
    public static func string(_ text: String) -> String {
        // Most tokens hold no quote: skip Foundation's search-and-replace for them.
        guard text.utf8.contains(UInt8(ascii: "\"")) else { return "\"" + text + "\"" }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The expression for a text-only node, or `nil` if the node holds a field criterion.
    public static func expression(for node: QueryNode) -> String? {
        switch node {
        case .text(let term):
            var phrase = string(term.tokens.joined(separator: " "))
            if term.isTruncated { phrase += " *" }
            return scoped(phrase, term.scope)
        case .proximity(let term):
            let phrases = term.words.map { string($0.joined(separator: " ")) }.joined(separator: " ")
            return scoped("NEAR(\(phrases), \(term.distance))", term.scope)
        case .field:
            return nil
        case .and, .or:
            var operands: [String] = []
            for child in node.flattenedOperands {
                guard let text = expression(for: child) else { return nil }
                operands.append(child.isBinary ? "(\(text))" : text)
            }
            return operands.joined(separator: node.isAnd ? " AND " : " OR ")
        case .not(let l, let r):
            guard let left = expression(for: l), let right = expression(for: r) else { return nil }
            return "\(l.isBinary ? "(\(left))" : left) NOT \(r.isBinary ? "(\(right))" : right)"
        }
    }

    /// `{col col} : expr` for a scoped term; the bare expression for all columns.
    static func scoped(_ expression: String, _ scope: TextScope) -> String {
        let columns = scope.columns
        guard !columns.isEmpty else { return expression }
        return "{\(columns.joined(separator: " "))} : \(expression)"
    }
}

extension QueryNode {
    /// Whether the node is AND, OR or NOT.
    var isBinary: Bool {
        switch self {
        case .and, .or, .not: return true
        default: return false
        }
    }

    var isAnd: Bool {
        if case .and = self { return true }
        return false
    }

    /// For AND and OR: the operands of the left-leaning chain of the same operator
    /// (`(a OR b) OR c` → a, b, c), which is associative; otherwise the node itself.
    var flattenedOperands: [QueryNode] {
        switch self {
        case .and(let l, let r):
            return (l.isAnd ? l.flattenedOperands : [l]) + (r.isAnd ? r.flattenedOperands : [r])
        case .or(let l, let r):
            let isOr: (QueryNode) -> Bool = { if case .or = $0 { return true } else { return false } }
            return (isOr(l) ? l.flattenedOperands : [l]) + (isOr(r) ? r.flattenedOperands : [r])
        default:
            return [self]
        }
    }
}
