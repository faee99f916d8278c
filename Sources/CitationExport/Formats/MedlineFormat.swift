import PubMed

/// The MEDLINE/PubMed text format (`.nbib`), as PubMed's "Send to: Citation manager" writes it.
///
/// Each field is a tag left-justified in four columns, `- `, then the value (`PMID- 31166571`,
/// `TI  - …`). Long values wrap at word boundaries so that no line is longer than 87
/// characters (the width of PubMed's own files, e.g. Biopython's `pubmed_result*.txt`),
/// continuing on lines indented with six spaces. Records are separated by a blank line,
/// and the file starts with one, as PubMed's does. Tags come in PubMed's order:
/// PMID OWN STAT DCOM LR IS VI IP DP TI PG LID AB CI FAU AU AUID AD LA GR PT DEP PL TA JT
/// JID RN SB MH OTO OT PMC COIS EDAT MHDA CRDT PHST AID PST SO; books add BTI, CTI, ED, FED, PB, ISBN.
public enum MedlineFormat {
    /// The longest line PubMed writes.
    public static let lineWidth = 87

    /// Renders the distinct records of `items`.
    public static func render(_ items: [ExportItem]) -> String {
        render(ExportCollection(items, withKeys: false))
    }

    /// Renders the distinct records of a collection.
    static func render(_ collection: ExportCollection) -> String {
        let records = collection.records
        return ParallelRendering.render(count: records.count, bytesPerElement: 3_000) { index, output in
            output += "\n"
            append(records[index], abstract: collection.abstract(index), to: &output)
        }
    }

    static func append(_ record: PubMedRecord, abstract: String?, to output: inout String) {
        func field(_ tag: String, _ value: String?) {
            guard let value = value?.collapsingWhitespace, !value.isEmpty else { return }
            appendField(tag: tag, value: value, to: &output)
        }
        field("PMID", record.pmid.description)
        field("OWN", record.owner)
        field("STAT", record.status)
        field("DCOM", compact(record.dateCompleted))
        field("LR", compact(record.dateRevised))
        if let journal = record.journal, let issn = journal.issn {
            field("IS", issn + (journal.issnType.map { " (\($0))" } ?? ""))
        }
        if let linking = record.journalInfo?.issnLinking { field("IS", linking + " (Linking)") }
        for isbn in record.isbns { field("ISBN", isbn) }
        field("VI", record.journal?.volume)
        field("IP", record.journal?.issue)
        field("DP", record.pubDate?.printed ?? record.year.map(String.init))
        if record.kind == .book {
            if record.isBookChapter { field("TI", record.book?.chapterTitle) }
            field("BTI", record.book?.bookTitle)
            field("CTI", record.book?.collectionTitle)
        } else {
            field("TI", record.title)
        }
        field("PG", record.pagination?.medlinePgn ?? PageRange.ranges(of: record).formatted())
        for location in record.eLocationIDs where location.valid {
            field("LID", "\(location.value) [\(location.type)]")
        }
        field("AB", abstract)
        field("CI", record.abstractCopyright)
        for author in record.authors { appendAuthor(author, to: &output) }
        if let book = record.book {
            for editor in book.editors {
                if editor.isCollective {
                    field("CN", editor.collectiveName)
                } else {
                    field("FED", fullName(editor))
                    field("ED", editor.displayName)
                }
            }
        }
        for language in record.languages { field("LA", language) }
        for grant in record.grants {
            let parts = [grant.grantID, grant.acronym, grant.agency, grant.country].map { $0 ?? "" }
            if parts.contains(where: { !$0.isEmpty }) { field("GR", parts.joined(separator: "/")) }
        }
        for type in record.publicationTypes { field("PT", type.name) }
        if let electronic = record.articleDates.first(where: { $0.status.lowercased() == "electronic" }) {
            field("DEP", compact(PartialDate(year: electronic.year, month: electronic.month, day: electronic.day)))
        }
        field("PL", record.journalInfo?.country ?? record.book?.publisherLocation)
        field("PB", record.book?.publisherName)
        field("TT", record.vernacularTitle)
        field("TA", record.journalInfo?.medlineTA)
        field("JT", record.journal?.title)
        field("JID", record.journalInfo?.nlmUniqueID)
        for chemical in record.chemicals {
            field("RN", "\(chemical.registryNumber ?? "0") (\(chemical.name))")
        }
        for subset in record.citationSubsets { field("SB", subset) }
        for heading in record.mesh { field("MH", meshLine(heading)) }
        if let owner = record.keywords.first?.owner { field("OTO", owner) }
        for keyword in record.keywords { field("OT", (keyword.major ? "*" : "") + keyword.text) }
        field("PMC", record.pmcid)
        field("COIS", record.coiStatement)
        field("EDAT", historyStamp(record, status: "pubmed") ?? historyStamp(record, status: "entrez"))
        field("MHDA", historyStamp(record, status: "medline"))
        field("CRDT", historyStamp(record, status: "entrez"))
        for event in record.history {
            guard let stamp = stamp(event) else { continue }
            field("PHST", "\(stamp) [\(event.status)]")
        }
        for id in record.articleIDs where id.type != "pubmed" && id.type != "pmc" {
            field("AID", "\(id.value) [\(id.type)]")
        }
        field("PST", record.publicationStatus)
        field("SO", source(record))
    }

    static func appendAuthor(_ author: Author, to output: inout String) {
        if author.isCollective, let group = author.collectiveName {
            appendField(tag: "CN", value: group.collapsingWhitespace, to: &output)
            return
        }
        if let full = fullName(author) { appendField(tag: "FAU", value: full, to: &output) }
        let short = [author.lastName, author.citationInitials, author.suffix].compactMap { $0?.nilIfEmpty }.joined(separator: " ")
        if !short.isEmpty { appendField(tag: "AU", value: short, to: &output) }
        if let orcid = author.orcid { appendField(tag: "AUID", value: "ORCID: \(orcid)", to: &output) }
        for affiliation in author.affiliations {
            let clean = affiliation.collapsingWhitespace
            if !clean.isEmpty { appendField(tag: "AD", value: clean, to: &output) }
        }
    }

    /// `Daly, Ella J` (with the suffix after the fore name, as PubMed writes it).
    static func fullName(_ author: Author) -> String? {
        guard let last = author.lastName?.nilIfEmpty else { return author.collectiveName }
        var name = last
        if let fore = author.foreName?.nilIfEmpty ?? author.citationInitials { name += ", " + fore }
        if let suffix = author.suffix?.nilIfEmpty { name += " " + suffix }
        return name
    }

    /// `*Depression/drug therapy/*prevention & control`.
    static func meshLine(_ heading: MeshHeading) -> String {
        var line = (heading.major ? "*" : "") + heading.descriptor
        for qualifier in heading.qualifiers {
            line += "/" + (qualifier.major ? "*" : "") + qualifier.name
        }
        return line
    }

    /// `20190605`.
    static func compact(_ date: PartialDate?) -> String? {
        guard let date, let year = date.year else { return nil }
        var text = String(year)
        if let month = date.month {
            text += twoDigits(month)
            if let day = date.day { text += twoDigits(day) }
        }
        return text
    }

    /// `2019/06/06 06:00`.
    static func stamp(_ event: HistoryDate) -> String? {
        guard let year = event.year else { return nil }
        var text = String(year)
        guard let month = event.month else { return text }
        text += "/" + twoDigits(month)
        guard let day = event.day else { return text }
        text += "/" + twoDigits(day)
        text += " " + twoDigits(event.hour ?? 0) + ":" + twoDigits(event.minute ?? 0)
        return text
    }

    static func historyStamp(_ record: PubMedRecord, status: String) -> String? {
        record.history.first { $0.status == status }.flatMap(stamp)
    }

    /// `JAMA Psychiatry. 2019 Sep 1;76(9):893-903. doi: 10.1001/jamapsychiatry.2019.1189. Epub 2019 Jun 5.`
    static func source(_ record: PubMedRecord) -> String? {
        if record.kind == .book {
            var parts: [String] = []
            if let title = record.book?.bookTitle { parts.append(title.hasSuffix(".") ? title : title + ".") }
            var publication = ""
            if let location = record.book?.publisherLocation { publication += location + ": " }
            if let publisher = record.book?.publisherName { publication += publisher }
            if let date = record.pubDate?.printed ?? record.year.map(String.init) {
                publication += (publication.isEmpty ? "" : "; ") + date
            }
            if !publication.isEmpty { parts.append(publication + ".") }
            return parts.isEmpty ? nil : parts.joined(separator: " ")
        }
        var text = (record.journalInfo?.medlineTA ?? record.journalAbbreviation ?? record.journalTitle ?? "") + "."
        var locator = ""
        if let date = record.pubDate?.printed { locator += date }
        if let volume = record.journal?.volume { locator += ";" + volume }
        if let issue = record.journal?.issue { locator += "(\(issue))" }
        if let pages = record.pagination?.medlinePgn ?? PageRange.ranges(of: record).formatted() {
            locator += ":" + pages
        }
        if !locator.isEmpty { text += " " + locator + "." }
        if let doi = record.doi { text += " doi: \(doi.value)." }
        if record.publicationStatus == "aheadofprint" || record.pubModel == "Print-Electronic",
           let electronic = record.articleDates.first(where: { $0.status.lowercased() == "electronic" }),
           let year = electronic.year {
            var epub = "Epub \(year)"
            if let month = electronic.month, (1...12).contains(month) {
                epub += " " + PubDate.monthNames[month - 1]
                if let day = electronic.day { epub += " \(day)" }
            }
            text += " " + epub + "."
        }
        return text
    }
}
