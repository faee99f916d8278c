import PubMed

/// One hit: what a result line shows.
public struct SearchHit: Hashable, Sendable {
    /// The record.
    public var pmid: PMID
    /// Year of publication.
    public var year: Int?
    /// First author as displayed (`Smith JA`).
    public var firstAuthor: String?
    /// Journal abbreviation (MedlineTA, else ISO abbreviation, else title).
    public var journal: String?
    /// The title, with matched terms highlighted.
    public var title: HighlightedText
    /// Publication types, in record order.
    public var publicationTypes: [String]
    /// Design derived from the publication types.
    public var design: StudyDesign
    /// The DOI, if any.
    public var doi: String?
    /// A passage of the abstract around the matches, highlighted.
    public var snippet: HighlightedText
    /// bm25 score (lower is better), when ranked by relevance.
    public var score: Double?
}

/// A count of one facet value.
public struct FacetCount: Hashable, Sendable, Codable {
    /// The value (a year, a type, a journal, a descriptor).
    public var value: String
    /// Records in the result set with it.
    public var count: Int

    /// Creates a count.
    public init(value: String, count: Int) {
        self.value = value
        self.count = count
    }
}

/// How the top hits were ranked.
public enum RankingMethod: String, Hashable, Sendable, Codable {
    /// bm25 over every hit (exact).
    case exact
    /// bm25 over a bounded candidate set drawn from term impact lists.
    case candidates
    /// bm25 over the candidates of term impact lists, without proof that no other record
    /// scores higher: only for ORs of words in at least half of the records, whose idf bm25
    /// floors at 1e-6 so that their scores are flat (`the OR of OR and`). Each hit's score is
    /// exact; the page may miss a record outside the lists.
    case approximate
    /// No text to rank: by date or PMID.
    case unranked
}

/// A page of results with the total and any facets.
public struct SearchResults: Hashable, Sendable {
    /// The query as understood (after filters).
    public var query: SearchQuery
    /// Records matching, in all.
    public var total: Int
    /// The page of hits.
    public var hits: [SearchHit]
    /// Facet counts over the whole result set, by facet.
    public var facets: [SearchFacet: [FacetCount]]
    /// The options used.
    public var options: SearchOptions
    /// How the hits were ranked.
    public var ranking: RankingMethod
}
