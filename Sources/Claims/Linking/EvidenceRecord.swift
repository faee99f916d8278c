import PubMed

/// A candidate record from the index, with what linking needs to read it.
public struct EvidenceRecord: Hashable, Sendable {
    /// Its PMID.
    public var pmid: PMID
    /// The title.
    public var title: String
    /// The abstract, sections as 'LABEL: text' lines (as stored).
    public var abstract: String
    /// The publication year.
    public var year: Int?
    /// Publication types ("Randomized Controlled Trial"…).
    public var publicationTypes: [String]
    /// MeSH descriptors.
    public var meshTerms: [String]
    /// Whether the record is retracted (or has a RetractionIn notice).
    public var isRetracted: Bool
    /// The retrieval score (higher is better; the negated FTS5 bm25).
    public var retrievalScore: Double

    /// Makes a record.
    public init(pmid: PMID, title: String, abstract: String, year: Int? = nil, publicationTypes: [String] = [],
                meshTerms: [String] = [], isRetracted: Bool = false, retrievalScore: Double = 0) {
        self.pmid = pmid
        self.title = title
        self.abstract = abstract
        self.year = year
        self.publicationTypes = publicationTypes
        self.meshTerms = meshTerms
        self.isRetracted = isRetracted
        self.retrievalScore = retrievalScore
    }
}

/// Where candidate evidence comes from: the SQLite index, or an in-memory list in tests.
public protocol EvidenceIndex {
    /// Up to `limit` records matching an FTS5 expression (built only from escaped pieces), best first.
    func search(ftsExpression: String, limit: Int) throws -> [EvidenceRecord]
    /// How many indexed records contain each stem (for weighting words), and the record count.
    func documentFrequencies(of stems: Set<String>) throws -> (frequencies: [String: Int], total: Int)
    /// An id for the index's current contents.
    func snapshotID() throws -> String
    /// Word vectors of the index's stems, for the reranker's word-similarity features (nil: none).
    func stemVectors() throws -> (any StemVectors)?
}

extension EvidenceIndex {
    /// An index without word vectors.
    public func stemVectors() throws -> (any StemVectors)? { nil }
}
