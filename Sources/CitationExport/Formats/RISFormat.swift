import PubMed

/// RIS, the tagged format EndNote, Zotero, Mendeley and RefWorks import.
///
/// Each line is `TG  - value`. Lines end in CR LF, as the RIS specification (Research
/// Information Systems, 2011) requires; importers accept LF too, but CR LF is the form every
/// one of them accepts. No byte-order mark. Values are single lines: line breaks inside a
/// field become spaces. Records are `TY  - JOUR` (journal article), `BOOK` (a whole book) or
/// `CHAP` (a chapter of a book), ending with `ER  - `.
public enum RISFormat {
    /// The line terminator.
    public static let lineEnding = "\r\n"

    /// Renders the distinct records of `items`.
    public static func render(_ items: [ExportItem]) -> String {
        render(ExportCollection(items, withKeys: false))
    }

    /// Renders the distinct records of a collection.
    static func render(_ collection: ExportCollection) -> String {
        let records = collection.records
        return ParallelRendering.render(count: records.count, bytesPerElement: 2_000) { index, output in
            append(records[index], abstract: collection.abstract(index), terms: collection.subjectTerms(index), to: &output)
        }
    }

    /// The RIS reference type of a record.
    public static func referenceType(of record: PubMedRecord) -> String {
        if record.kind == .book { return record.isBookChapter ? "CHAP" : "BOOK" }
        return "JOUR"
    }

    static func append(_ record: PubMedRecord, abstract: String?, terms: [String], to output: inout String) {
        func line(_ tag: String, _ value: String?) {
            guard let value = value?.collapsingWhitespace, !value.isEmpty else { return }
            output += tag
            output += "  - "
            output += value
            output += lineEnding
        }
        let type = referenceType(of: record)
        line("TY", type)
        for author in record.authors {
            line("AU", risName(author))
        }
        if let book = record.book {
            for editor in book.editors { line("A2", risName(editor)) }
        }
        line("TI", record.citationTitle)
        // RIS has no vernacular-title tag; OP (original publication) carries the original-language title.
        line("OP", record.vernacularTitle)
        switch type {
        case "JOUR":
            line("T2", record.journalTitle)
            line("JO", record.journalTitle)
            line("JA", record.journalAbbreviation)
            line("VL", record.journal?.volume)
            line("IS", record.journal?.issue)
        case "CHAP":
            line("T2", record.book?.bookTitle)
        default:
            break
        }
        if let book = record.book {
            line("T3", book.collectionTitle)
            line("ET", book.edition)
            if record.kind == .book { line("VL", book.volume) }
            line("PB", book.publisherName)
            line("CY", book.publisherLocation)
        }
        if let year = record.year { line("PY", String(year)) }
        line("DA", risDate(record))
        let pages = PageRange.ranges(of: record)
        if let first = pages.first {
            line("SP", first.first)
            line("EP", pages.last?.last ?? (pages.count > 1 ? pages.last?.first : nil))
        }
        line("SN", record.citationISSN)
        for isbn in record.isbns { line("SN", isbn) }
        line("AN", record.pmid.description)
        line("DO", record.doi?.value)
        line("C2", record.pmcid)
        line("AB", abstract)
        for term in terms { line("KW", term) }
        for language in record.languages { line("LA", language) }
        line("DB", "PubMed")
        line("UR", record.pubMedURL)
        output += "ER  - " + lineEnding
    }

    /// `Last, First`, `Last, First, Jr` or the collective name.
    static func risName(_ author: Author) -> String? {
        if author.isCollective { return author.collectiveName }
        guard let last = author.lastName?.nilIfEmpty else { return author.collectiveName }
        var name = last
        if let fore = author.foreName?.nilIfEmpty ?? author.citationInitials { name += ", " + fore }
        if let suffix = author.suffix?.nilIfEmpty { name += ", " + suffix }
        return name
    }

    /// `YYYY/MM/DD/` with what the date gives, or `YYYY///text` for a MEDLINE date.
    static func risDate(_ record: PubMedRecord) -> String? {
        guard let year = record.year else { return nil }
        if let medlineDate = record.pubDate?.medlineDate {
            return "\(year)///\(medlineDate)"
        }
        var text = String(year) + "/"
        if let month = record.citationMonth {
            text += twoDigits(month)
            text += "/"
            if let day = record.citationDay { text += twoDigits(day) }
        } else {
            text += "/"
        }
        text += "/"
        if let season = record.pubDate?.season { text += season }
        return text
    }
}

/// `7` → `07`.
func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
