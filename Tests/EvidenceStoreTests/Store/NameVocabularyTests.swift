import Foundation
import Testing
import EvidenceTestSupport
import PubMed
@testable import EvidenceStore

@Suite("Name vocabulary (MeSH and publication types)")
struct NameVocabularyTests {
    private static let depression = MeshHeading(descriptor: "Depression", ui: "D003863", major: false,
                                                qualifiers: [MeshQualifier(name: "drug therapy", ui: "Q000188", major: true)])
    private static let ketamine = MeshHeading(descriptor: "Ketamine", ui: "D007649", major: true,
                                              qualifiers: [MeshQualifier(name: "therapeutic use", ui: "Q000627"),
                                                           MeshQualifier(name: "drug therapy", ui: "Q000188")])

    @Test("each descriptor and qualifier is stored once and shared by every article that has it")
    func sharedRows() throws {
        let (store, directory) = try Fixture.store()
        defer { directory.remove() }
        try store.store(Fixture.record(1, mesh: [Self.depression, Self.ketamine]))
        try store.store(Fixture.record(2, mesh: [Self.ketamine]))
        // Same name, another UI (a renamed or different descriptor), and a descriptor without UI.
        try store.store(Fixture.record(3, mesh: [MeshHeading(descriptor: "Depression", ui: "D999999"),
                                                 MeshHeading(descriptor: "Østergaard Scale")]))
        let db = store.database
        #expect(try db.query("SELECT name || ' ' || coalesce(ui, '-') || ' ' || search_name FROM mesh_descriptor ORDER BY id") { $0.string(0) }
                == ["Depression D003863 depression", "Ketamine D007649 ketamine", "Depression D999999 depression",
                    "Østergaard Scale - ostergaard scale"])
        #expect(try db.query("SELECT name FROM mesh_subheading ORDER BY id") { $0.string(0) } == ["drug therapy", "therapeutic use"])
        #expect(try db.scalarInt("SELECT count(*) FROM article_mesh") == 5)
        #expect(try db.scalarInt("SELECT count(*) FROM article_mesh_qualifier") == 5)
    }

    @Test("the mesh_heading and mesh_qualifier views return the rows the tables held")
    func viewsKeepTheColumns() throws {
        let (store, directory) = try Fixture.store()
        defer { directory.remove() }
        try store.store(Fixture.record(1, mesh: [Self.depression, Self.ketamine]))
        let db = store.database
        let headings = try db.query("""
            SELECT pmid, position, descriptor, ui, major, major_topic, search_descriptor FROM mesh_heading ORDER BY pmid, position
            """) { row in
            "\(row.int(0)) \(row.int(1)) \(row.string(2) ?? "") \(row.string(3) ?? "-") \(row.int(4)) \(row.int(5)) \(row.string(6) ?? "")"
        }
        #expect(headings == ["1 0 Depression D003863 0 1 depression", "1 1 Ketamine D007649 1 1 ketamine"])
        let qualifiers = try db.query("""
            SELECT pmid, heading_position, position, name, ui, major FROM mesh_qualifier ORDER BY pmid, heading_position, position
            """) { row in
            "\(row.int(0)) \(row.int(1)) \(row.int(2)) \(row.string(3) ?? "") \(row.string(4) ?? "-") \(row.int(5))"
        }
        #expect(qualifiers == ["1 0 0 drug therapy Q000188 1", "1 1 0 therapeutic use Q000627 0", "1 1 1 drug therapy Q000188 0"])
    }

    @Test("MeSH field tags search through the dictionaries", arguments: [
        ("depression[mh]", [1, 3]),
        ("depress*[mh]", [1, 3]),
        ("ketamine[majr]", [1, 2]),
        ("depression[majr]", [1]),
        ("ostergaard scale[mh]", [3]),
        ("drug therapy[sh]", [1, 2]),
        ("therapeutic use[sh]", [1, 2]),
        ("depression/drug therapy[mh]", [1]),
        ("ketamine/drug therapy[majr]", [1, 2]),
        ("ketamine/therapeutic use[mh]", [1, 2]),
        ("depression/therapeutic use[mh]", []),
        ("lithium[mh]", []),
    ])
    func fieldTags(query: String, expected: [Int]) throws {
        let (store, directory) = try Fixture.store()
        defer { directory.remove() }
        try store.store(Fixture.record(1, mesh: [Self.depression, Self.ketamine]))
        try store.store(Fixture.record(2, mesh: [Self.ketamine]))
        try store.store(Fixture.record(3, mesh: [MeshHeading(descriptor: "Depression", ui: "D999999"),
                                                 MeshHeading(descriptor: "Østergaard Scale")]))
        let searcher = ArticleSearcher(database: store.database)
        // Distinct: a field-only leaf lists an article once per matching heading (as before perf-5).
        let pmids = try searcher.pmids(ArticleSearcher.parse(query), options: SearchOptions(sort: .pmid))
        #expect(Set(pmids.map { Int($0.value) }).sorted() == expected)
    }

    @Test("replacing and deleting records removes their headings and keeps the dictionary")
    func replaceAndDelete() throws {
        let (store, directory) = try Fixture.store()
        defer { directory.remove() }
        try store.store(Fixture.record(1, mesh: [Self.depression, Self.ketamine]))
        try store.store(Fixture.record(1, version: 2, mesh: [Self.ketamine]))
        let db = store.database
        #expect(try db.query("SELECT descriptor FROM mesh_heading WHERE pmid = 1") { $0.string(0) } == ["Ketamine"])
        #expect(try db.scalarInt("SELECT count(*) FROM mesh_qualifier WHERE pmid = 1") == 2)
        #expect(try store.delete([PMID(1)]) == 1)
        #expect(try db.scalarInt("SELECT count(*) FROM article_mesh") == 0)
        #expect(try db.scalarInt("SELECT count(*) FROM article_mesh_qualifier") == 0)
        #expect(try db.scalarInt("SELECT count(*) FROM mesh_descriptor") == 2)
        // A record stored later reuses the ids.
        try store.store(Fixture.record(4, mesh: [Self.depression]))
        #expect(try db.scalarInt("SELECT count(*) FROM mesh_descriptor") == 2)
        #expect(try db.scalarInt("SELECT descriptor_id FROM article_mesh WHERE pmid = 4") == 1)
    }

    @Test("descriptors added by a rolled-back transaction are not remembered by the next writer")
    func rollback() throws {
        let (store, directory) = try Fixture.store()
        defer { directory.remove() }
        let db = store.database
        struct Abort: Error {}
        #expect(throws: Abort.self) {
            try db.transaction {
                try store.store(Fixture.record(1, mesh: [Self.ketamine]))
                throw Abort()
            }
        }
        #expect(try db.scalarInt("SELECT count(*) FROM mesh_descriptor") == 0)
        try store.store(Fixture.record(2, mesh: [Self.ketamine]))
        #expect(try db.query("SELECT descriptor FROM mesh_heading WHERE pmid = 2") { $0.string(0) } == ["Ketamine"])
    }

    @Test("publication types are stored once, read through the publication_type view, and [pt] matches any case")
    func publicationTypes() throws {
        let (store, directory) = try Fixture.store()
        defer { directory.remove() }
        var first = Fixture.record(1)
        first.publicationTypes = [PublicationType(name: "Journal Article", ui: "D016428"),
                                  PublicationType(name: "Randomized Controlled Trial", ui: "D016449")]
        var second = Fixture.record(2)
        second.publicationTypes = [PublicationType(name: "Journal Article", ui: "D016428"), PublicationType(name: "Review")]
        try store.store(first)
        try store.store(second)
        let db = store.database
        #expect(try db.query("SELECT name || ' ' || coalesce(ui, '-') FROM publication_type_term ORDER BY id") { $0.string(0) }
                == ["Journal Article D016428", "Randomized Controlled Trial D016449", "Review -"])
        #expect(try db.query("SELECT pmid || ' ' || position || ' ' || name || ' ' || coalesce(ui, '-') FROM publication_type ORDER BY pmid, position") {
            $0.string(0)
        } == ["1 0 Journal Article D016428", "1 1 Randomized Controlled Trial D016449", "2 0 Journal Article D016428", "2 1 Review -"])
        let searcher = ArticleSearcher(database: db)
        for (query, expected) in [("journal article[pt]", [1, 2]), ("RANDOMIZED CONTROLLED TRIAL[pt]", [1]), ("review[pt]", [2]),
                                  ("editorial[pt]", [])] {
            let pmids = try searcher.pmids(ArticleSearcher.parse(query), options: SearchOptions(sort: .pmid))
            #expect(pmids.map { Int($0.value) } == expected, "\(query)")
        }
        #expect(try store.delete([PMID(1)]) == 1)
        #expect(try db.scalarInt("SELECT count(*) FROM article_publication_type") == 2)
    }
}
