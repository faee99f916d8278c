import Foundation

/// How to order search results.
public enum SearchSort: String, Hashable, Sendable, CaseIterable, Codable {
    /// Best bm25 score first (by date when the query has no text term).
    case relevance
    /// Newest publication date first.
    case date
    /// Ascending PMID.
    case pmid
}

/// A facet: a field whose values are counted over the whole result set.
public enum SearchFacet: String, Hashable, Sendable, CaseIterable, Codable {
    /// Publication year.
    case year
    /// Publication type.
    case type
    /// Journal (MedlineTA abbreviation).
    case journal
    /// MeSH descriptor.
    case mesh
}

/// What to search for besides the query: page, order, filters, facets.
public struct SearchOptions: Hashable, Sendable {
    /// Hits per page.
    public var limit: Int
    /// Hits skipped before the page.
    public var offset: Int
    /// Order of the hits.
    public var sort: SearchSort
    /// Only records published in or after this year.
    public var since: Int?
    /// Only records published in or before this year.
    public var until: Int?
    /// Only records with one of these publication types (case-insensitive).
    public var publicationTypes: [String]
    /// Facets to count over the whole result set.
    public var facets: [SearchFacet]
    /// Values kept per facet (years are all kept).
    public var facetLimit: Int
    /// Whether to build snippets and highlighted titles.
    public var snippets: Bool
    /// Whether broad queries may rank a bounded candidate set (term impact lists) instead of
    /// every hit. Turn off for exact bm25 order.
    public var allowsCandidateRanking: Bool

    /// Creates options; the defaults are the first 20 hits by relevance, with snippets.
    public init(limit: Int = 20, offset: Int = 0, sort: SearchSort = .relevance, since: Int? = nil, until: Int? = nil,
                publicationTypes: [String] = [], facets: [SearchFacet] = [], facetLimit: Int = 10,
                snippets: Bool = true, allowsCandidateRanking: Bool = true) {
        self.limit = limit
        self.offset = offset
        self.sort = sort
        self.since = since
        self.until = until
        self.publicationTypes = publicationTypes
        self.facets = facets
        self.facetLimit = facetLimit
        self.snippets = snippets
        self.allowsCandidateRanking = allowsCandidateRanking
    }

    /// The query with the filters (`since`, `until`, `publicationTypes`) ANDed to it.
    public func filtered(_ query: SearchQuery) -> SearchQuery {
        guard since != nil || until != nil || !publicationTypes.isEmpty else { return query }
        var root = query.root
        if since != nil || until != nil {
            let from = since ?? 1000
            let to = until ?? 9999
            root = .and(root, .field(.publicationDate(PublicationDateRange(years: min(from, to)...max(from, to)))))
        }
        let types = publicationTypes.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        if let first = types.first {
            var either: QueryNode = .field(.publicationType(first))
            for type in types.dropFirst() { either = .or(either, .field(.publicationType(type))) }
            root = .and(root, either)
        }
        return root == query.root ? query : SearchQuery(root: root, source: query.source)
    }
}
