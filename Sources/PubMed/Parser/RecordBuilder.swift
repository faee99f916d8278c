/// Builds one `PubMedRecord` from the element events of a record.
///
/// `open` sees each element's start (with its attributes); `close` sees its end, with the
/// element's flattened text for text-holding elements. Lists keep document order and a
/// single-valued field keeps the first value it gets, so nothing is overwritten.
struct RecordBuilder {
    /// The record being built; its `pmid` is set by `finish`.
    var record = PubMedRecord(pmid: PMID(0))
    /// The record's own PMID, once read.
    var pmid: PMID?
    /// Problems found so far, drained by the parser (which knows the line).
    var issues: [String] = []

    private var author = Author()
    private var authorListType: String?
    private var otherAbstract = OtherAbstract()
    private var mesh = MeshHeading(descriptor: "")
    private var chemical = Chemical(name: "")
    private var grant = Grant()
    private var comment = CommentCorrection(type: "")
    private var dataBank = DataBank(name: "")
    private var reference = Reference()
    private var dated = HistoryDate(status: "")
    private var partialDate = PartialDate()
    private var pubDate = PubDate()
    private var keywordOwner: String?
    /// Attributes of the text element being read.
    private var firstAttribute: String?
    private var secondAttribute: String?
    private var flag = false

    /// Starts a record of `kind`.
    mutating func start(kind: PubMedRecord.Kind) {
        // `finish` swapped the previous record out, leaving a fresh empty one here.
        record.kind = kind
        pmid = nil
        issues.removeAll()
        if kind == .book { record.book = Book() }
    }

    // MARK: Element starts

    /// Handles the start of `element`, a child of `parent`.
    mutating func open(_ element: ElementName, parent: ElementName, attributes: AttributeList) {
        switch element {
        case .medlineCitation:
            record.owner = attributes.value("Owner")
            record.status = attributes.value("Status")
            record.indexingMethod = attributes.value("IndexingMethod")
        case .pmid:
            firstAttribute = attributes.value("Version")
        case .article:
            record.pubModel = attributes.value("PubModel")
        case .bookDocument, .book:
            record.kind = .book
            if record.book == nil { record.book = Book() }
        case .journal:
            if record.journal == nil { record.journal = Journal() }
        case .issn:
            firstAttribute = attributes.value("IssnType")
        case .journalIssue:
            if record.journal == nil { record.journal = Journal() }
            record.journal?.citedMedium = attributes.value("CitedMedium")
        case .pubDate:
            pubDate = PubDate()
        case .dateCreated, .dateCompleted, .dateRevised, .contributionDate, .beginningDate, .endingDate:
            partialDate = PartialDate()
        case .articleDate:
            dated = HistoryDate(status: attributes.value("DateType") ?? "")
        case .pubMedPubDate:
            dated = HistoryDate(status: attributes.value("PubStatus") ?? "")
        case .pagination:
            if record.pagination == nil { record.pagination = Pagination() }
        case .eLocationID:
            firstAttribute = attributes.value("EIdType")
            flag = attributes.flag("ValidYN", default: true)
        case .abstractText:
            firstAttribute = attributes.value("Label")
            secondAttribute = attributes.value("NlmCategory")
        case .otherAbstract:
            otherAbstract = OtherAbstract(type: attributes.value("Type"), language: attributes.value("Language"))
        case .authorList:
            authorListType = attributes.value("Type")
            if parent == .article || (parent == .bookDocument && authorListType != "editors") {
                record.authorListComplete = attributes.flag("CompleteYN", default: true)
            }
        case .author, .investigator, .personalNameSubject:
            author = Author(valid: attributes.flag("ValidYN", default: true),
                            equalContribution: attributes.flag("EqualContrib", default: false))
        case .identifier, .otherID:
            firstAttribute = attributes.value("Source")
        case .dataBank:
            dataBank = DataBank(name: "")
        case .grantList:
            record.grantListComplete = attributes.flag("CompleteYN", default: true)
        case .grant:
            grant = Grant()
        case .publicationType, .nameOfSubstance:
            firstAttribute = attributes.value("UI")
        case .chemical:
            chemical = Chemical(name: "")
        case .supplMeshName:
            firstAttribute = attributes.value("UI")
            secondAttribute = attributes.value("Type")
        case .commentsCorrections:
            comment = CommentCorrection(type: attributes.value("RefType") ?? "")
        case .meshHeading:
            mesh = MeshHeading(descriptor: "")
        case .descriptorName:
            firstAttribute = attributes.value("UI")
            secondAttribute = attributes.value("Type")
            flag = attributes.flag("MajorTopicYN", default: false)
        case .qualifierName:
            firstAttribute = attributes.value("UI")
            flag = attributes.flag("MajorTopicYN", default: false)
        case .keywordList:
            keywordOwner = attributes.value("Owner")
        case .keyword:
            flag = attributes.flag("MajorTopicYN", default: false)
        case .articleId:
            firstAttribute = attributes.value("IdType")
        case .reference:
            reference = Reference()
        case .locationLabel:
            firstAttribute = attributes.value("Type")
        default:
            break
        }
    }

    // MARK: Element ends

    /// Handles the end of `element`; `text` is its flattened text when it holds text.
    mutating func close(_ element: ElementName, parent: ElementName, grandparent: ElementName, text: String?) {
        if let text {
            closeText(element, parent: parent, grandparent: grandparent, text: text)
        } else {
            closeContainer(element, parent: parent, grandparent: grandparent)
        }
    }

    private mutating func closeContainer(_ element: ElementName, parent: ElementName, grandparent: ElementName) {
        switch element {
        case .otherAbstract:
            record.otherAbstracts.append(otherAbstract)
        case .author:
            appendAuthor(listParent: grandparent)
        case .investigator:
            record.investigators.append(author)
        case .personalNameSubject:
            record.personalNameSubjects.append(author)
        case .dataBank:
            record.dataBanks.append(dataBank)
        case .grant:
            record.grants.append(grant)
        case .chemical:
            record.chemicals.append(chemical)
        case .commentsCorrections:
            record.commentsCorrections.append(comment)
        case .meshHeading:
            record.mesh.append(mesh)
        case .reference:
            record.references.append(reference)
        case .articleDate:
            record.articleDates.append(dated)
        case .pubMedPubDate:
            if parent == .history { record.history.append(dated) }
        case .pubDate:
            if (parent == .journalIssue || parent == .book), record.pubDate == nil { record.pubDate = pubDate }
        case .dateCreated:
            keepFirst(&record.dateCreated, partialDate)
        case .dateCompleted:
            keepFirst(&record.dateCompleted, partialDate)
        case .dateRevised:
            keepFirst(&record.dateRevised, partialDate)
        case .contributionDate:
            keepFirst(&bookFields.contributionDate, partialDate)
        case .beginningDate:
            keepFirst(&bookFields.beginningDate, partialDate)
        case .endingDate:
            keepFirst(&bookFields.endingDate, partialDate)
        default:
            break
        }
    }

    private mutating func appendAuthor(listParent: ElementName) {
        let editors = authorListType == "editors"
        switch listParent {
        case .book:
            if editors { bookFields.editors.append(author) } else { bookFields.authors.append(author) }
        case .bookDocument where editors:
            bookFields.editors.append(author)
        default:
            record.authors.append(author)
        }
    }

    private mutating func closeText(_ element: ElementName, parent: ElementName, grandparent: ElementName, text: String) {
        switch element {
        case .pmid:
            switch parent {
            case .medlineCitation, .bookDocument:
                guard pmid == nil else { return }
                if let value = Self.pmid(text) {
                    pmid = value
                } else {
                    issues.append("PMID \"\(text)\" is not a positive integer")
                }
                if let version = firstAttribute {
                    if let number = Int(version), number > 0 {
                        record.version = number
                    } else {
                        issues.append("PMID Version \"\(version)\" is not a positive integer; using 1")
                    }
                }
            case .commentsCorrections:
                comment.pmid = Self.pmid(text)
            default:
                break
            }
        case .year, .month, .day, .hour, .minute:
            closeDatePart(element, parent: parent, text: text)
        case .season:
            if parent == .pubDate { pubDate.season = trimmedOrNil(text) }
        case .medlineDate:
            if parent == .pubDate {
                pubDate.medlineDate = trimmedOrNil(text)
                pubDate.year = Self.firstYear(in: text)
                if pubDate.year == nil { issues.append("MedlineDate \"\(text)\" has no four-digit year") }
            }
        case .issn:
            if parent == .journal, record.journal?.issn == nil {
                record.journal?.issn = trimmedOrNil(text)
                record.journal?.issnType = firstAttribute
            }
        case .volume:
            if parent == .journalIssue { keepFirst(&journalFields.volume, text) }
            else if parent == .book { keepFirst(&bookFields.volume, text) }
        case .issue:
            if parent == .journalIssue { keepFirst(&journalFields.issue, text) }
        case .title:
            if parent == .journal { keepFirst(&journalFields.title, text) }
        case .isoAbbreviation:
            if parent == .journal { keepFirst(&journalFields.isoAbbreviation, text) }
        case .articleTitle:
            if parent == .article { keepFirst(&record.title, text) }
            else if parent == .bookDocument { keepFirst(&bookFields.chapterTitle, text) }
        case .vernacularTitle:
            if parent == .article || parent == .bookDocument { keepFirst(&record.vernacularTitle, text) }
        case .startPage:
            if parent == .pagination { keepFirst(&paginationFields.startPage, text) }
        case .endPage:
            if parent == .pagination { keepFirst(&paginationFields.endPage, text) }
        case .medlinePgn:
            if parent == .pagination { keepFirst(&paginationFields.medlinePgn, text) }
        case .eLocationID:
            if let value = trimmedOrNil(text) {
                record.eLocationIDs.append(ELocationID(type: firstAttribute ?? "", value: value, valid: flag))
            }
        case .abstractText:
            let section = AbstractSection(label: firstAttribute, category: secondAttribute, text: text)
            if parent == .abstract { record.abstract.append(section) }
            else if parent == .otherAbstract { otherAbstract.sections.append(section) }
        case .copyrightInformation:
            if parent == .abstract { keepFirst(&record.abstractCopyright, text) }
            else if parent == .otherAbstract { keepFirst(&otherAbstract.copyright, text) }
        case .language:
            if let value = trimmedOrNil(text) { record.languages.append(value) }
        case .lastName:
            keepFirst(&author.lastName, text)
        case .foreName:
            keepFirst(&author.foreName, text)
        case .initials:
            keepFirst(&author.initials, text)
        case .suffix:
            keepFirst(&author.suffix, text)
        case .collectiveName:
            keepFirst(&author.collectiveName, text)
        case .identifier:
            guard let value = trimmedOrNil(text) else { return }
            let source = firstAttribute ?? ""
            if parent == .affiliationInfo {
                author.affiliationIdentifiers.append(Identifier(source: source, value: value))
            } else if source.uppercased() == "ORCID", author.orcid == nil, let orcid = ORCID.normalized(value) {
                author.orcid = orcid
            } else {
                author.identifiers.append(Identifier(source: source, value: value))
            }
        case .affiliation:
            if parent == .article { keepFirst(&record.articleAffiliation, text) }
            else if let value = nonBlank(text) { author.affiliations.append(value) }
        case .dataBankName:
            dataBank.name = text
        case .accessionNumber:
            if let value = trimmedOrNil(text) { dataBank.accessionNumbers.append(value) }
        case .grantID:
            keepFirst(&grant.grantID, text)
        case .acronym:
            keepFirst(&grant.acronym, text)
        case .agency:
            keepFirst(&grant.agency, text)
        case .country:
            if parent == .grant { keepFirst(&grant.country, text) }
            else if parent == .medlineJournalInfo { journalInfo { keepFirst(&$0.country, text) } }
        case .publicationType:
            if let value = nonBlank(text) { record.publicationTypes.append(PublicationType(name: value, ui: firstAttribute)) }
        case .medlineTA:
            journalInfo { keepFirst(&$0.medlineTA, text) }
        case .nlmUniqueID:
            journalInfo { keepFirst(&$0.nlmUniqueID, text) }
        case .issnLinking:
            journalInfo { keepFirst(&$0.issnLinking, text) }
        case .registryNumber:
            keepFirst(&chemical.registryNumber, text)
        case .nameOfSubstance:
            chemical.name = text
            chemical.ui = firstAttribute
        case .supplMeshName:
            record.supplementaryConcepts.append(SupplementaryConcept(name: text, ui: firstAttribute, type: secondAttribute))
        case .citationSubset:
            if let value = trimmedOrNil(text) { record.citationSubsets.append(value) }
        case .refSource:
            keepFirst(&comment.refSource, text)
        case .note:
            if parent == .commentsCorrections { keepFirst(&comment.note, text) }
        case .geneSymbol:
            if let value = nonBlank(text) { record.geneSymbols.append(value) }
        case .descriptorName:
            mesh.descriptor = text
            mesh.ui = firstAttribute
            mesh.type = secondAttribute
            mesh.major = flag
        case .qualifierName:
            mesh.qualifiers.append(MeshQualifier(name: text, ui: firstAttribute, major: flag))
        case .numberOfReferences:
            let trimmed = text.trimmingWhitespace()
            if let number = Int(trimmed) { keepFirst(&record.numberOfReferences, number) }
            else if !trimmed.isEmpty { issues.append("NumberOfReferences \"\(text)\" is not a number") }
        case .otherID:
            if let value = nonBlank(text) { record.otherIDs.append(OtherID(source: firstAttribute, value: value)) }
        case .keyword:
            if let value = nonBlank(text) { record.keywords.append(Keyword(text: value, major: flag, owner: keywordOwner)) }
        case .coiStatement:
            keepFirst(&record.coiStatement, text)
        case .spaceFlightMission:
            if let value = nonBlank(text) { record.spaceFlightMissions.append(value) }
        case .generalNote:
            if let value = nonBlank(text) { record.generalNotes.append(value) }
        case .publicationStatus:
            keepFirst(&record.publicationStatus, text)
        case .articleId:
            guard let value = trimmedOrNil(text) else { return }
            let id = ArticleID(type: firstAttribute ?? "", value: value)
            switch grandparent {
            case .reference: reference.articleIDs.append(id)
            case .pubmedData, .pubmedBookData, .bookDocument: record.articleIDs.append(id)
            default: break
            }
        case .citation:
            if parent == .reference { keepFirst(&reference.citation, text) }
        case .publisherName:
            keepFirst(&bookFields.publisherName, text)
        case .publisherLocation:
            keepFirst(&bookFields.publisherLocation, text)
        case .bookTitle:
            if parent == .book { keepFirst(&bookFields.bookTitle, text) }
        case .volumeTitle:
            if parent == .book { keepFirst(&bookFields.volumeTitle, text) }
        case .edition:
            keepFirst(&bookFields.edition, text)
        case .collectionTitle:
            keepFirst(&bookFields.collectionTitle, text)
        case .isbn:
            if let value = trimmedOrNil(text) { bookFields.isbns.append(value) }
        case .medium:
            keepFirst(&bookFields.medium, text)
        case .reportNumber:
            keepFirst(&bookFields.reportNumber, text)
        case .locationLabel:
            if parent == .bookDocument, let value = nonBlank(text) {
                bookFields.locationLabels.append(Identifier(source: firstAttribute ?? "", value: value))
            }
        case .sectionTitle:
            if let value = nonBlank(text) { bookFields.sections.append(value) }
        case .citationString:
            keepFirst(&bookFields.citationString, text)
        default:
            break
        }
    }

    private mutating func closeDatePart(_ element: ElementName, parent: ElementName, text: String) {
        let trimmed = text.trimmingWhitespace()
        switch parent {
        case .pubDate:
            switch element {
            case .year:
                if let year = Int(trimmed) { pubDate.year = year }
                else { issues.append("publication year \"\(text)\" is not a number") }
            case .month:
                guard !trimmed.isEmpty else { return }
                pubDate.month = trimmed
                if pubDate.monthNumber == nil { issues.append("unknown publication month \"\(text)\"") }
            case .day:
                if !trimmed.isEmpty { pubDate.day = trimmed }
            default:
                break
            }
        case .dateCreated, .dateCompleted, .dateRevised, .contributionDate, .beginningDate, .endingDate:
            let number = Int(trimmed)
            switch element {
            case .year:
                partialDate.year = number
                if number == nil { issues.append("year \"\(text)\" is not a number") }
            case .month:
                partialDate.month = number ?? PubDate.monthNumber(forName: trimmed)
                if partialDate.month == nil, !trimmed.isEmpty { issues.append("unknown month \"\(text)\"") }
            case .day:
                partialDate.day = number
            default:
                break
            }
        case .articleDate, .pubMedPubDate:
            let number = Int(trimmed)
            switch element {
            case .year: dated.year = number
            case .month: dated.month = number ?? PubDate.monthNumber(forName: trimmed)
            case .day: dated.day = number
            case .hour: dated.hour = number
            case .minute: dated.minute = number
            default: break
            }
        default:
            break
        }
    }

    // MARK: Finishing

    /// Completes the record, or returns `nil` (with an issue) when it has no usable PMID.
    ///
    /// The record is moved out (swapped with a fresh one), not copied.
    mutating func finish(originalXML: String, sourceLine: Int?) -> PubMedRecord? {
        var finished = PubMedRecord(pmid: PMID(0))
        swap(&finished, &record)
        guard let pmid else {
            issues.append("record has no valid PMID; skipped")
            return nil
        }
        finished.pmid = pmid
        finished.originalXML = originalXML
        finished.sourceLine = sourceLine
        if let book = finished.book {
            if finished.title == nil { finished.title = book.chapterTitle ?? book.bookTitle }
            if finished.authors.isEmpty { finished.authors = book.authors }
            if finished.status == nil { finished.status = finished.publicationStatus }
        }
        if finished.title == nil {
            issues.append("record has no title")
        }
        return finished
    }

    // MARK: Helpers

    /// `record.book`, created on first use (never force-unwrapped: input is hostile).
    private var bookFields: Book {
        get { record.book ?? Book() }
        set { record.book = newValue }
    }

    /// `record.journal`, created on first use.
    private var journalFields: Journal {
        get { record.journal ?? Journal() }
        set { record.journal = newValue }
    }

    /// `record.pagination`, created on first use.
    private var paginationFields: Pagination {
        get { record.pagination ?? Pagination() }
        set { record.pagination = newValue }
    }

    private mutating func journalInfo(_ update: (inout MedlineJournalInfo) -> Void) {
        var info = record.journalInfo ?? MedlineJournalInfo()
        update(&info)
        record.journalInfo = info
    }

    /// A PMID from its text, read as bytes (`PMID.init?(_:)` goes through Foundation,
    /// which is slow on this hot path); `nil` unless it is a positive decimal integer.
    static func pmid(_ text: String) -> PMID? {
        var value: Int64 = 0
        var digits = 0
        var trailingSpace = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard !trailingSpace, digits < 18 else { return nil }
                value = value * 10 + Int64(byte - UInt8(ascii: "0"))
                digits += 1
            case 0x20, 0x09, 0x0A, 0x0D:
                if digits > 0 { trailingSpace = true }
            default:
                return nil
            }
        }
        return value > 0 ? PMID(value) : nil
    }

    /// The first four-digit number in `text` that looks like a year ("1998 Dec-1999 Jan" → 1998).
    static func firstYear(in text: String) -> Int? {
        var digits = 0
        var value = 0
        for byte in text.utf8 {
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                digits += 1
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            } else {
                if digits == 4 { return value }
                digits = 0
                value = 0
            }
        }
        return digits == 4 ? value : nil
    }
}

/// Sets `field` to `text` unless it already has a value or `text` is blank.
@inline(__always)
private func keepFirst(_ field: inout String?, _ text: String) {
    if field == nil, let value = nonBlank(text) { field = value }
}

/// Sets `field` to `value` unless it already has one.
@inline(__always)
private func keepFirst<Value>(_ field: inout Value?, _ value: Value) {
    if field == nil { field = value }
}

/// `text` as is, or `nil` when it is empty or only white space.
@inline(__always)
private func nonBlank(_ text: String) -> String? {
    for byte in text.utf8 where !(byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D) {
        return text
    }
    return nil
}

/// `text` without surrounding white space, or `nil` when nothing is left.
@inline(__always)
private func trimmedOrNil(_ text: String) -> String? {
    let trimmed = text.trimmingWhitespace()
    return trimmed.isEmpty ? nil : trimmed
}

extension String {
    /// The string without leading and trailing ASCII white space.
    func trimmingWhitespace() -> String {
        let bytes = utf8
        guard let first = bytes.firstIndex(where: { !($0 == 0x20 || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D) }) else { return "" }
        let last = bytes.lastIndex(where: { !($0 == 0x20 || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D) })!
        if first == bytes.startIndex && last == bytes.index(before: bytes.endIndex) { return self }
        return String(self[first...last])
    }
}
