import Foundation
import PubMed

/// A record made ready for the `article` table: the denormalised search columns, the
/// derived dates and ids, and the compressed original XML.
///
/// Building a row does all the CPU work of storing a record (folding, joining,
/// compressing), so the ingester can build rows on the parsing thread and leave the
/// writing thread only SQLite calls. This is the "stored article" stage between a
/// parsed record and an indexed one.
struct ArticleRow {
    var record: PubMedRecord
    var abstract: String?
    var meshTerms: String?
    var keywordTerms: String?
    var authorNames: String?
    var pubMonth: Int?
    var pubDay: Int?
    var sortDate: String?
    var pages: String?
    var doi: String?
    var pmcid: String?
    var firstAuthor: String?
    var lastAuthor: String?
    var authorSearchNames: [String]
    /// Folded descriptors, one per MeSH heading.
    var meshSearchDescriptors: [String]
    var compressedXML: Data
    /// Uncompressed size of the original XML, in bytes (for progress).
    var xmlBytes: Int

    init(_ record: PubMedRecord) throws {
        self.record = record
        abstract = record.abstractText
        meshTerms = ArticleRow.joined(record.mesh.flatMap { heading in
            [heading.descriptor] + heading.qualifiers.map { "\(heading.descriptor)/\($0.name)" }
        })
        keywordTerms = ArticleRow.joined(record.keywords.map(\.text))
        authorNames = ArticleRow.joined(record.authors.map(\.displayName).filter { !$0.isEmpty })
        let month = record.pubDate?.monthNumber ?? record.pubDate?.medlineDate.flatMap(ArticleRow.firstMonth(in:))
        let day = record.pubDate?.day.flatMap { Int($0) }.flatMap { (1...31).contains($0) ? $0 : nil }
        pubMonth = month
        pubDay = day
        sortDate = record.year.map { year in
            ArticleRow.isoDate(year: year, month: month ?? 1, day: month == nil ? 1 : (day ?? 1))
        }
        pages = record.pagination?.expandedPages
        doi = record.doi?.value
        pmcid = record.pmcid
        let displayed = record.authors.map(\.displayName).filter { !$0.isEmpty }
        firstAuthor = displayed.first
        lastAuthor = displayed.count > 1 ? displayed.last : nil
        authorSearchNames = record.authors.map(ArticleRow.searchName(of:))
        meshSearchDescriptors = record.mesh.map { TextFolding.fold($0.descriptor) }
        xmlBytes = record.originalXML.utf8.count
        compressedXML = try RecordCompression.compress(record.originalXML, level: 1)
    }

    /// `YYYY-MM-DD`, or `YYYY-MM` / `YYYY` when `day` / `month` are nil; without `String(format:)`,
    /// which costs more than the rest of the row on a bulk ingest.
    static func isoDate(year: Int, month: Int?, day: Int?) -> String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
        }
        var text = pad(year, 4)
        if let month {
            text += "-" + pad(month, 2)
            if let day { text += "-" + pad(day, 2) }
        }
        return text
    }

    /// The folded, lower-case `last initials` of a person, or the folded collective name.
    static func searchName(of author: Author) -> String {
        if let collective = author.collectiveName, author.lastName == nil {
            return TextFolding.fold(collective)
        }
        let name = [author.lastName, author.initials].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
        return TextFolding.fold(name.isEmpty ? (author.collectiveName ?? "") : name)
    }

    private static func joined(_ parts: [String]) -> String? {
        parts.isEmpty ? nil : parts.joined(separator: "; ")
    }

    /// The first month name after a year in a MedlineDate such as `1998 Dec-1999 Jan`.
    private static func firstMonth(in medlineDate: String) -> Int? {
        for word in medlineDate.split(whereSeparator: { !$0.isLetter }) {
            if let month = PubDate.monthNumber(forName: String(word)) { return month }
        }
        return nil
    }
}
