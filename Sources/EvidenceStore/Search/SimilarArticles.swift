import Foundation
import PubMed

/// A record related to another, with the reasons.
public struct SimilarArticle: Hashable, Sendable {
    /// The related record, for display.
    public var hit: SearchHit
    /// Salient words of the source record that this one shares (as written in the source).
    public var sharedTerms: [String]
    /// MeSH descriptors both records carry.
    public var sharedMesh: [String]
    /// Combined similarity, 0…1 (higher is closer).
    public var similarity: Double
}

/// Related records, with what `similar` looked for.
public struct SimilarArticles: Hashable, Sendable {
    /// The record the others are related to.
    public var source: SearchHit
    /// The salient words used (as written in the source), most salient first.
    public var salientTerms: [String]
    /// The related records, closest first.
    public var articles: [SimilarArticle]
}

extension ArticleSearcher {
    /// Words with a tf-idf this high are salient; at most this many are used.
    static let salientTermCount = 15

    /// Records related to `pmid` by its salient title/abstract words (tf-idf against the whole
    /// index, title words counted twice) and by shared MeSH descriptors (weighted by rarity).
    ///
    /// Candidates are the best bm25 hits for the salient words ORed together, plus records
    /// sharing the source's rarest descriptors; each scores 0.6 × its bm25 relative to the best
    /// candidate + 0.4 × the idf-weighted share of the source's descriptors it carries.
    public func similar(to pmid: PMID, limit: Int = 10) throws -> SimilarArticles {
        try guarded("finding similar records") {
            guard let row = try database.queryFirst("SELECT title, abstract FROM article WHERE pmid = ?", arguments: [pmid], row: {
                ($0.string(0) ?? "", $0.string(1) ?? "")
            }) else { throw SearchError.unknownPMID(pmid.value) }
            let documents = Double(try database.scalarInt("SELECT count(*) FROM article") ?? 1)
            let probe = TokenProbe(database: database)

            // Salient words: tf-idf over title (×2) and abstract tokens, by index term.
            var frequency: [String: Double] = [:]
            var surface: [String: String] = [:]
            for (text, weight) in [(row.0, 2.0), (row.1, 1.0)] {
                for word in SearchText.tokens(text) where word.count >= 3 && !word.allSatisfy(\.isNumber) {
                    let key = word.lowercased()
                    let term: String
                    if let known = surface.first(where: { $0.value.lowercased() == key })?.key {
                        term = known
                    } else {
                        guard let stem = try probe.tokens(of: word).first else { continue }
                        term = stem
                        if surface[stem] == nil { surface[stem] = key }
                    }
                    frequency[term, default: 0] += weight
                }
            }
            var salience: [(term: String, score: Double)] = []
            for (term, tf) in frequency {
                let df = Double(try database.scalarInt("SELECT doc FROM article_fts_vocab WHERE term = ?", arguments: [term]) ?? 0)
                guard df > 0, df < documents * 0.2 || documents < 50 else { continue }
                salience.append((term, tf * log(1 + documents / df)))
            }
            salience.sort { $0.score != $1.score ? $0.score > $1.score : $0.term < $1.term }
            let salient = salience.prefix(Self.salientTermCount).map(\.term)

            // Source MeSH with idf weights (check tags such as Humans weigh little by rarity).
            let mesh = try database.query("SELECT descriptor, search_descriptor FROM mesh_heading WHERE pmid = ?", arguments: [pmid]) {
                ($0.string(0) ?? "", $0.string(1) ?? "")
            }
            var meshWeight: [String: Double] = [:]
            var meshName: [String: String] = [:]
            for (name, key) in mesh {
                let df = Double(try database.scalarInt("SELECT count(*) FROM mesh_heading WHERE search_descriptor = ?", arguments: [key]) ?? 1)
                meshWeight[key] = log(1 + documents / max(df, 1))
                meshName[key] = name
            }
            let meshTotal = meshWeight.values.reduce(0, +)

            // Candidates: text neighbours and records sharing the rarest descriptors.
            var textScore: [Int64: Double] = [:]
            if !salient.isEmpty {
                let expression = salient.map(FTS5Expression.string).joined(separator: " OR ")
                try database.query("""
                    SELECT rowid, \(weights.bm25Call) AS score FROM article_fts WHERE article_fts MATCH ? AND rowid != ?
                    ORDER BY score LIMIT 200
                    """, arguments: [expression, pmid]) { textScore[$0.int64(0)] = -$0.double(1) }
            }
            var candidates = Set(textScore.keys)
            for (key, _) in meshWeight.sorted(by: { $0.value > $1.value }).prefix(3) {
                try database.query("SELECT pmid FROM mesh_heading WHERE search_descriptor = ? AND pmid != ? LIMIT 200",
                                   arguments: [key, pmid]) { candidates.insert($0.int64(0)) }
            }
            let bestText = max(textScore.values.max() ?? 1, 1e-9)
            var scored: [(Int64, Double, [String])] = []
            for candidate in candidates {
                let keys = try database.query("SELECT search_descriptor FROM mesh_heading WHERE pmid = ?", arguments: [candidate]) {
                    $0.string(0) ?? ""
                }
                let shared = keys.filter { meshWeight[$0] != nil }
                let meshShare = meshTotal > 0 ? shared.reduce(0) { $0 + (meshWeight[$1] ?? 0) } / meshTotal : 0
                let similarity = 0.6 * (textScore[candidate] ?? 0) / bestText + 0.4 * meshShare
                scored.append((candidate, similarity, shared.compactMap { meshName[$0] }))
            }
            scored.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }

            let ranking = salient.isEmpty ? nil : salient.map(FTS5Expression.string).joined(separator: " OR ")
            var articles: [SimilarArticle] = []
            let page = scored.prefix(limit)
            let marked = try markedPassages(page.map { PMID($0.0) }, ranking: ranking)
            for (candidate, similarity, sharedMesh) in page {
                let hit = try hit(PMID(candidate), score: nil, marked: marked[PMID(candidate)], snippets: true)
                let candidateText = try database.queryFirst("SELECT coalesce(title, '') || ' ' || coalesce(abstract, '') FROM article WHERE pmid = ?",
                                                            arguments: [candidate]) { $0.string(0) ?? "" } ?? ""
                let candidateTerms = Set(try probe.tokens(of: candidateText))
                let sharedTerms = salient.filter(candidateTerms.contains).map { surface[$0] ?? $0 }
                articles.append(SimilarArticle(hit: hit, sharedTerms: sharedTerms, sharedMesh: sharedMesh,
                                               similarity: (similarity * 1000).rounded() / 1000))
            }
            let source = try hit(pmid, score: nil, marked: nil, snippets: false)
            return SimilarArticles(source: source, salientTerms: salient.map { surface[$0] ?? $0 }, articles: articles)
        }
    }
}
