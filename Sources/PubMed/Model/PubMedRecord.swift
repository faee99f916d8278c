/// One citation as PubMed distributes it: a `PubmedArticle`, a `PubmedBookArticle`
/// or a bare legacy `MedlineCitation`, with nothing dropped.
///
/// Every list keeps document order. Text fields hold plain text: inline markup
/// (`<i>`, `<sup>`, MathML…) is flattened to its characters, never stripped by pattern.
/// Absent values are `nil` or empty arrays, never `""`.
public struct PubMedRecord: Hashable, Sendable, Codable {
    /// Whether the record is a journal article or a book / book chapter.
    public enum Kind: String, Hashable, Sendable, Codable {
        case article
        case book
    }

    public var pmid: PMID
    /// `PMID/@Version`; 1 when absent.
    public var version: Int
    public var kind: Kind

    /// `MedlineCitation/@Status` (MEDLINE, PubMed-not-MEDLINE, In-Data-Review…) or `BookDocument`'s status.
    public var status: String?
    /// `MedlineCitation/@Owner` (NLM, NASA, PIP, KIE, NOTNLM, HHS…).
    public var owner: String?
    /// `MedlineCitation/@IndexingMethod`, when present.
    public var indexingMethod: String?

    public var dateCreated: PartialDate?
    public var dateCompleted: PartialDate?
    public var dateRevised: PartialDate?

    /// `ArticleTitle` (or `BookTitle` for a whole book), as plain text.
    public var title: String?
    public var vernacularTitle: String?

    /// The abstract's sections in order; an unstructured abstract is one section with no label.
    public var abstract: [AbstractSection]
    /// `Abstract/CopyrightInformation`.
    public var abstractCopyright: String?
    /// `OtherAbstract` elements (other languages, plain-language summaries…).
    public var otherAbstracts: [OtherAbstract]

    public var authors: [Author]
    /// The legacy `Article/Affiliation` of pre-2014 DTDs (PubMed shows it for the first author).
    public var articleAffiliation: String?
    /// `AuthorList/@CompleteYN` is `Y` (or absent).
    public var authorListComplete: Bool
    /// `InvestigatorList`.
    public var investigators: [Author]

    public var journal: Journal?
    /// The publication date (`JournalIssue/PubDate`, or a book's `PubDate`).
    public var pubDate: PubDate?
    /// `ArticleDate` elements (usually `DateType="Electronic"`).
    public var articleDates: [HistoryDate]
    /// `Article/@PubModel`.
    public var pubModel: String?

    public var pagination: Pagination?
    public var eLocationIDs: [ELocationID]
    /// `PubmedData/ArticleIdList` (pubmed, doi, pmc, pii, mid, bookaccession…).
    public var articleIDs: [ArticleID]

    /// ISO 639-2 codes (`eng`, `ger`…).
    public var languages: [String]
    public var publicationTypes: [PublicationType]
    public var mesh: [MeshHeading]
    public var chemicals: [Chemical]
    /// `SupplMeshList`.
    public var supplementaryConcepts: [SupplementaryConcept]
    public var keywords: [Keyword]
    public var grants: [Grant]
    /// `GrantList/@CompleteYN`.
    public var grantListComplete: Bool?
    public var commentsCorrections: [CommentCorrection]
    /// `PubmedData/History/PubMedPubDate`.
    public var history: [HistoryDate]
    /// `PubmedData/PublicationStatus` (ppublish, epublish, aheadofprint).
    public var publicationStatus: String?
    public var citationSubsets: [String]
    public var otherIDs: [OtherID]
    public var generalNotes: [String]
    public var geneSymbols: [String]
    public var personalNameSubjects: [Author]
    public var dataBanks: [DataBank]
    public var coiStatement: String?
    public var numberOfReferences: Int?
    public var spaceFlightMissions: [String]
    /// `ReferenceList/Reference` entries.
    public var references: [Reference]
    /// `MedlineJournalInfo`.
    public var journalInfo: MedlineJournalInfo?

    /// Book-specific fields of a `PubmedBookArticle`.
    public var book: Book?

    /// The record's XML as read (entities resolved), so anything can be re-derived later.
    public var originalXML: String
    /// The line in the source file where the record starts (1-based), when known.
    public var sourceLine: Int?

    /// Creates an empty record for `pmid`; the parser fills in the rest.
    public init(pmid: PMID, version: Int = 1, kind: Kind = .article) {
        self.pmid = pmid
        self.version = version
        self.kind = kind
        self.abstract = []
        self.otherAbstracts = []
        self.authors = []
        self.authorListComplete = true
        self.investigators = []
        self.articleDates = []
        self.eLocationIDs = []
        self.articleIDs = []
        self.languages = []
        self.publicationTypes = []
        self.mesh = []
        self.chemicals = []
        self.supplementaryConcepts = []
        self.keywords = []
        self.grants = []
        self.commentsCorrections = []
        self.history = []
        self.citationSubsets = []
        self.otherIDs = []
        self.generalNotes = []
        self.geneSymbols = []
        self.personalNameSubjects = []
        self.dataBanks = []
        self.spaceFlightMissions = []
        self.references = []
        self.originalXML = ""
    }
}

extension PubMedRecord {
    /// The DOI: from `ArticleIdList` first, then a valid `ELocationID`.
    public var doi: DOI? {
        if let id = articleIDs.first(where: { $0.type == "doi" }), let doi = DOI(id.value) { return doi }
        if let id = eLocationIDs.first(where: { $0.type == "doi" && $0.valid }), let doi = DOI(id.value) { return doi }
        return nil
    }

    /// The PubMed Central id, such as `PMC6584287`.
    public var pmcid: String? {
        articleIDs.first(where: { $0.type == "pmc" })?.value
    }

    /// The publication year: `PubDate/Year`, else the first year in a `MedlineDate`,
    /// else the first electronic article date, else the year the record was created.
    public var year: Int? {
        pubDate?.year ?? articleDates.first?.year ?? dateCompleted?.year ?? dateCreated?.year
    }

    /// The whole abstract as plain text, `LABEL: text` per labelled section, one per line.
    public var abstractText: String? {
        guard !abstract.isEmpty else { return nil }
        return abstract.map { section in
            if let label = section.label, !label.isEmpty { return "\(label): \(section.text)" }
            return section.text
        }.joined(separator: "\n")
    }

    /// Whether a `RetractionIn` (or `RetractionNotice`) points at this record.
    public var isRetracted: Bool {
        commentsCorrections.contains { $0.type == "RetractionIn" }
            || publicationTypes.contains { $0.name == "Retracted Publication" }
    }
}
