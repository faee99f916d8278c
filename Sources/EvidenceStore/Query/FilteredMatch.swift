/// A query that is text ANDed with field criteria, as one FTS5 match plus a per-hit filter:
/// `article_fts MATCH expression AND (predicate)`.
///
/// A query such as `ketamine AND 2015:2020[dp]` or `esketamine[ti] NOT Review[pt]` (also
/// what `--since`, `--until` and `--type` add) has a conjunction at its top: text conjuncts
/// that every match must satisfy, and field conjuncts that only filter. One statement then
/// walks the text hits once, keeps those in each field's PMID set (built once per statement
/// from the field's index; see `fieldPredicate`), and yields both the total and the scores,
/// so ranking a page needs no second pass to count it.
///
/// Scores are unchanged: bm25 sums each phrase's own contribution, and the expression holds
/// the same positive phrases as `CompiledQuery.rankingExpression` (negated phrases score
/// nothing on the records that match).
public struct FilteredMatch: Hashable, Sendable {
    /// The FTS5 expression every match satisfies: the text conjuncts ANDed.
    public var expression: String
    /// An SQL condition on `article_fts.rowid` (the PMID), true for records meeting the field conjuncts.
    public var predicateSQL: String
    /// Values bound to the `?` placeholders of `predicateSQL`, in order.
    public var arguments: [SQLArgument]

    /// Creates a filtered match.
    public init(expression: String, predicateSQL: String, arguments: [SQLArgument]) {
        self.expression = expression
        self.predicateSQL = predicateSQL
        self.arguments = arguments
    }

    /// `SELECT rowid, <columns> FROM article_fts WHERE article_fts MATCH ? AND (<predicate>)`;
    /// bind `expression` first, then `arguments`.
    public func sql(columns: String) -> String {
        "SELECT \(columns) FROM article_fts WHERE article_fts MATCH ? AND (\(predicateSQL))"
    }

    /// The decomposition of `root`, or `nil` when it is not a conjunction of text and field
    /// conjuncts with at least one positive text conjunct and one field conjunct (text-only
    /// queries have `CompiledQuery.matchExpression` instead). A conjunct mixing text and
    /// fields inside an OR is allowed only when negated, where it filters without scoring.
    static func decompose(_ root: QueryNode) -> FilteredMatch? {
        var conjuncts: [(node: QueryNode, negated: Bool)] = []
        collectConjuncts(root, negated: false, into: &conjuncts)
        // No positive text conjunct (a field-only query): nothing to decompose, so build no predicates.
        guard conjuncts.contains(where: { !$0.negated && FTS5Expression.expression(for: $0.node) != nil }) else { return nil }
        var texts: [String] = []
        var negatedTexts: [String] = []
        var conditions: [String] = []
        var arguments: [SQLArgument] = []
        for (node, negated) in conjuncts {
            if let text = FTS5Expression.expression(for: node) {
                let wrapped = node.isBinary ? "(\(text))" : text
                if negated {
                    negatedTexts.append(wrapped)
                } else if !texts.contains(wrapped) {
                    texts.append(wrapped)
                }
            } else if node.positiveTextLeaves.isEmpty || negated {
                let condition = predicate(node, &arguments)
                conditions.append(negated ? "NOT \(condition)" : condition)
            } else {
                return nil
            }
        }
        guard !texts.isEmpty, !conditions.isEmpty else { return nil }
        // FTS5's NOT needs a positive left side, which the ANDed positive texts give.
        var expression = texts.joined(separator: " AND ")
        if !negatedTexts.isEmpty { expression = "(" + expression + ")" + negatedTexts.map { " NOT " + $0 }.joined() }
        return FilteredMatch(expression: expression, predicateSQL: conditions.joined(separator: " AND "),
                             arguments: arguments)
    }

    /// The top-level conjuncts: `a AND b` gives both, `a NOT b` gives `a` and `b` negated.
    static func collectConjuncts(_ node: QueryNode, negated: Bool, into conjuncts: inout [(node: QueryNode, negated: Bool)]) {
        guard !negated else {
            conjuncts.append((node, true))
            return
        }
        switch node {
        case .and(let l, let r):
            collectConjuncts(l, negated: false, into: &conjuncts)
            collectConjuncts(r, negated: false, into: &conjuncts)
        case .not(let l, let r):
            collectConjuncts(l, negated: false, into: &conjuncts)
            conjuncts.append((r, true))
        default:
            conjuncts.append((node, false))
        }
    }

    /// A condition on `article_fts.rowid` equivalent to membership in `node`'s PMID set.
    static func predicate(_ node: QueryNode, _ arguments: inout [SQLArgument]) -> String {
        if FTS5Expression.expression(for: node) != nil {
            return "+article_fts.rowid IN (\(QueryCompiler.setSQL(node, &arguments)))"
        }
        switch node {
        case .field(let criterion):
            return fieldPredicate(criterion, &arguments)
        case .and(let l, let r):
            return "(\(predicate(l, &arguments)) AND \(predicate(r, &arguments)))"
        case .or(let l, let r):
            return "(\(predicate(l, &arguments)) OR \(predicate(r, &arguments)))"
        case .not(let l, let r):
            return "(\(predicate(l, &arguments)) AND NOT \(predicate(r, &arguments)))"
        case .text, .proximity:
            return "+article_fts.rowid IN (\(QueryCompiler.setSQL(node, &arguments)))"
        }
    }

    /// A field criterion as membership in the criterion's PMID set, built once per statement
    /// from the criterion's own index (a PMID equality for `[pmid]`). Probing each hit by
    /// PMID instead (correlated `EXISTS`) measured slower on both broad text (an article-row
    /// read per hit for dates) and narrow text (`esketamine[ti] AND Randomized Controlled
    /// Trial[pt]` at 1M records: 35 ms against 25 ms for the set).
    static func fieldPredicate(_ criterion: FieldCriterion, _ arguments: inout [SQLArgument]) -> String {
        switch criterion {
        case .pmid(let pmid):
            arguments.append(.integer(pmid))
            return "+article_fts.rowid = ?"
        default:
            return "+article_fts.rowid IN (\(QueryCompiler.fieldSQL(criterion, &arguments)))"
        }
    }
}
