/// The PubMed element names the parser acts on; anything else is `.other`.
///
/// Names are matched as bytes (see `ElementNameTable`), never by building a `String`
/// per SAX callback.
enum ElementName: String, CaseIterable {
    case other = ""

    // Roots and records.
    case pubmedArticleSet = "PubmedArticleSet"
    case pubmedBookArticleSet = "PubmedBookArticleSet"
    case medlineCitationSet = "MedlineCitationSet"
    case pubmedArticle = "PubmedArticle"
    case pubmedBookArticle = "PubmedBookArticle"
    case medlineCitation = "MedlineCitation"
    case deleteCitation = "DeleteCitation"
    case pubmedData = "PubmedData"
    case pubmedBookData = "PubmedBookData"
    case bookDocument = "BookDocument"
    case book = "Book"

    // Identity and dates.
    case pmid = "PMID"
    case dateCreated = "DateCreated"
    case dateCompleted = "DateCompleted"
    case dateRevised = "DateRevised"
    case contributionDate = "ContributionDate"
    case beginningDate = "BeginningDate"
    case endingDate = "EndingDate"
    case year = "Year"
    case month = "Month"
    case day = "Day"
    case hour = "Hour"
    case minute = "Minute"
    case season = "Season"
    case medlineDate = "MedlineDate"

    // Article and journal.
    case article = "Article"
    case journal = "Journal"
    case issn = "ISSN"
    case journalIssue = "JournalIssue"
    case volume = "Volume"
    case issue = "Issue"
    case pubDate = "PubDate"
    case title = "Title"
    case isoAbbreviation = "ISOAbbreviation"
    case articleTitle = "ArticleTitle"
    case vernacularTitle = "VernacularTitle"
    case pagination = "Pagination"
    case startPage = "StartPage"
    case endPage = "EndPage"
    case medlinePgn = "MedlinePgn"
    case eLocationID = "ELocationID"
    case abstract = "Abstract"
    case abstractText = "AbstractText"
    case copyrightInformation = "CopyrightInformation"
    case otherAbstract = "OtherAbstract"
    case articleDate = "ArticleDate"
    case language = "Language"

    // People.
    case authorList = "AuthorList"
    case author = "Author"
    case lastName = "LastName"
    case foreName = "ForeName"
    case initials = "Initials"
    case suffix = "Suffix"
    case collectiveName = "CollectiveName"
    case identifier = "Identifier"
    case affiliationInfo = "AffiliationInfo"
    case affiliation = "Affiliation"
    case investigatorList = "InvestigatorList"
    case investigator = "Investigator"
    case personalNameSubjectList = "PersonalNameSubjectList"
    case personalNameSubject = "PersonalNameSubject"

    // Lists of the citation.
    case dataBank = "DataBank"
    case dataBankName = "DataBankName"
    case accessionNumber = "AccessionNumber"
    case grantList = "GrantList"
    case grant = "Grant"
    case grantID = "GrantID"
    case acronym = "Acronym"
    case agency = "Agency"
    case country = "Country"
    case publicationType = "PublicationType"
    case medlineJournalInfo = "MedlineJournalInfo"
    case medlineTA = "MedlineTA"
    case nlmUniqueID = "NlmUniqueID"
    case issnLinking = "ISSNLinking"
    case chemical = "Chemical"
    case registryNumber = "RegistryNumber"
    case nameOfSubstance = "NameOfSubstance"
    case supplMeshName = "SupplMeshName"
    case citationSubset = "CitationSubset"
    case commentsCorrections = "CommentsCorrections"
    case refSource = "RefSource"
    case note = "Note"
    case geneSymbol = "GeneSymbol"
    case meshHeading = "MeshHeading"
    case descriptorName = "DescriptorName"
    case qualifierName = "QualifierName"
    case numberOfReferences = "NumberOfReferences"
    case otherID = "OtherID"
    case keywordList = "KeywordList"
    case keyword = "Keyword"
    case coiStatement = "CoiStatement"
    case spaceFlightMission = "SpaceFlightMission"
    case generalNote = "GeneralNote"

    // PubmedData.
    case history = "History"
    case pubMedPubDate = "PubMedPubDate"
    case publicationStatus = "PublicationStatus"
    case articleIdList = "ArticleIdList"
    case articleId = "ArticleId"
    case referenceList = "ReferenceList"
    case reference = "Reference"
    case citation = "Citation"

    // Books.
    case publisherName = "PublisherName"
    case publisherLocation = "PublisherLocation"
    case bookTitle = "BookTitle"
    case volumeTitle = "VolumeTitle"
    case edition = "Edition"
    case collectionTitle = "CollectionTitle"
    case isbn = "Isbn"
    case medium = "Medium"
    case reportNumber = "ReportNumber"
    case locationLabel = "LocationLabel"
    case section = "Section"
    case sectionTitle = "SectionTitle"
    case citationString = "CitationString"

    /// Whether the element holds text the record keeps (its inline markup is flattened).
    var holdsText: Bool {
        switch self {
        case .pmid, .year, .month, .day, .hour, .minute, .season, .medlineDate,
             .issn, .volume, .issue, .title, .isoAbbreviation, .articleTitle, .vernacularTitle,
             .startPage, .endPage, .medlinePgn, .eLocationID, .abstractText, .copyrightInformation,
             .language, .lastName, .foreName, .initials, .suffix, .collectiveName, .identifier,
             .affiliation, .dataBankName, .accessionNumber, .grantID, .acronym, .agency, .country,
             .publicationType, .medlineTA, .nlmUniqueID, .issnLinking, .registryNumber,
             .nameOfSubstance, .supplMeshName, .citationSubset, .refSource, .note, .geneSymbol,
             .descriptorName, .qualifierName, .numberOfReferences, .otherID, .keyword,
             .coiStatement, .spaceFlightMission, .generalNote, .publicationStatus, .articleId,
             .citation, .publisherName, .publisherLocation, .bookTitle, .volumeTitle, .edition,
             .collectionTitle, .isbn, .medium, .reportNumber, .locationLabel, .sectionTitle,
             .citationString:
            return true
        default:
            return false
        }
    }
}
