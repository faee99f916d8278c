/// A date that may lack its month or day (`DateCompleted`, `DateRevised`…).
public struct PartialDate: Hashable, Sendable, Codable {
    public var year: Int?
    public var month: Int?
    public var day: Int?

    public init(year: Int? = nil, month: Int? = nil, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or `nil` without a year.
    public var iso8601: String? {
        guard let year else { return nil }
        var text = String(format: "%04d", year)
        if let month {
            text += String(format: "-%02d", month)
            if let day { text += String(format: "-%02d", day) }
        }
        return text
    }
}

/// A dated event: `PubMedPubDate` in the history, or an `ArticleDate`.
public struct HistoryDate: Hashable, Sendable, Codable {
    /// `PubStatus` (received, accepted, pubmed, medline, entrez…) or `DateType` (Electronic).
    public var status: String
    public var year: Int?
    public var month: Int?
    public var day: Int?
    public var hour: Int?
    public var minute: Int?

    public init(status: String, year: Int? = nil, month: Int? = nil, day: Int? = nil, hour: Int? = nil, minute: Int? = nil) {
        self.status = status
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
    }
}

/// The publication date of a journal issue or book.
///
/// Either structured (`Year`, `Month`, `Day`, or `Season`) or free text in `MedlineDate`
/// ("1998 Dec-1999 Jan"), in which case `year` is the first four-digit year in it.
public struct PubDate: Hashable, Sendable, Codable {
    public var year: Int?
    /// As written: `Feb`, `02`…
    public var month: String?
    public var day: String?
    public var season: String?
    public var medlineDate: String?

    public init(year: Int? = nil, month: String? = nil, day: String? = nil, season: String? = nil, medlineDate: String? = nil) {
        self.year = year
        self.month = month
        self.day = day
        self.season = season
        self.medlineDate = medlineDate
    }

    /// The month as 1…12, from a name (`Feb`), a number (`02`) or a season's first month.
    public var monthNumber: Int? {
        if let month {
            if let number = Int(month), (1...12).contains(number) { return number }
            return PubDate.monthNumber(forName: month)
        }
        return nil
    }

    /// The date as PubMed prints it: `2019 Feb 24`, `2019 Spring`, or the MedlineDate text.
    public var printed: String? {
        if let medlineDate { return medlineDate }
        guard let year else { return nil }
        var parts = [String(year)]
        if let season { parts.append(season) }
        if let month {
            if let number = Int(month), (1...12).contains(number) {
                parts.append(PubDate.monthNames[number - 1])
            } else {
                parts.append(month)
            }
            if let day { parts.append(String(Int(day) ?? 0 > 0 ? String(Int(day)!) : day)) }
        }
        return parts.joined(separator: " ")
    }

    /// Three-letter English month names, as PubMed prints them.
    public static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Month number for `Jan`, `January`, `jan.`…; `nil` for anything else.
    public static func monthNumber(forName name: String) -> Int? {
        let prefix = name.prefix(3).lowercased()
        return monthNames.firstIndex { $0.lowercased() == prefix }.map { $0 + 1 }
    }
}

/// One section of an abstract.
public struct AbstractSection: Hashable, Sendable, Codable {
    /// `@Label` as written ("RESULTS", "Methods and Findings").
    public var label: String?
    /// `@NlmCategory` (BACKGROUND, OBJECTIVE, METHODS, RESULTS, CONCLUSIONS, UNASSIGNED).
    public var category: String?
    public var text: String

    public init(label: String? = nil, category: String? = nil, text: String) {
        self.label = label
        self.category = category
        self.text = text
    }
}

/// An `OtherAbstract`: a translation, a plain-language summary, etc.
public struct OtherAbstract: Hashable, Sendable, Codable {
    /// `@Type` (AAMC, AIDS, KIE, NASA, Publisher, plain-language-summary…).
    public var type: String?
    public var language: String?
    public var sections: [AbstractSection]
    public var copyright: String?

    public init(type: String? = nil, language: String? = nil, sections: [AbstractSection] = [], copyright: String? = nil) {
        self.type = type
        self.language = language
        self.sections = sections
        self.copyright = copyright
    }
}

/// An author, editor, investigator or personal-name subject.
///
/// A person has `lastName` (and usually `foreName` and `initials`); a group has
/// `collectiveName` only.
public struct Author: Hashable, Sendable, Codable {
    public var lastName: String?
    public var foreName: String?
    public var initials: String?
    public var suffix: String?
    public var collectiveName: String?
    /// ORCID iD as given in `Identifier Source="ORCID"`, normalised to `0000-0000-0000-0000`.
    public var orcid: String?
    /// Other `Identifier` elements, as (source, value).
    public var identifiers: [Identifier]
    public var affiliations: [String]
    /// `@ValidYN` is `Y` (or absent).
    public var valid: Bool
    /// `@EqualContrib` is `Y`.
    public var equalContribution: Bool
    /// `Identifier` elements inside `AffiliationInfo` (ROR, GRID, ISNI…), in document order.
    public var affiliationIdentifiers: [Identifier]

    public init(lastName: String? = nil, foreName: String? = nil, initials: String? = nil, suffix: String? = nil,
                collectiveName: String? = nil, orcid: String? = nil, identifiers: [Identifier] = [],
                affiliations: [String] = [], valid: Bool = true, equalContribution: Bool = false,
                affiliationIdentifiers: [Identifier] = []) {
        self.affiliationIdentifiers = affiliationIdentifiers
        self.lastName = lastName
        self.foreName = foreName
        self.initials = initials
        self.suffix = suffix
        self.collectiveName = collectiveName
        self.orcid = orcid
        self.identifiers = identifiers
        self.affiliations = affiliations
        self.valid = valid
        self.equalContribution = equalContribution
    }

    /// `Smith JA`, or the collective name: the form PubMed shows and `[au]` searches.
    public var displayName: String {
        if let collectiveName { return collectiveName }
        return [lastName, initials].compactMap { $0 }.joined(separator: " ")
    }
}

/// A (source, value) identifier such as an ORCID or a grid id.
public struct Identifier: Hashable, Sendable, Codable {
    public var source: String
    public var value: String

    public init(source: String, value: String) {
        self.source = source
        self.value = value
    }
}

/// The journal an article appeared in.
public struct Journal: Hashable, Sendable, Codable {
    public var title: String?
    public var isoAbbreviation: String?
    public var issn: String?
    /// `@IssnType`: Print or Electronic.
    public var issnType: String?
    public var volume: String?
    public var issue: String?
    /// `JournalIssue/@CitedMedium`.
    public var citedMedium: String?

    public init(title: String? = nil, isoAbbreviation: String? = nil, issn: String? = nil, issnType: String? = nil,
                volume: String? = nil, issue: String? = nil, citedMedium: String? = nil) {
        self.title = title
        self.isoAbbreviation = isoAbbreviation
        self.issn = issn
        self.issnType = issnType
        self.volume = volume
        self.issue = issue
        self.citedMedium = citedMedium
    }
}

/// `MedlineJournalInfo`.
public struct MedlineJournalInfo: Hashable, Sendable, Codable {
    public var country: String?
    /// The journal's MEDLINE title abbreviation (what `[ta]` searches).
    public var medlineTA: String?
    public var nlmUniqueID: String?
    public var issnLinking: String?

    public init(country: String? = nil, medlineTA: String? = nil, nlmUniqueID: String? = nil, issnLinking: String? = nil) {
        self.country = country
        self.medlineTA = medlineTA
        self.nlmUniqueID = nlmUniqueID
        self.issnLinking = issnLinking
    }
}

/// `Pagination`: start and end pages and/or the MEDLINE page string.
public struct Pagination: Hashable, Sendable, Codable {
    public var startPage: String?
    public var endPage: String?
    /// As written, e.g. `148-52`.
    public var medlinePgn: String?

    public init(startPage: String? = nil, endPage: String? = nil, medlinePgn: String? = nil) {
        self.startPage = startPage
        self.endPage = endPage
        self.medlinePgn = medlinePgn
    }
}

/// An `ELocationID` (doi or pii), with its validity flag.
public struct ELocationID: Hashable, Sendable, Codable {
    public var type: String
    public var value: String
    public var valid: Bool

    public init(type: String, value: String, valid: Bool = true) {
        self.type = type
        self.value = value
        self.valid = valid
    }
}

/// An `ArticleId` from `ArticleIdList`: `@IdType` (pubmed, doi, pmc, pii, mid…) and value.
public struct ArticleID: Hashable, Sendable, Codable {
    public var type: String
    public var value: String

    public init(type: String, value: String) {
        self.type = type
        self.value = value
    }
}

/// A publication type with its MeSH UI (`Randomized Controlled Trial`, `D016449`).
public struct PublicationType: Hashable, Sendable, Codable {
    public var name: String
    public var ui: String?

    public init(name: String, ui: String? = nil) {
        self.name = name
        self.ui = ui
    }
}

/// A MeSH heading: a descriptor and its qualifiers, each with a major-topic flag.
public struct MeshHeading: Hashable, Sendable, Codable {
    public var descriptor: String
    public var ui: String?
    public var major: Bool
    /// `DescriptorName/@Type` (e.g. `Geographic`), when present.
    public var type: String?
    public var qualifiers: [MeshQualifier]

    public init(descriptor: String, ui: String? = nil, major: Bool = false, type: String? = nil, qualifiers: [MeshQualifier] = []) {
        self.descriptor = descriptor
        self.ui = ui
        self.major = major
        self.type = type
        self.qualifiers = qualifiers
    }

    /// Whether the descriptor or any qualifier is a major topic (what `[majr]` searches).
    public var isMajorTopic: Bool { major || qualifiers.contains { $0.major } }
}

/// A MeSH qualifier (subheading).
public struct MeshQualifier: Hashable, Sendable, Codable {
    public var name: String
    public var ui: String?
    public var major: Bool

    public init(name: String, ui: String? = nil, major: Bool = false) {
        self.name = name
        self.ui = ui
        self.major = major
    }
}

/// A `Chemical` from `ChemicalList`.
public struct Chemical: Hashable, Sendable, Codable {
    public var name: String
    public var ui: String?
    public var registryNumber: String?

    public init(name: String, ui: String? = nil, registryNumber: String? = nil) {
        self.name = name
        self.ui = ui
        self.registryNumber = registryNumber
    }
}

/// A `SupplMeshName`.
public struct SupplementaryConcept: Hashable, Sendable, Codable {
    public var name: String
    public var ui: String?
    /// `@Type`: Disease, Protocol, Organism…
    public var type: String?

    public init(name: String, ui: String? = nil, type: String? = nil) {
        self.name = name
        self.ui = ui
        self.type = type
    }
}

/// A keyword, with its major flag and the `KeywordList/@Owner`.
public struct Keyword: Hashable, Sendable, Codable {
    public var text: String
    public var major: Bool
    public var owner: String?

    public init(text: String, major: Bool = false, owner: String? = nil) {
        self.text = text
        self.major = major
        self.owner = owner
    }
}

/// A `Grant`.
public struct Grant: Hashable, Sendable, Codable {
    public var grantID: String?
    public var acronym: String?
    public var agency: String?
    public var country: String?

    public init(grantID: String? = nil, acronym: String? = nil, agency: String? = nil, country: String? = nil) {
        self.grantID = grantID
        self.acronym = acronym
        self.agency = agency
        self.country = country
    }
}

/// A `CommentsCorrections` entry: `@RefType` (RetractionIn, ErratumIn, CommentOn…), the
/// source citation text, and the PMID it points to when given.
public struct CommentCorrection: Hashable, Sendable, Codable {
    public var type: String
    public var refSource: String?
    public var pmid: PMID?
    public var note: String?

    public init(type: String, refSource: String? = nil, pmid: PMID? = nil, note: String? = nil) {
        self.type = type
        self.refSource = refSource
        self.pmid = pmid
        self.note = note
    }
}

/// An `OtherID` with its `@Source` (NLM, NASA, KIE…).
public struct OtherID: Hashable, Sendable, Codable {
    public var source: String?
    public var value: String

    public init(source: String? = nil, value: String) {
        self.source = source
        self.value = value
    }
}

/// A `DataBank` (ClinicalTrials.gov, GEO…) with its accession numbers.
public struct DataBank: Hashable, Sendable, Codable {
    public var name: String
    public var accessionNumbers: [String]

    public init(name: String, accessionNumbers: [String] = []) {
        self.name = name
        self.accessionNumbers = accessionNumbers
    }
}

/// A `Reference` from `ReferenceList`: the citation text and its ids.
public struct Reference: Hashable, Sendable, Codable {
    public var citation: String?
    public var articleIDs: [ArticleID]

    public init(citation: String? = nil, articleIDs: [ArticleID] = []) {
        self.citation = citation
        self.articleIDs = articleIDs
    }
}

/// The book-level fields of a `PubmedBookArticle` (`BookDocument/Book`, plus the chapter's own).
public struct Book: Hashable, Sendable, Codable {
    public var bookTitle: String?
    public var publisherName: String?
    public var publisherLocation: String?
    public var volume: String?
    public var volumeTitle: String?
    public var edition: String?
    public var medium: String?
    public var isbns: [String]
    public var collectionTitle: String?
    public var editors: [Author]
    /// `LocationLabel` entries, e.g. (chapter, "ch1").
    public var locationLabels: [Identifier]
    /// `Sections/Section` titles.
    public var sections: [String]
    /// `ReportNumber`.
    public var reportNumber: String?
    /// `BeginningDate`/`EndingDate` of the book, when given.
    public var beginningDate: PartialDate?
    public var endingDate: PartialDate?
    /// The `ArticleTitle` of a chapter, when the document is a part of a book.
    public var chapterTitle: String?
    /// `Book/AuthorList` authors (the book's own, not the chapter's).
    public var authors: [Author]
    /// `ContributionDate` of the document.
    public var contributionDate: PartialDate?
    /// `CitationString`, as given.
    public var citationString: String?

    public init() {
        self.authors = []
        self.isbns = []
        self.editors = []
        self.locationLabels = []
        self.sections = []
    }
}
