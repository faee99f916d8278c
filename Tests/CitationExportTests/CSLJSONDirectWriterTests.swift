import Foundation
import Testing
import PubMed
@testable import CitationExport

/// The CSL-JSON files are written item by item without a `JSONValue` tree; the text must be the
/// tree's, byte for byte.
struct CSLJSONDirectWriterTests {
    static func viaTree(_ record: PubMedRecord, id: String) -> String {
        var output = ""
        CSLJSONFormat.referenceItem(record, id: id).write(to: &output, indent: 2)
        return output
    }

    static func direct(_ record: PubMedRecord, id: String) -> String {
        var output = ""
        CSLJSONFormat.appendItem(record, id: id, abstract: record.abstractOneLine, terms: record.subjectTerms, to: &output)
        return output
    }

    @Test("appendItem writes what item(_:id:) serialises to, for every fixture record")
    func sameAsTree() {
        for record in ExportFixtures.all {
            #expect(Self.direct(record, id: "key") == Self.viaTree(record, id: "key"), "\(record.pmid)")
        }
    }

    @Test("edge cases: no names, nameless authors, editors, seasons, MEDLINE date ranges, escapes")
    func edgeCases() {
        var bare = PubMedRecord(pmid: PMID(1))
        #expect(Self.direct(bare, id: "a") == Self.viaTree(bare, id: "a"))
        var nameless = Author()
        nameless.foreName = "Only"
        bare.authors = [nameless]
        #expect(Self.direct(bare, id: "a") == Self.viaTree(bare, id: "a"))
        var family = Author()
        family.lastName = "Ø\"st\\er"
        family.suffix = "Jr"
        family.initials = "AB"
        var group = Author()
        group.collectiveName = "  The  Study\nGroup "
        bare.authors = [nameless, family, group, nameless]
        bare.title = "Line\u{2028}separated\ttitle \u{1}"
        var pubDate = PubDate()
        pubDate.year = 2001
        pubDate.season = "Winter"
        bare.pubDate = pubDate
        #expect(Self.direct(bare, id: "a") == Self.viaTree(bare, id: "a"))
        pubDate.medlineDate = "1998 Dec-1999 Jan"
        bare.pubDate = pubDate
        #expect(Self.direct(bare, id: "a") == Self.viaTree(bare, id: "a"))
        bare.kind = .book
        var book = Book()
        book.editors = [family, nameless]
        book.publisherName = "Press"
        bare.book = book
        #expect(Self.direct(bare, id: "a") == Self.viaTree(bare, id: "a"))
    }
}

/// JSON strings are escaped in runs of bytes; the text must be what escaping each scalar gives.
struct JSONStringEscapingTests {
    /// The plain definition: escape scalar by scalar.
    static func reference(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{2028}": output += "\\u2028"
            case "\u{2029}": output += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output + "\""
    }

    @Test("writeString matches scalar-by-scalar escaping")
    func matchesReference() {
        let pieces = ["a", "Zürich", "e\u{301}", "\"", "\\", "\n", "\r\n", "\t", "\u{1}", "\u{1F}", "\u{0}", "\u{7F}",
                      "\u{2028}", "\u{2029}", "\u{2027}", "\u{202A}", "–", "≥ 5", "\u{2080}", "😀", "漢字", " ", "/"]
        var texts = pieces
        for first in pieces {
            for second in pieces { texts.append(first + second + first) }
        }
        for text in texts {
            var output = ""
            JSONValue.writeString(text, to: &output)
            #expect(output == Self.reference(text), "\(Array(text.unicodeScalars))")
        }
    }
}

/// The tree-built reference the CSL-JSON writer replaced, kept as the test oracle.
extension CSLJSONFormat {
    /// One CSL item built as a `JSONValue` tree: the plain definition the direct writer must match.
    static func referenceItem(_ record: PubMedRecord, id: String) -> JSONValue {
        var members: [(String, JSONValue)] = []
        func add(_ key: String, _ value: String?) {
            if let value = value?.collapsingWhitespace, !value.isEmpty { members.append((key, .string(value))) }
        }
        let type = itemType(of: record)
        add("id", id)
        add("type", type)
        add("title", record.citationTitle)
        add("original-title", record.vernacularTitle)
        if !record.authors.isEmpty { members.append(("author", .array(record.authors.compactMap(referenceName)))) }
        if let editors = record.book?.editors, !editors.isEmpty {
            members.append(("editor", .array(editors.compactMap(referenceName))))
        }
        if let issued = referenceIssued(record) { members.append(("issued", issued)) }
        switch type {
        case "article-journal":
            add("container-title", record.journalTitle)
            add("container-title-short", record.journalAbbreviation)
            add("volume", record.journal?.volume)
            add("issue", record.journal?.issue)
        case "chapter":
            add("container-title", record.book?.bookTitle)
        default:
            break
        }
        if let book = record.book {
            add("collection-title", book.collectionTitle)
            add("edition", book.edition)
            if type != "article-journal" { add("volume", book.volume) }
            add("publisher", book.publisherName)
            add("publisher-place", book.publisherLocation)
            add("ISBN", book.isbns.first)
        }
        add("page", PageRange.ranges(of: record).formatted(separator: "-"))
        add("ISSN", record.citationISSN)
        add("PMID", record.pmid.description)
        add("PMCID", record.pmcid)
        add("DOI", record.doi?.value)
        add("URL", record.pubMedURL)
        add("language", record.languages.first.map(LanguageCode.bcp47))
        let terms = record.subjectTerms
        if !terms.isEmpty { add("keyword", terms.joined(separator: ", ")) }
        add("abstract", record.abstractOneLine)
        return .object(members)
    }

    static func referenceName(_ author: Author) -> JSONValue? {
        if author.isCollective, let group = author.collectiveName {
            return .object([("literal", .string(group.collapsingWhitespace))])
        }
        guard let family = author.lastName?.nilIfEmpty else { return nil }
        var members: [(String, JSONValue)] = [("family", .string(family))]
        if let given = author.foreName?.nilIfEmpty ?? author.citationInitials { members.append(("given", .string(given))) }
        if let suffix = author.suffix?.nilIfEmpty { members.append(("suffix", .string(suffix))) }
        return .object(members)
    }

    /// `{"date-parts": [[2019, 2, 24]]}`, a range for a MEDLINE date, with `season` when given.
    static func referenceIssued(_ record: PubMedRecord) -> JSONValue? {
        if let medlineDate = record.pubDate?.medlineDate, let parts = MedlineDateRange.dateParts(medlineDate) {
            return .object([("date-parts", .array(parts.map { .array($0.map { .int(Int64($0)) }) }))])
        }
        guard let year = record.year else { return nil }
        var parts: [Int] = [year]
        if let month = record.citationMonth {
            parts.append(month)
            if let day = record.citationDay { parts.append(day) }
        }
        var members: [(String, JSONValue)] = [("date-parts", .array([.array(parts.map { .int(Int64($0)) })]))]
        if let season = record.pubDate?.season, let number = seasonNumber(season) {
            members.append(("season", .int(Int64(number))))
        }
        return .object(members)
    }
}
