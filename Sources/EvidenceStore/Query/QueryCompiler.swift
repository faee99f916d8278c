/// Compiles a `SearchQuery` into a `CompiledQuery`.
///
/// Text-only subtrees become one FTS5 expression (fully parenthesised, so FTS5's precedence
/// never changes PubMed's left-to-right meaning). Field criteria select PMIDs from the
/// normalised tables. Where the two mix, the Boolean structure becomes SQL set operations
/// over PMID sets: AND → INTERSECT, OR → UNION, NOT → EXCEPT.
public enum QueryCompiler {
    /// Compiles `query`.
    public static func compile(_ query: SearchQuery) -> CompiledQuery {
        compile(query.root)
    }

    /// Compiles a tree.
    public static func compile(_ root: QueryNode) -> CompiledQuery {
        var arguments: [SQLArgument] = []
        let match = FTS5Expression.expression(for: root)
        let ranking: String?
        var sql: String
        if let match {
            // What setSQL gives a text-only tree, without building the expression twice.
            arguments.append(.text(match))
            sql = matchSQL
            ranking = match
        } else {
            sql = setSQL(root, &arguments)
            // Set operations return each PMID once; a lone field criterion whose table can hold
            // several matching rows for one record (two "Smith J" authors, a qualifier under two
            // headings, two descriptors matching a prefix) needs it said.
            if case .field(let criterion) = root, criterion.mayMatchOneRecordTwice {
                sql = "SELECT DISTINCT pmid FROM (\(sql))"
            }
            let leaves = root.positiveTextLeaves.compactMap { FTS5Expression.expression(for: $0) }
            var seen = Set<String>()
            let unique = leaves.filter { seen.insert($0).inserted }
            ranking = unique.isEmpty ? nil : unique.joined(separator: " OR ")
        }
        return CompiledQuery(pmidSQL: sql, arguments: arguments, matchExpression: match, rankingExpression: ranking,
                             filteredMatch: match == nil ? FilteredMatch.decompose(root) : nil)
    }

    /// The SQL text selecting the PMIDs that match an FTS5 expression bound as one argument.
    static let matchSQL = "SELECT rowid AS pmid FROM article_fts WHERE article_fts MATCH ?"

    /// `SELECT pmid …` for `node`, appending its arguments.
    static func setSQL(_ node: QueryNode, _ arguments: inout [SQLArgument]) -> String {
        if let expression = FTS5Expression.expression(for: node) {
            arguments.append(.text(expression))
            return matchSQL
        }
        switch node {
        case .field(let criterion):
            return fieldSQL(criterion, &arguments)
        case .and(let l, let r):
            return compound(l, "INTERSECT", r, &arguments)
        case .or(let l, let r):
            return compound(l, "UNION", r, &arguments)
        case .not(let l, let r):
            return compound(l, "EXCEPT", r, &arguments)
        case .text, .proximity:
            // Text leaves always have an expression; kept for exhaustiveness.
            return "SELECT pmid FROM article WHERE 0"
        }
    }

    private static func compound(_ l: QueryNode, _ op: String, _ r: QueryNode, _ arguments: inout [SQLArgument]) -> String {
        let left = setSQL(l, &arguments)
        let right = setSQL(r, &arguments)
        return "SELECT pmid FROM (\(left)) \(op) SELECT pmid FROM (\(right))"
    }

    /// The upper bound of a prefix range: every string starting with `prefix` sorts below it.
    static func prefixEnd(_ prefix: String) -> String { prefix + "\u{10FFFF}" }

    /// Escapes `%`, `_` and `\` for `LIKE … ESCAPE '\'`.
    static func likeEscaped(_ text: String) -> String {
        var result = ""
        for c in text {
            if c == "%" || c == "_" || c == "\\" { result.append("\\") }
            result.append(c)
        }
        return result
    }

    static func fieldSQL(_ criterion: FieldCriterion, _ arguments: inout [SQLArgument]) -> String {
        switch criterion {
        case .author(let name, let position, let truncated):
            var condition: String
            if truncated || name.contains(" ") {
                // `smith j` matches smith j, smith ja…; `smi*` matches every name starting so.
                condition = "search_name >= ? AND search_name < ?"
                arguments += [.text(name), .text(prefixEnd(name))]
            } else {
                // `smith` matches smith and smith with any initials, not smithson.
                condition = "(search_name = ? OR (search_name >= ? AND search_name < ?))"
                arguments += [.text(name), .text(name + " "), .text(prefixEnd(name + " "))]
            }
            switch position {
            case .any: break
            case .first: condition += " AND position = (SELECT min(a2.position) FROM author a2 WHERE a2.pmid = author.pmid)"
            case .last: condition += " AND position = (SELECT max(a2.position) FROM author a2 WHERE a2.pmid = author.pmid)"
            }
            return "SELECT pmid FROM author WHERE \(condition)"
        case .mesh(let descriptor, let qualifier, let majorOnly, let truncated):
            var condition: String
            if truncated {
                condition = "h.search_descriptor >= ? AND h.search_descriptor < ?"
                arguments += [.text(descriptor), .text(prefixEnd(descriptor))]
            } else {
                condition = "h.search_descriptor = ?"
                arguments.append(.text(descriptor))
            }
            if let qualifier {
                condition += " AND lower(q.name) = ?"
                arguments.append(.text(qualifier))
                if majorOnly { condition += " AND (h.major = 1 OR q.major = 1)" }
                return "SELECT h.pmid AS pmid FROM mesh_heading h JOIN mesh_qualifier q"
                    + " ON q.pmid = h.pmid AND q.heading_position = h.position WHERE \(condition)"
            }
            if majorOnly { condition += " AND h.major_topic = 1" }
            return "SELECT h.pmid AS pmid FROM mesh_heading h WHERE \(condition)"
        case .subheading(let name):
            arguments += [.text(name)]
            return "SELECT pmid FROM mesh_qualifier WHERE lower(name) = ?"
        case .publicationType(let name):
            arguments.append(.text(name))
            return "SELECT pmid FROM publication_type WHERE name = ? COLLATE NOCASE"
        case .journal(let name, let truncated):
            if truncated {
                let pattern = likeEscaped(name) + "%"
                arguments += [.text(pattern), .text(pattern), .text(pattern)]
                return "SELECT pmid FROM article WHERE journal_ta LIKE ? ESCAPE '\\'"
                    + " OR journal_iso LIKE ? ESCAPE '\\' OR journal_title LIKE ? ESCAPE '\\'"
            }
            arguments += [.text(name), .text(name), .text(name)]
            return "SELECT pmid FROM article WHERE journal_ta = ? COLLATE NOCASE"
                + " OR journal_iso = ? COLLATE NOCASE OR journal_title = ? COLLATE NOCASE"
        case .language(let code):
            arguments.append(.text(code))
            return "SELECT pmid FROM language WHERE code = ?"
        case .pmid(let pmid):
            arguments.append(.integer(pmid))
            return "SELECT pmid FROM article WHERE pmid = ?"
        case .doi(let doi):
            let variants = [doi, doi.lowercased(), doi.uppercased()]
            arguments += variants.map(SQLArgument.text) + variants.map(SQLArgument.text)
            return "SELECT pmid FROM article WHERE doi IN (?, ?, ?)"
                + " UNION SELECT pmid FROM article_identifier WHERE type IN ('doi', 'elocation:doi') AND value IN (?, ?, ?)"
        case .publicationDate(let range):
            if range.isWholeYears {
                arguments += [.integer(Int64(range.from.year)), .integer(Int64(range.to.year))]
                return "SELECT pmid FROM article WHERE pub_year BETWEEN ? AND ?"
            }
            arguments += [.text(range.from.lowerBound), .text(range.to.upperBound)]
            return "SELECT pmid FROM article WHERE sort_date BETWEEN ? AND ?"
        }
    }
}

extension FieldCriterion {
    /// Whether `QueryCompiler.fieldSQL` may return one PMID on several rows.
    var mayMatchOneRecordTwice: Bool {
        switch self {
        case .author, .mesh, .subheading, .publicationType, .language: true
        case .journal, .pmid, .doi, .publicationDate: false
        }
    }
}
