/// "Search details": the parsed tree and what it compiles to, for `--explain`.
public struct QueryExplanation: Hashable, Sendable, CustomStringConvertible {
    /// The query as understood.
    public var understood: String
    /// The tree, one node per line, indented.
    public var tree: String
    /// The compiled plan.
    public var compiled: CompiledQuery
    /// Words left out because they hold nothing searchable.
    public var ignoredWords: [String]

    /// Explains `query`.
    public init(_ query: SearchQuery) {
        understood = query.description
        tree = Self.lines(query.root, indent: "").joined(separator: "\n")
        compiled = QueryCompiler.compile(query)
        ignoredWords = query.ignoredWords
    }

    /// The whole explanation as text.
    public var description: String {
        var text = "Query as understood:\n  \(understood)\n"
        if !ignoredWords.isEmpty {
            text += "Ignored (nothing searchable): \(ignoredWords.joined(separator: " "))\n"
        }
        text += "Parsed tree (operators apply left to right unless grouped):\n"
        text += tree.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") + "\n"
        if let match = compiled.matchExpression {
            text += "FTS5 MATCH:\n  \(match)\n"
        }
        if let ranking = compiled.rankingExpression, ranking != compiled.matchExpression {
            text += "Ranked by bm25 over:\n  \(ranking)\n"
        }
        text += "SQL:\n  \(compiled.pmidSQL)\n"
        text += "Arguments:\n" + compiled.arguments.enumerated().map { "  ?\($0.offset + 1) = \($0.element)" }.joined(separator: "\n")
        if let filtered = compiled.filteredMatch {
            text += "\nRanked and counted in one FTS5 pass, each hit filtered by PMID:\n  MATCH \(filtered.expression)\n"
            text += "  AND \(filtered.predicateSQL)"
            if !filtered.arguments.isEmpty {
                text += "\n" + filtered.arguments.enumerated().map { "  ?\($0.offset + 2) = \($0.element)" }.joined(separator: "\n")
            }
        }
        return text
    }

    static func lines(_ node: QueryNode, indent: String) -> [String] {
        switch node {
        case .text(let term):
            let kind = term.isPhrase ? "phrase" : "term"
            let words = term.tokens.joined(separator: " ") + (term.isTruncated ? "*" : "")
            return [indent + "\(kind) \"\(words)\" in \(describe(term.scope))"]
        case .proximity(let term):
            let words = term.words.map { $0.joined(separator: " ") }.joined(separator: "\", \"")
            return [indent + "near \"\(words)\" within \(term.distance) words in \(describe(term.scope))"]
        case .field(let criterion):
            return [indent + describe(criterion)]
        case .and(let l, let r), .or(let l, let r), .not(let l, let r):
            let name = node.isAnd ? "AND" : { if case .or = node { return "OR" } else { return "NOT" } }()
            return [indent + name] + lines(l, indent: indent + "  ") + lines(r, indent: indent + "  ")
        }
    }

    static func describe(_ scope: TextScope) -> String {
        switch scope {
        case .allFields: return "all fields"
        case .titleAbstract: return "title/abstract"
        case .title: return "title"
        case .abstract: return "abstract"
        case .textWord: return "text words (title, abstract, MeSH, keywords)"
        }
    }

    static func describe(_ criterion: FieldCriterion) -> String {
        switch criterion {
        case .author(let name, let position, let truncated):
            let who = position == .first ? "first author" : position == .last ? "last author" : "author"
            return "\(who) \"\(name)\"" + (truncated || name.contains(" ") ? " (prefix)" : " (any initials)")
        case .mesh(let descriptor, let qualifier, let majorOnly, let truncated):
            var text = "MeSH \(majorOnly ? "major topic" : "descriptor") \"\(descriptor)\(truncated ? "*" : "")\""
            if let qualifier { text += " with qualifier \"\(qualifier)\"" }
            return text + " (not exploded)"
        case .subheading(let name): return "MeSH qualifier \"\(name)\""
        case .publicationType(let name): return "publication type \"\(name)\""
        case .journal(let name, let truncated): return "journal \"\(name)\(truncated ? "*" : "")\""
        case .language(let code): return "language \(code)"
        case .pmid(let pmid): return "PMID \(pmid)"
        case .doi(let doi): return "DOI \(doi)"
        case .publicationDate(let range):
            return range.from == range.to && range.isWholeYears
                ? "published in \(range.from.year)"
                : "published \(range.from.lowerBound) to \(range.to.upperBound)"
        }
    }
}
