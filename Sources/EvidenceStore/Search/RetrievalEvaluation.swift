import Foundation
import PubMed

/// nDCG@10 of ranked retrieval on labelled claims (SciFact's shape: a claim and the ids of
/// the documents it cites), used to tune `SearchWeights`.
///
/// Each claim becomes an OR of its words (every letter/digit token, no stop list), ranked by
/// exact bm25 with the weights under test; relevance is binary (cited or not).
public struct RetrievalEvaluation {
    /// A labelled query.
    public struct Claim: Hashable, Sendable, Decodable {
        /// The claim text.
        public var claim: String
        /// Ids of the relevant documents.
        public var citedDocIDs: [String]

        enum CodingKeys: String, CodingKey {
            case claim
            case citedDocIDs = "cited_doc_ids"
        }
    }

    /// The searcher whose weights are evaluated.
    public let searcher: ArticleSearcher

    /// Creates an evaluation over `searcher`'s index.
    public init(searcher: ArticleSearcher) {
        self.searcher = searcher
    }

    /// Claims from a JSON Lines file, keeping those with at least one cited document.
    public static func claims(jsonLines url: URL) throws -> [Claim] {
        let text = try String(contentsOf: url, encoding: .utf8)
        let decoder = JSONDecoder()
        return try text.split(separator: "\n").compactMap { line in
            let claim = try decoder.decode(Claim.self, from: Data(line.utf8))
            return claim.citedDocIDs.isEmpty ? nil : claim
        }
    }

    /// The OR-of-words query for a claim, built as a tree (so words such as "AND" stay words).
    public static func query(for text: String) -> SearchQuery? {
        let words = SearchText.tokens(text)
        guard let first = words.first else { return nil }
        var root: QueryNode = .text(TextTerm(text: first, tokens: [first]))
        for word in words.dropFirst() {
            root = .or(root, .text(TextTerm(text: word, tokens: [word])))
        }
        return SearchQuery(root: root)
    }

    /// Mean nDCG@10 over `claims` with `weights`.
    public func meanNDCG(_ claims: [Claim], weights: SearchWeights, depth: Int = 10) throws -> Double {
        searcher.weights = weights
        var total = 0.0
        for claim in claims {
            guard let query = Self.query(for: claim.claim) else { continue }
            let results = try searcher.search(query, options: SearchOptions(limit: depth, snippets: false, allowsCandidateRanking: false))
            total += Self.ndcg(ranked: results.hits.map(\.pmid.description), relevant: Set(claim.citedDocIDs), depth: depth)
        }
        return total / Double(max(claims.count, 1))
    }

    /// nDCG at `depth` with binary relevance.
    public static func ndcg(ranked: [String], relevant: Set<String>, depth: Int) -> Double {
        var dcg = 0.0
        for (index, id) in ranked.prefix(depth).enumerated() where relevant.contains(id) {
            dcg += 1 / log2(Double(index) + 2)
        }
        let ideal = (0..<min(relevant.count, depth)).reduce(0.0) { $0 + 1 / log2(Double($1) + 2) }
        return ideal > 0 ? dcg / ideal : 0
    }
}
