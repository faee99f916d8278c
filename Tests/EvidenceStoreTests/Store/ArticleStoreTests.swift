import Foundation
import Testing
import EvidenceTestSupport
import PubMed
@testable import EvidenceStore

@Suite("ArticleStore")
struct ArticleStoreTests {
    @Test("opening creates the parent folders and a migrated database")
    func createsIndex() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("a/b/c/evidence.sqlite")
        let store = try ArticleStore(path: path)
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(try Migrations.appliedNames(store.database) == Migrations.all.map(\.name))
    }

    @Test("opening a missing index without create fails with a hint")
    func missingIndex() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let error = try #require(throws: ArticleStoreError.self) { try ArticleStore(path: directory.path("none.sqlite"), create: false) }
        #expect(error.description.contains("evidence ingest"))
    }

    @Test("a higher version replaces, an equal version written later replaces, a lower version is skipped")
    func versionRules() throws {
        let (store, directory) = try Fixture.store()
        defer { directory.remove() }
        #expect(try store.store(Fixture.record(1, version: 2, title: "v2")) == .inserted)
        #expect(try store.store(Fixture.record(1, version: 1, title: "v1")) == .skippedOlder)
        #expect(try store.database.scalarString("SELECT title FROM article WHERE pmid = 1") == "v2")
        #expect(try store.store(Fixture.record(1, version: 2, title: "v2 again")) == .replaced)
        #expect(try store.database.scalarString("SELECT title FROM article WHERE pmid = 1") == "v2 again")
        #expect(try store.store(Fixture.record(1, version: 3, title: "v3")) == .replaced)
        #expect(try store.version(of: PMID(1)) == 3)
        #expect(try store.articleCount() == 1)
    }

    @Test("replacing a record replaces its rows in every table and in the FTS index")
    func replaceEverywhere() throws {
        let (store, directory) = try Fixture.store()
        defer { directory.remove() }
        let first = Fixture.record(7, title: "Ketamine infusion", authors: [Author(lastName: "Østergaard", initials: "SD")],
                                   mesh: [MeshHeading(descriptor: "Ketamine", qualifiers: [MeshQualifier(name: "therapeutic use")])])
        try store.store(first)
        let second = Fixture.record(7, version: 2, title: "Esketamine spray", authors: [Author(lastName: "Müller", initials: "J")])
        try store.store(second)
        let db = store.database
        #expect(try db.query("SELECT search_name FROM author WHERE pmid = 7") { $0.string(0) } == ["muller j"])
        #expect(try db.scalarInt("SELECT count(*) FROM mesh_heading WHERE pmid = 7") == 0)
        #expect(try db.scalarInt("SELECT count(*) FROM mesh_qualifier WHERE pmid = 7") == 0)
        #expect(try db.scalarInt("SELECT count(*) FROM article_fts WHERE article_fts MATCH 'ketamine'") == 0)
        #expect(try db.scalarInt("SELECT rowid FROM article_fts WHERE article_fts MATCH 'esketamine'") == 7)
        #expect(try db.scalarInt("SELECT rowid FROM article_fts WHERE article_fts MATCH 'author_names:muller'") == 7)
        #expect(try db.query("PRAGMA integrity_check") { $0.string(0) } == ["ok"])
        try db.execute("INSERT INTO article_fts(article_fts, rank) VALUES ('integrity-check', 1)")
    }

    @Test("delete removes the record from every table and the FTS index and records the deletion")
    func delete() throws {
        let (store, directory) = try Fixture.store()
        defer { directory.remove() }
        try store.store(Fixture.record(5, title: "Ketamine", authors: [Author(lastName: "Smith", initials: "J", affiliations: ["Oslo"])],
                                       mesh: [MeshHeading(descriptor: "Ketamine", qualifiers: [MeshQualifier(name: "adverse effects")])]))
        try store.store(Fixture.record(6, title: "Other"))
        #expect(try store.delete([PMID(5), PMID(12345)]) == 1)
        for table in ["article", "author", "mesh_heading", "mesh_qualifier"] {
            #expect(try store.database.scalarInt("SELECT count(*) FROM \(table) WHERE pmid = 5") == 0, "\(table)")
        }
        #expect(try store.database.scalarInt("SELECT count(*) FROM article_fts WHERE article_fts MATCH 'ketamine'") == 0)
        #expect(try store.deletedPMIDs() == [PMID(5), PMID(12345)])
        #expect(try store.pmids() == [PMID(6)])
        try store.database.execute("INSERT INTO article_fts(article_fts, rank) VALUES ('integrity-check', 1)")
        // A record written after its deletion comes back and clears the deletion.
        try store.store(Fixture.record(5, title: "Back"))
        #expect(try store.deletedPMIDs() == [PMID(12345)])
    }

    @Test("the original XML is stored compressed and read back exactly")
    func originalXML() throws {
        let (store, directory) = try Fixture.store()
        defer { directory.remove() }
        let record = Fixture.record(42, title: "P&lt;0.001 in Østergaard’s trial")
        try store.store(record)
        #expect(try store.originalXML(PMID(42)) == record.originalXML)
        let blob = try #require(try store.database.queryFirst("SELECT original_xml FROM article") { $0.data(0) } ?? nil)
        #expect(blob.first == 0x78, "a zlib stream")
        #expect(try store.originalXML(PMID(43)) == nil)
        #expect(try store.record(PMID(43)) == nil)
    }

    @Test("affiliations, which have no table, come back from the stored original XML")
    func affiliationsFromOriginal() throws {
        let (store, directory) = try Fixture.store()
        defer { directory.remove() }
        let xml = """
            <PubmedArticle><MedlineCitation Status="MEDLINE" Owner="NLM"><PMID Version="1">77</PMID>
            <Article PubModel="Print"><ArticleTitle>Ketamine</ArticleTitle><AuthorList CompleteYN="Y">
            <Author ValidYN="Y"><LastName>Østergaard</LastName><Initials>S</Initials>
            <AffiliationInfo><Affiliation>Aarhus University, Denmark.</Affiliation></AffiliationInfo>
            <AffiliationInfo><Affiliation>Oslo University Hospital.</Affiliation></AffiliationInfo></Author>
            </AuthorList></Article></MedlineCitation></PubmedArticle>
            """
        let record = try #require(try PubMedParser().records(fromXML: xml).first)
        try store.store(record)
        #expect(try store.database.scalarInt("SELECT count(*) FROM sqlite_master WHERE name = 'affiliation'") == 0)
        #expect(try store.record(PMID(77))?.authors.first?.affiliations == ["Aarhus University, Denmark.", "Oslo University Hospital."])
        #expect(try store.originalXML(PMID(77)) == record.originalXML)
    }

    @Test("a record read back is re-parsed from the stored original")
    func recordReadBack() throws {
        let (store, directory) = try Fixture.store()
        defer { directory.remove() }
        try store.store(Fixture.record(42, version: 3, title: "Stored title"))
        let record = try #require(try store.record(PMID(42)))
        #expect(record.pmid == PMID(42))
        #expect(record.version == 3)
        #expect(record.title == "Stored title")
    }

    @Test("derived columns: folded author names, MeSH terms, sort date, pages, ids")
    func derivedColumns() throws {
        let (store, directory) = try Fixture.store()
        defer { directory.remove() }
        var record = Fixture.record(9, authors: [
            Author(lastName: "Østergaard", initials: "SD"), Author(collectiveName: "The ŁÓDŹ Study Group"), Author(lastName: "Straße", initials: "A"),
        ], mesh: [MeshHeading(descriptor: "Depression", major: false, qualifiers: [MeshQualifier(name: "drug therapy", major: true)])])
        record.pubDate = PubDate(year: 1998, medlineDate: "1998 Dec-1999 Jan")
        record.pagination = Pagination(medlinePgn: "148-52")
        record.articleIDs = [ArticleID(type: "doi", value: "10.1/x"), ArticleID(type: "pmc", value: "PMC123")]
        record.commentsCorrections = [CommentCorrection(type: "RetractionIn", pmid: PMID(10))]
        try store.store(record)
        let db = store.database
        #expect(try db.query("SELECT search_name FROM author WHERE pmid = 9 ORDER BY position") { $0.string(0) }
                == ["ostergaard sd", "the lodz study group", "strasse a"])
        #expect(try db.scalarString("SELECT mesh_terms FROM article") == "Depression; Depression/drug therapy")
        #expect(try db.scalarInt("SELECT major_topic FROM mesh_heading") == 1)
        #expect(try db.scalarString("SELECT sort_date FROM article") == "1998-12-01")
        #expect(try db.scalarString("SELECT pub_date FROM article") == "1998 Dec-1999 Jan")
        #expect(try db.scalarString("SELECT pages FROM article") == "148-152")
        #expect(try db.scalarString("SELECT doi FROM article") == "10.1/x")
        #expect(try db.scalarString("SELECT pmcid FROM article") == "PMC123")
        #expect(try db.scalarInt("SELECT is_retracted FROM article") == 1)
        #expect(try db.scalarString("SELECT first_author FROM article") == "Østergaard SD")
        #expect(try db.scalarString("SELECT last_author FROM article") == "Straße A")
        #expect(try db.scalarInt("SELECT ref_pmid FROM comment_correction") == 10)
        #expect(try db.scalarInt("SELECT rowid FROM article_fts WHERE article_fts MATCH 'author_names:ostergaard'") == 9)
        #expect(try db.scalarInt("SELECT rowid FROM article_fts WHERE article_fts MATCH 'mesh_terms:\"drug therapy\"'") == 9)
    }

    @Test("statistics count articles, books and deletions")
    func statistics() throws {
        let (store, directory) = try Fixture.store()
        defer { directory.remove() }
        try store.store(Fixture.record(1, abstract: "text"))
        var book = Fixture.record(2)
        book.kind = .book
        try store.store(book)
        try store.delete([PMID(3)])
        let statistics = try store.statistics()
        #expect(statistics.articles == 2)
        #expect(statistics.books == 1)
        #expect(statistics.withAbstract == 1)
        #expect(statistics.deleted == 1)
        #expect(statistics.files.isEmpty)
        #expect(statistics.schemaVersion == Migrations.currentVersion)
    }
}
