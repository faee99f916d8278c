import CFoldTokenizer
import CSQLite
import Foundation
import PubMed

/// Impact-ordered, truncated postings for frequent terms: for each term found in many
/// records, the `listLength` records with the best single-term bm25 score, best first.
///
/// bm25 over several phrases is the sum of each phrase's own bm25 (FTS5 computes it that
/// way), so a flat OR of words can be ranked without scoring every hit, as in Fagin's
/// threshold algorithm:
/// - candidates are the union of the words' lists, plus every hit of the words too rare to
///   have a list (scored exactly by FTS5, few rows by construction);
/// - a candidate's known score is the sum of its list scores; a word whose list it is missing
///   from adds at most that list's last score; a record in no list scores at most the sum of
///   the lists' last scores;
/// - the k-th best known part is a lower bound on the k-th best score; candidates whose
///   upper bound reaches it are rescored exactly, in one FTS5 pass over the query restricted
///   to them (bm25 computed for those rows only), which makes the top k exactly bm25's;
/// - when the bounds cannot settle it (too many candidates to rescore, or an unseen record
///   could still win), `topHits` returns nil and the caller ranks every hit.
///
/// Lists are built by `build()` for the index state at that time; once the index changes
/// they are ignored until rebuilt.
public struct TermImpactIndex {
    /// The index connection.
    public let database: Database
    /// The column weights the scores use.
    public let weights: SearchWeights

    /// Records kept per term.
    public static let defaultListLength = 1000
    /// Records kept for terms in at least `longListShare` of the index: the broadest terms
    /// need deeper lists for the bounds to settle.
    public static let longListLength = 5000
    /// See `longListLength`.
    public static let longListShare = 0.05
    /// Terms found in at least this share of records get a list.
    public static let minimumShare = 0.01
    /// Most candidates rescored exactly for one query (in one FTS5 pass restricted to them).
    public static let maximumRescored = 20_000
    /// Postings one walk covers in the time FTS5 takes to seek one candidate (rescoring seeks
    /// the candidates when they are fewer than the words' postings over this).
    static let seekCost = 1500
    /// How uncertain candidates are rescored: `automatic` picks by `seekCost`; tests force
    /// either path.
    enum Rescoring { case automatic, seeking, walking }
    /// See `Rescoring`.
    var rescoring = Rescoring.automatic
    /// bm25 parameters, as FTS5 fixes them.
    static let k1 = 1.2, b = 0.75

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
        return "\(maxPMID)|\(manifest)|\(weights.bm25Arguments)|lists \(Self.defaultListLength)/\(Self.longListLength)"
    }

    /// Whether lists exist and match the index as it is now.
    public func isCurrent() throws -> Bool {
        guard let state = try database.scalarString("SELECT state FROM term_impact_state WHERE id = 1") else { return false }
        return state == (try currentState())
    }

    /// (Re)builds the lists for every term in at least `minimumDocuments` records (by default
    /// 1% of the index, and at least twice the list length), in one transaction.
    @discardableResult
    public func build(minimumDocuments: Int? = nil, listLength: Int = defaultListLength) throws -> BuildReport {
        try build(minimumDocuments: minimumDocuments, listLength: listLength, scoreBytes: ImpactListCodec.defaultScoreBytes)
    }

    /// `build(minimumDocuments:listLength:)` with `scoreBytes` bytes per stored score level (1 or 2; see `ImpactListCodec`).
    @discardableResult
    func build(minimumDocuments: Int? = nil, listLength: Int = defaultListLength, scoreBytes: Int) throws -> BuildReport {
        let started = Date()
        let totals = try IndexTotals(database: database)
        let minimum = minimumDocuments ?? max(listLength * 2, Int(Double(totals.rows) * Self.minimumShare))
        let frequent = try database.query("SELECT term, doc FROM article_fts_vocab WHERE doc >= ?", arguments: [minimum]) {
            ($0.string(0) ?? "", $0.int(1))
        }
        let probe = TokenProbe(database: database)
        var built = 0
        try database.transaction {
            try database.execute("DELETE FROM term_impact_list")
            try database.execute("DELETE FROM term_impact_state")
            for (term, documentCount) in frequent where !term.isEmpty {
                // Only terms that FTS5 tokenizes back to themselves can be queried by their stem.
                guard try probe.tokens(of: term) == [term] else { continue }
                let length = listLength == Self.defaultListLength && Double(documentCount) >= Double(totals.rows) * Self.longListShare
                    ? Self.longListLength : listLength
                var postings: [(pmid: Int64, score: Double)] = []
                postings.reserveCapacity(length)
                try database.query("""
                    SELECT rowid, \(weights.bm25Call) AS score FROM article_fts WHERE article_fts MATCH ?
                    ORDER BY score LIMIT ?
                    """, arguments: [FTS5Expression.string(term), length]) { row in
                    postings.append((row.int64(0), abs(row.double(1))))
                }
                try database.execute("INSERT INTO term_impact_list(term, documents, postings) VALUES (?, ?, ?)",
                                     arguments: [term, documentCount, ImpactListCodec.encode(postings, scoreBytes: scoreBytes)])
                built += 1
            }
            try database.execute("""
                INSERT INTO term_impact_state(id, state, documents, min_documents, list_length, built_at, average_length)
                VALUES (1, ?, ?, ?, ?, ?, ?)
                """, arguments: [try currentState(), totals.rows, minimum, listLength,
                                 ISO8601DateFormatter().string(from: Date()), totals.averageLength])
        }
        return BuildReport(terms: built, documents: totals.rows, seconds: Date().timeIntervalSince(started))
    }

    /// The best `limit` hits for a flat OR of single words (`words` as typed), exactly as
    /// bm25 ranks them; `nil` when the lists cannot settle it (none built or stale, no
    /// frequent word among them, a page deeper than the lists, or bounds too loose).
    public func topHits(words: [String], limit: Int) throws -> [(PMID, Double)]? {
        guard let ranked = try rankedHits(words: words, limit: limit, allowsApproximation: false), ranked.isExact else { return nil }
        return ranked.hits
    }

    /// The best hits `rankedHits` found, and whether they are provably bm25's own top k.
    public struct RankedHits {
        /// PMIDs and their exact bm25 scores (negative; best first).
        public var hits: [(PMID, Double)]
        /// Whether no record outside them can score higher (false only for flat queries; see
        /// `rankedHits`).
        public var isExact: Bool
        /// The number of records matching the query, when ranking walked every hit anyway
        /// (`nil` otherwise: count them separately).
        public var total: Int?
    }

    /// The best `limit` hits for a flat OR of single words, as `topHits`; but when every
    /// word is in at least half of the records (bm25 floors their idf at 1e-6, so scores are
    /// flat and the lists' cut-offs too high to rule out unseen records: `the OR of OR and`)
    /// and `allowsApproximation`, the best of the lists' candidates, rescored exactly, with
    /// `isExact` false instead of `nil`.
    public func rankedHits(words: [String], limit: Int, allowsApproximation: Bool = true) throws -> RankedHits? {
        guard !words.isEmpty, limit > 0 else { return nil }
        let probe = TokenProbe(database: database)
        var lists: [String: (documents: Int, list: ImpactList)] = [:]
        var unlisted: [String] = []
        var terms = Set<String>()
        // Each word's document count, in query order (the rescoring pass passes them to
        // `evidence_bm25` instead of letting FTS5 count them again).
        var documentCounts: [String: Int] = [:]
        for word in words {
            let tokens = try probe.tokens(of: word)
            // Two words with one index term count twice in bm25: leave that to exact ranking.
            guard tokens.count == 1, terms.insert(tokens[0]).inserted else { return nil }
            let term = tokens[0]
            if let row = try database.queryFirst("SELECT documents, postings FROM term_impact_list WHERE term = ?", arguments: [term],
                                                 row: { ($0.int(0), $0.data(1) ?? Data()) }) {
                // Lists of another format (none after `perf-9-compact-impact-lists`) are left to exact ranking.
                guard let list = ImpactListCodec.decode(row.1) else { return nil }
                lists[term] = (row.0, list)
                documentCounts[word] = row.0
            } else {
                unlisted.append(word)
            }
        }
        // Checked after the lookups: a query of rare words (no list) stops here cheaply.
        guard !lists.isEmpty, try isCurrent(),
              let state = try database.queryFirst("SELECT documents, list_length, average_length FROM term_impact_state WHERE id = 1",
                                                  row: { ($0.int(0), $0.int(1), $0.double(2)) }),
              limit <= state.1 / 2 else { return nil }

        // Magnitudes (bm25() is negative; larger magnitude is better). Which lists hold a
        // candidate is a bit mask (list i → bit i), so its missing bound is a sum over the
        // clear bits, with no per-candidate set of terms.
        let ordered = Array(lists.values)
        guard ordered.count <= 64 else { return nil }
        var known: [Int64: Double] = [:]
        var listedIn: [Int64: UInt64] = [:]
        known.reserveCapacity(ordered.reduce(0) { $0 + $1.list.postings.count })
        listedIn.reserveCapacity(known.capacity)
        var cutoffs: [Double] = []
        // A list's scores are lower bounds, each at most its slack below the true score (0 when exact).
        var slacks: [Double] = []
        for (bit, entry) in ordered.enumerated() {
            // A list holding every document of its term is complete: nothing is missing from it.
            cutoffs.append(entry.list.postings.count >= entry.documents ? 0 : entry.list.cutoff)
            slacks.append(entry.list.slack)
            for (pmid, score) in entry.list.postings {
                known[pmid, default: 0] += score
                listedIn[pmid, default: 0] |= 1 << UInt64(bit)
            }
        }
        for word in unlisted {
            var hits = 0
            try database.query("SELECT rowid, \(weights.bm25Call) FROM article_fts WHERE article_fts MATCH ?",
                               arguments: [FTS5Expression.string(word)]) { row in
                known[row.int64(0), default: 0] += abs(row.double(1))
                hits += 1
            }
            documentCounts[word] = hits
        }
        // What a candidate's exact score may exceed its known part by: the cut-offs of the lists
        // it is missing from, and the slack of the (rounded down) scores of those it is in. 0 only
        // when its known part is exact.
        func missingBound(_ pmid: Int64) -> Double {
            let present = listedIn[pmid] ?? 0
            var missing = 0.0
            for bit in cutoffs.indices { missing += present & (1 << UInt64(bit)) == 0 ? cutoffs[bit] : slacks[bit] }
            return missing
        }
        let unseenBound = cutoffs.reduce(0, +)
        // Flat: every word's idf floored (in at least half of the records), every word listed.
        let approximating = allowsApproximation && unlisted.isEmpty && ordered.allSatisfy { list in
            log((Double(state.0) - Double(list.documents) + 0.5) / (Double(list.documents) + 0.5)) <= 0
        }
        // A lower bound on the k-th best score: the k-th best known part. A candidate whose
        // upper bound (known part + what its missing terms could add) does not exceed it
        // cannot enter the top k; the others are rescored exactly, in one pass of FTS5 over
        // the query restricted to them (bm25 is computed for those rows only). The top k is
        // settled when its k-th exact score beats anything an unseen record could reach.
        let lowerBounds = known.values.sorted(by: >)
        let floor = lowerBounds.count >= limit ? lowerBounds[limit - 1] : 0
        var exact: [Int64: Double] = [:]
        var uncertain: [(pmid: Int64, upper: Double)] = []
        var uppers: [Double] = []
        uppers.reserveCapacity(known.count)
        for (pmid, score) in known {
            let missing = missingBound(pmid)
            uppers.append(score + missing)
            if missing == 0 {
                exact[pmid] = score
            } else if score + missing >= floor {
                uncertain.append((pmid, score + missing))
            }
        }
        guard uncertain.count <= Self.maximumRescored else { return nil }
        // The k-th exact score cannot exceed the k-th best upper bound: when that does not
        // beat the unseen bound, rescoring cannot settle the top k, so give up before paying for it.
        if unseenBound > 0, !approximating {
            uppers.sort(by: >)
            guard uppers.count >= limit, uppers[limit - 1] > unseenBound else { return nil }
        }
        // The total, when the rescoring pass walked every hit and counted them on the way.
        var total: Int?
        if !uncertain.isEmpty {
            // evidence_bm25 is bm25 with the document counts given, so no pass walks each
            // word's doclist to count it. A few candidates are sought one by one (the rowid
            // constraint: FTS5 seeks each word's doclist to the row, ~0.1 ms a candidate at 1M);
            // many cost less in one walk over every hit, which also counts them (the caller
            // needs the total, and would otherwise walk every hit again for it).
            let expression = words.map(FTS5Expression.string).joined(separator: " OR ")
            let counts = words.map { documentCounts[$0] ?? 0 }
            let postings = counts.reduce(0, +)
            let seeking: Bool
            switch rescoring {
            case .automatic: seeking = uncertain.count * Self.seekCost <= postings
            case .seeking: seeking = true
            case .walking: seeking = false
            }
            if seeking {
                let set = "[" + uncertain.map { String($0.pmid) }.joined(separator: ",") + "]"
                try database.query("""
                    SELECT rowid, \(weights.bm25Call(documentCounts: counts)) FROM article_fts WHERE article_fts MATCH ?
                    AND rowid IN (SELECT value FROM json_each(?))
                    """, arguments: [expression, set]) { row in
                    exact[row.int64(0)] = abs(row.double(1))
                }
            } else {
                let walk = try collect(expression: expression, documentCounts: counts, candidates: uncertain.map(\.pmid))
                for (pmid, score) in walk.scores { exact[pmid] = abs(score) }
                total = walk.total
            }
            // Seeking the best candidates first to raise the floor (the k-th best exact score)
            // and rule out the rest was tried: at 1M it pruned 2% of `mortality OR survival OR
            // risk`'s 14,768 candidates per 256 sought, so it only added the seeks' cost.
        }
        var best = BestScores(capacity: limit)
        for (pmid, score) in exact { best.insert(pmid, score: -score) }
        let hits = best.ordered.map { (PMID($0.0), $0.1) }
        // An unseen record could still tie or win, or fill a short page.
        if unseenBound > 0 {
            guard best.ordered.count == limit, let kth = best.ordered.last.map({ -$0.1 }), kth > unseenBound else {
                return approximating && best.ordered.count == limit ? RankedHits(hits: hits, isExact: false, total: total) : nil
            }
        }
        return RankedHits(hits: hits, isExact: true, total: total)
    }

    /// One walk over every hit of `expression` (a flat OR of words, each with its document
    /// count): the number of hits, and the exact bm25 score (negative) of each of `candidates`
    /// that is a hit. `evidence_collect` counts and scores in C as FTS5 steps, so no row
    /// leaves the statement.
    func collect(expression: String, documentCounts: [Int], candidates: [Int64]) throws -> (total: Int, scores: [(Int64, Double)]) {
        let sorted = candidates.sorted()
        guard !sorted.isEmpty else {
            return (Int(try database.scalarInt("SELECT count(*) FROM article_fts WHERE article_fts MATCH ?", arguments: [expression]) ?? 0), [])
        }
        // evidence_collect is 0 for every hit, so the statement returns no row: the collector
        // counts them as they pass.
        let statement = try database.prepare("""
            SELECT rowid FROM article_fts WHERE article_fts MATCH ?
            AND evidence_collect(article_fts, ?, \(weights.bm25Arguments)\(documentCounts.map { ", \($0)" }.joined()))
            """)
        defer {
            statement.reset()
            // The collector lives on this stack frame: leave no pointer to it bound.
            statement.clearBindings()
        }
        try statement.bind(expression, at: 1)
        var scores = [Double](repeating: .nan, count: sorted.count)
        let total = try sorted.withUnsafeBufferPointer { ids in
            try scores.withUnsafeMutableBufferPointer { slots -> Int in
                var collector = evidence_collector(candidates: ids.baseAddress, candidate_count: Int32(ids.count), scores: slots.baseAddress,
                                                   rows: 0, scored: 0, position: 0)
                return try withUnsafeMutablePointer(to: &collector) { pointer -> Int in
                    let code = evidence_bind_collector(statement.handle, 2, pointer)
                    guard code == SQLITE_OK else { throw DatabaseError(resultCode: code, message: "cannot bind the collector", sql: statement.sql) }
                    if try statement.step() {
                        throw DatabaseError(resultCode: SQLITE_INTERNAL, message: "evidence_collect let a row through", sql: statement.sql)
                    }
                    statement.reset()
                    return Int(pointer.pointee.rows)
                }
            }
        }
        var result: [(Int64, Double)] = []
        result.reserveCapacity(sorted.count)
        for (pmid, score) in zip(sorted, scores) where !score.isNaN { result.append((pmid, score)) }
        return (total, result)
    }
}

/// FTS5's bm25 contribution of single terms to given records, computed outside FTS5: term
/// counts per column from tokenizing the records with the index's tokenizer, record lengths
/// from `article_fts_docsize`, and FTS5's formula (k1 = 1.2, b = 0.75, idf floored at 1e-6).
struct ExactTermScorer {
    let database: Database
    let weights: SearchWeights
    let rows: Int
    let averageLength: Double

    /// Score magnitudes by record and term; `terms` maps each term to its document frequency.
    func scores(pmids: [Int64], terms: [String: Int]) throws -> [Int64: [String: Double]] {
        let columnWeights = ["title": weights.title, "abstract": weights.abstract, "mesh_terms": weights.mesh,
                             "keyword_terms": weights.keywords, "author_names": weights.authors]
        try database.execute("""
            CREATE VIRTUAL TABLE IF NOT EXISTS temp.rescore_probe USING fts5(title, abstract, mesh_terms, keyword_terms, author_names,
                tokenize='porter fold unicode61 remove_diacritics 2');
            CREATE VIRTUAL TABLE IF NOT EXISTS temp.rescore_probe_instance USING fts5vocab(temp, rescore_probe, 'instance');
            DELETE FROM temp.rescore_probe;
            """)
        defer { try? database.execute("DELETE FROM temp.rescore_probe") }
        let list = "[" + pmids.map(String.init).joined(separator: ",") + "]"
        try database.execute("""
            INSERT INTO temp.rescore_probe(rowid, title, abstract, mesh_terms, keyword_terms, author_names)
            SELECT pmid, title, abstract, mesh_terms, keyword_terms, author_names FROM article
            WHERE pmid IN (SELECT value FROM json_each(?))
            """, arguments: [list])
        var lengths: [Int64: Double] = [:]
        try database.query("SELECT id, sz FROM article_fts_docsize WHERE id IN (SELECT value FROM json_each(?))", arguments: [list]) { row in
            lengths[row.int64(0)] = Double((row.data(1) ?? Data()).varints.reduce(0, +))
        }
        var result: [Int64: [String: Double]] = [:]
        for (term, documents) in terms {
            var weighted: [Int64: Double] = [:]
            try database.query("SELECT doc, col, count(*) FROM temp.rescore_probe_instance WHERE term = ? GROUP BY doc, col",
                               arguments: [term]) { row in
                weighted[row.int64(0), default: 0] += Double(row.int(2)) * (columnWeights[row.string(1) ?? ""] ?? 0)
            }
            var idf = log((Double(rows) - Double(documents) + 0.5) / (Double(documents) + 0.5))
            if idf <= 0 { idf = 1e-6 }
            for (pmid, f) in weighted {
                let length = lengths[pmid] ?? averageLength
                let score = idf * (f * (Self.k1 + 1)) / (f + Self.k1 * (1 - Self.b + Self.b * length / averageLength))
                result[pmid, default: [:]][term] = score
            }
        }
        return result
    }

    static let k1 = TermImpactIndex.k1, b = TermImpactIndex.b
}

/// The row count and mean record length (in tokens, all columns) FTS5 keeps for bm25.
struct IndexTotals {
    var rows: Int
    var averageLength: Double

    /// Reads FTS5's averages record (`article_fts_data` id 1: varint row count, then one
    /// varint token total per column).
    init(database: Database) throws {
        let block = try database.queryFirst("SELECT block FROM article_fts_data WHERE id = 1") { $0.data(0) ?? Data() } ?? Data()
        let values = block.varints
        rows = Int(values.first ?? 0)
        let tokens = values.dropFirst().reduce(0, +)
        averageLength = rows > 0 ? Double(tokens) / Double(rows) : 0
    }
}

extension Data {
    /// SQLite varints (as FTS5 writes them), in order.
    var varints: [Int64] {
        var values: [Int64] = []
        var index = startIndex
        while index < endIndex {
            var value: UInt64 = 0
            var count = 0
            while index < endIndex {
                let byte = self[index]
                index += 1
                count += 1
                if count == 9 {
                    value = (value << 8) | UInt64(byte)
                    break
                }
                value = (value << 7) | UInt64(byte & 0x7F)
                if byte & 0x80 == 0 { break }
            }
            values.append(Int64(bitPattern: value))
        }
        return values
    }
}

/// Tokenizes text exactly as the index does, through a temporary FTS5 table with the same
/// tokenizer, to learn the stemmed, folded terms FTS5 stores for a word.
///
/// The tokenizer is fixed (the schema's `porter fold unicode61 remove_diacritics 2`), so the
/// terms of a text never change: they are remembered process-wide, and a word seen before
/// costs a dictionary lookup instead of a write to the temporary table.
struct TokenProbe {
    let database: Database

    /// Terms of texts tokenized before, shared by every connection.
    static let cache = TokenCache()

    /// The index terms of `text`, in order.
    func tokens(of text: String) throws -> [String] {
        if let known = Self.cache[text] { return known }
        let terms = try probe(text)
        Self.cache[text] = terms
        return terms
    }

    /// Tokenizes `text` through the temporary table.
    func probe(_ text: String) throws -> [String] {
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

/// A bounded, thread-safe map from texts to their index terms (cleared when full).
final class TokenCache: @unchecked Sendable {
    private var terms: [String: [String]] = [:]
    private let lock = NSLock()
    /// Texts kept before the cache starts again from empty.
    let capacity = 50_000

    subscript(text: String) -> [String]? {
        get {
            lock.lock()
            defer { lock.unlock() }
            return terms[text]
        }
        set {
            lock.lock()
            defer { lock.unlock() }
            if terms.count >= capacity { terms.removeAll(keepingCapacity: true) }
            terms[text] = newValue
        }
    }
}
