import Foundation
import Testing
import PubMed
@testable import CitationExport

/// The CSL-JSON files are written item by item without a `JSONValue` tree; the text must be the
/// tree's, byte for byte.
struct CSLJSONDirectWriterTests {
    static func viaTree(_ record: PubMedRecord, id: String) -> String {
        var output = ""
        CSLJSONFormat.item(record, id: id).write(to: &output, indent: 2)
        return output
    }

    static func direct(_ record: PubMedRecord, id: String) -> String {
        var output = ""
        CSLJSONFormat.appendItem(record, id: id, to: &output)
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
