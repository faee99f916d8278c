import Foundation
import PubMed

/// Impact-ordered, truncated postings for frequent terms: for each term found in many
/// records, the `listLength` records with the best single-term bm25 score, best first.
///
/// bm25 over several phrases is the sum of each phrase's own bm25 (FTS5 computes it that
/// way), so a flat OR of words can be ranked from these lists without scoring every hit:
/// the candidates are the union of the lists (and every hit of the words too rare to have
/// one), each scored by the sum of its known per-term scores. A candidate missing from a
/// term's list is counted as 0 for that term, at most `cutoff` away from its true score;
/// the benchmark checks that the top hits stay (at least 90%) those of exact bm25.
///
/// Lists are built by `build()` for the index state at that time (record count, highest PMID,
/// ingested files, weights); once the index changes they are ignored until rebuilt.
public struct TermImpactIndex {
    /// The index connection.
    public let database: Database
    /// The column weights the scores use.
    public let weights: SearchWeights

    /// Records kept per term.
    public static let listLength = 1000
    /// Terms found in at least this share of records get a list.
    public static let minimumShare = 0.01

    /// Creates an accessor.
    public init(database: Database, weights: SearchWeights) {
        self.database = database
        self.weights = weights
    }

    /// What `build()` did.
    public struct BuildReport: Hashable, Sendable {
        /// Terms that got a list.
        public var terms: Int
        /// Records in the index.
        public var documents: Int
        /// Seconds spent.
        public var seconds: Double
    }

    /// The state the lists must have been built for to be used now.
    func currentState() throws -> String {
        let maxPMID = try database.scalarInt("SELECT max(pmid) FROM article") ?? 0
        let manifest = try database.queryFirst("SELECT count(*), total(records), total(deletions), max(id) FROM ingested_file") {
            "\($0.int64(0))/\($0.int64(1))/\($0.int64(2))/\($0.int64(3))"
        } ?? ""
        return "\(maxPMID)|\(manifest)|\(weights.bm25Arguments)"
    }

    /// Whether lists exist and match the index as it is now.
    public func isCurrent() throws -> Bool {
        guard let state = try database.scalarString("SELECT state FROM term_impact_state WHERE id = 1") else { return false }
        return state == (try currentState())
    }

    /// (Re)builds the lists for every term in at least `minimumDocuments` records (by default
    /// 1% of the index, and at least twice `listLength`), in one transaction.
    @discardableResult
    public func build(minimumDocuments: Int? = nil) throws -> BuildReport {
        let started = Date()
        let documents = Int(try database.scalarInt("SELECT count(*) FROM article") ?? 0)
        let minimum = minimumDocuments ?? max(Self.listLength * 2, Int(Double(documents) * Self.minimumShare))
        let frequent = try database.query("SELECT term, doc FROM article_fts_vocab WHERE doc >= ?", arguments: [minimum]) {
            ($0.string(0) ?? "", $0.int(1))
        }
        let probe = TokenProbe(database: database)
        var built = 0
        try database.transaction {
            try database.execute("DELETE FROM term_impact")
            try database.execute("DELETE FROM term_impact_term")
            try database.execute("DELETE FROM term_impact_state")
            for (term, documentCount) in frequent where !term.isEmpty {
                // Only terms that FTS5 tokenizes back to themselves can be queried by their stem.
                guard try probe.tokens(of: term) == [term] else { continue }
                let scores = try database.query("""
                    SELECT rowid, \(weights.bm25Call) AS score FROM article_fts WHERE article_fts MATCH ?
                    ORDER BY score LIMIT ?
                    """, arguments: [FTS5Expression.string(term), Self.listLength]) { ($0.int64(0), $0.double(1)) }
                for (rank, entry) in scores.enumerated() {
                    try database.execute("INSERT INTO term_impact(term, rank, pmid, score) VALUES (?, ?, ?, ?)",
                                         arguments: [term, rank, entry.0, entry.1])
                }
                try database.execute("INSERT INTO term_impact_term(term, documents, cutoff) VALUES (?, ?, ?)",
                                     arguments: [term, documentCount, scores.last?.1 ?? 0])
                built += 1
            }
            try database.execute("""
                INSERT INTO term_impact_state(id, state, documents, min_documents, list_length, built_at)
                VALUES (1, ?, ?, ?, ?, ?)
                """, arguments: [try currentState(), documents, minimum, Self.listLength,
                                 ISO8601DateFormatter().string(from: Date())])
        }
        return BuildReport(terms: built, documents: documents, seconds: Date().timeIntervalSince(started))
    }

    /// The best `limit` hits for a flat OR of single words (`words` as typed), ranked from
    /// the lists; `nil` when the lists cannot answer (none built or stale, no frequent word
    /// among them, or a page deeper than the lists).
    public func topHits(words: [String], limit: Int) throws -> [(PMID, Double)]? {
        guard !words.isEmpty, limit > 0, limit <= Self.listLength / 2, try isCurrent() else { return nil }
        let probe = TokenProbe(database: database)
        var listed: [String] = []
        var unlisted: [String] = []
        for word in words {
            let tokens = try probe.tokens(of: word)
            guard tokens.count == 1 else { return nil }
            let term = tokens[0]
            if try database.scalarInt("SELECT 1 FROM term_impact_term WHERE term = ?", arguments: [term]) != nil {
                listed.append(term)
            } else {
                unlisted.append(word)
            }
        }
        guard !listed.isEmpty else { return nil }
        var scores: [Int64: Double] = [:]
        for term in Set(listed) {
            try database.query("SELECT pmid, score FROM term_impact WHERE term = ? ORDER BY rank", arguments: [term]) { row in
                scores[row.int64(0), default: 0] += row.double(1)
            }
        }
        // Words too rare for a list: every hit, scored exactly (few rows by construction).
        for word in Set(unlisted) {
            try database.query("""
                SELECT rowid, \(weights.bm25Call) FROM article_fts WHERE article_fts MATCH ?
                """, arguments: [FTS5Expression.string(word)]) { row in
                scores[row.int64(0), default: 0] += row.double(1)
            }
        }
        let best = scores.sorted { $0.value != $1.value ? $0.value < $1.value : $0.key < $1.key }.prefix(limit)
        return best.map { (PMID($0.key), $0.value) }
    }
}

/// Tokenizes text exactly as the index does, through a temporary FTS5 table with the same
/// tokenizer, to learn the stemmed, folded terms FTS5 stores for a word.
struct TokenProbe {
    let database: Database

    /// The index terms of `text`, in order.
    func tokens(of text: String) throws -> [String] {
        try database.execute("""
            CREATE VIRTUAL TABLE IF NOT EXISTS temp.token_probe USING fts5(x, tokenize='porter fold unicode61 remove_diacritics 2');
            CREATE VIRTUAL TABLE IF NOT EXISTS temp.token_probe_instance USING fts5vocab(temp, token_probe, 'instance');
            """)
        try database.execute("DELETE FROM temp.token_probe")
        try database.execute("INSERT INTO temp.token_probe(x) VALUES (?)", arguments: [text])
        let terms = try database.query("SELECT term FROM temp.token_probe_instance ORDER BY offset") { $0.string(0) ?? "" }
        try database.execute("DELETE FROM temp.token_probe")
        return terms
    }
}

/// Recognises the broad queries the impact lists can rank.
enum BroadQueryShape {
    /// The words of a query that is one unscoped, untruncated word or a flat OR of such words;
    /// `nil` for any other shape.
    static func words(in node: QueryNode) -> [String]? {
        switch node {
        case .text(let term):
            guard term.tokens.count == 1, !term.isTruncated, term.scope == .allFields else { return nil }
            return term.tokens
        case .or:
            var words: [String] = []
            for operand in node.flattenedOperands {
                guard let inner = Self.words(in: operand), inner.count == 1 else { return nil }
                words += inner
            }
            return words
        default:
            return nil
        }
    }
}
