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
            String(format: "%04d-%02d-%02d", year, month ?? 1, month == nil ? 1 : (day ?? 1))
        }
        pages = record.pagination.flatMap(ArticleRow.expandedPages(of:))
        doi = record.doi?.value
        pmcid = record.pmcid
        let displayed = record.authors.map(\.displayName).filter { !$0.isEmpty }
        firstAuthor = displayed.first
        lastAuthor = displayed.count > 1 ? displayed.last : nil
        authorSearchNames = record.authors.map(ArticleRow.searchName(of:))
        xmlBytes = record.originalXML.utf8.count
        compressedXML = try RecordCompression.compress(record.originalXML)
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

    /// The page ranges with end pages in full (`148-52` → `148-152`), from `MedlinePgn`
    /// or else `StartPage`-`EndPage`.
    static func expandedPages(of pagination: Pagination) -> String? {
        if let text = pagination.medlinePgn?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            return text.split(separator: ",", omittingEmptySubsequences: false)
                .map { expandRange($0.trimmingCharacters(in: .whitespaces)) }
                .joined(separator: ", ")
        }
        guard let start = pagination.startPage?.trimmingCharacters(in: .whitespaces), !start.isEmpty else { return nil }
        if let end = pagination.endPage?.trimmingCharacters(in: .whitespaces), !end.isEmpty, end != start {
            return expandRange("\(start)-\(end)")
        }
        return start
    }

    private static func expandRange(_ range: String) -> String {
        let parts = range.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return range }
        func split(_ page: Substring) -> (String, String, String) {
            let prefix = page.prefix { !($0.isASCII && $0.isNumber) }
            let rest = page.dropFirst(prefix.count)
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            return (String(prefix), String(digits), String(rest.dropFirst(digits.count)))
        }
        let (startPrefix, startDigits, startSuffix) = split(parts[0])
        let (endPrefix, endDigits, endSuffix) = split(parts[1])
        guard !startDigits.isEmpty, !endDigits.isEmpty, startSuffix.isEmpty, endSuffix.isEmpty,
              endPrefix.isEmpty || endPrefix == startPrefix else { return range }
        var fullEnd = endDigits
        if endDigits.count < startDigits.count {
            fullEnd = String(startDigits.prefix(startDigits.count - endDigits.count)) + endDigits
        }
        return "\(startPrefix)\(startDigits)-\(startPrefix)\(fullEnd)"
    }
}
