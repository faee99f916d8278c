/// Column weights for bm25 over `article_fts` (title, abstract, mesh_terms, keyword_terms,
/// author_names): title above MeSH above abstract.
///
/// The defaults were tuned on SciFact (claims as OR-ed queries, nDCG@10; see
/// `evidence eval` and docs/search.md).
public struct SearchWeights: Hashable, Sendable, Codable {
    /// Title.
    public var title: Double
    /// Abstract.
    public var abstract: Double
    /// MeSH descriptors and descriptor/qualifier pairs.
    public var mesh: Double
    /// Author keywords.
    public var keywords: Double
    /// Author names.
    public var authors: Double

    /// Creates weights.
    public init(title: Double, abstract: Double, mesh: Double, keywords: Double, authors: Double) {
        self.title = title
        self.abstract = abstract
        self.mesh = mesh
        self.keywords = keywords
        self.authors = authors
    }

    /// The tuned defaults.
    public static let `default` = SearchWeights(title: 3, abstract: 1, mesh: 2, keywords: 1.5, authors: 1)
    /// Every column weighted 1 (plain `bm25()`).
    public static let plain = SearchWeights(title: 1, abstract: 1, mesh: 1, keywords: 1, authors: 1)

    /// The argument list of `bm25(article_fts, …)`; numbers only, never user text.
    public var bm25Arguments: String {
        [title, abstract, mesh, keywords, authors].map { String($0) }.joined(separator: ", ")
    }

    /// `bm25(article_fts, …)` with these weights.
    public var bm25Call: String { "bm25(article_fts, \(bm25Arguments))" }

    /// `evidence_bm25(article_fts, …)` with these weights and the given document count for
    /// each phrase of the MATCH expression, in order: the same score as `bm25Call` without
    /// FTS5's walk of every phrase's doclist to count its documents (see `TermImpactIndex`).
    public func bm25Call(documentCounts: [Int]) -> String {
        "evidence_bm25(article_fts, \(bm25Arguments)" + documentCounts.map { ", \($0)" }.joined() + ")"
    }
}
