import Foundation
import Testing
import EvidenceTestSupport
import PubMed
@testable import EvidenceStore

@Suite("Schema perf migrations")
struct SchemaPerfTests {
    /// An index at `path` with the migrations up to and including `last`, holding two records
    /// written the way that schema stored them (triggers fill the FTS index).
    private func makeOldIndex(at path: String, through last: String) throws {
        let database = try Database(path: path)
        defer { database.close() }
        let upTo = try #require(Migrations.all.firstIndex { $0.name == last })
        try Migrations.migrate(database, migrations: Array(Migrations.all[...upTo]))
        let xml = try RecordCompression.compress("<PubmedArticle><MedlineCitation><PMID Version=\"1\">11</PMID></MedlineCitation></PubmedArticle>")
        try database.transaction {
            for (pmid, title) in [(11, "Ketamine for treatment-resistant depression"), (12, "Lithium in Østergaard's cohort")] {
                try database.execute("""
                    INSERT INTO article(pmid, version, kind, title, abstract, mesh_terms, keyword_terms, author_names, doi, original_xml)
                    VALUES (?, 1, 'article', ?, 'Randomised trial of infusions.', 'Depression; Depression/drug therapy', 'esketamine',
                            'Østergaard SD', ?, ?)
                    """, arguments: [pmid, title, "10.1/\(pmid)", xml])
                try database.execute("INSERT INTO keyword(pmid, position, text, major) VALUES (?, 0, 'esketamine', 0)", arguments: [pmid])
                try database.execute("INSERT INTO history_date(pmid, position, status, date) VALUES (?, 0, 'pubmed', '2020-01-02')", arguments: [pmid])
                try database.execute("INSERT INTO chemical(pmid, position, name) VALUES (?, 0, 'Ketamine')", arguments: [pmid])
                try database.execute("INSERT INTO grant_support(pmid, position, agency) VALUES (?, 0, 'NIMH')", arguments: [pmid])
                for (position, type) in ["pubmed", "doi", "pii", "elocation:doi"].enumerated() {
                    try database.execute("INSERT INTO article_identifier(pmid, position, type, value) VALUES (?, ?, ?, ?)",
                                         arguments: [pmid, position, type, "\(type)-\(pmid)"])
                }
                try database.execute("""
                    INSERT INTO mesh_heading(pmid, position, descriptor, ui, major, major_topic, search_descriptor)
                    VALUES (?, 0, 'Depression', 'D003863', 0, 1, 'depression')
                    """, arguments: [pmid])
                try database.execute("""
                    INSERT INTO mesh_qualifier(pmid, heading_position, position, name, ui, major) VALUES (?, 0, 0, 'drug therapy', 'Q000188', 1)
                    """, arguments: [pmid])
            }
        }
    }

    @Test("perf-3-lean-tables drops the unread tables and indexes, keeps DOIs, and search still works")
    func leanTables() throws {
        let directory = try TemporaryDirectory(prefix: "evidence-migration-test")
        defer { directory.remove() }
        let path = directory.path("old.sqlite")
        try makeOldIndex(at: path, through: "perf-2-original-chunk")

        let store = try ArticleStore(path: path)
        let db = store.database
        #expect(try Migrations.appliedNames(db) == Migrations.all.map(\.name))
        for name in ["keyword", "chemical", "grant_support", "history_date", "mesh_heading_ui", "mesh_qualifier_name"] {
            #expect(try db.scalarInt("SELECT count(*) FROM sqlite_master WHERE name = ?", arguments: [name]) == 0, "\(name)")
        }
        #expect(try db.query("SELECT DISTINCT type FROM article_identifier ORDER BY type") { $0.string(0) } == ["doi", "elocation:doi"])
        #expect(try db.query("SELECT v FROM article_fts_config WHERE k IN ('automerge', 'hashsize') ORDER BY k") { $0.int(0) } == [8, 4_194_304])
        // The migrated index answers searches over every field and takes new records.
        let searcher = ArticleSearcher(database: db)
        for (query, expected) in [("ketamine", [11]), ("ostergaard", [11, 12]), ("\"drug therapy\"", [11, 12]),
                                  ("depression[mh]", [11, 12]), ("10.1/12[doi]", [12]), ("elocation:doi-11[doi]", [11]),
                                  ("pii-11[doi]", [])] {
            let pmids = try searcher.pmids(ArticleSearcher.parse(query), options: SearchOptions(sort: .pmid))
            #expect(pmids.map { Int($0.value) } == expected, "\(query)")
        }
        // perf-4-packed-search-text: the texts read back through the generated columns, and snippets work.
        #expect(try db.scalarString("SELECT abstract FROM article WHERE pmid = 12") == "Randomised trial of infusions.")
        #expect(try db.scalarString("SELECT mesh_terms FROM article WHERE pmid = 12") == "Depression; Depression/drug therapy")
        #expect(try db.scalarString("SELECT author_names FROM article WHERE pmid = 12") == "Østergaard SD")
        #expect(try db.scalarInt("SELECT count(*) FROM article WHERE search_text IS NULL") == 0)
        let results = try searcher.search("infusions", options: SearchOptions(sort: .pmid))
        #expect(results.hits.map(\.pmid) == [PMID(11), PMID(12)])
        #expect(results.hits.first?.snippet.bracketed.contains("[infusions]") == true)
        try store.store(Fixture.record(13, title: "Ketamine again"))
        #expect(try store.delete([PMID(11)]) == 1)
        #expect(try db.scalarInt("SELECT count(*) FROM article_fts WHERE article_fts MATCH 'ketamine'") == 1)
        try db.execute("INSERT INTO article_fts(article_fts, rank) VALUES ('integrity-check', 1)")
        #expect(try db.query("PRAGMA integrity_check") { $0.string(0) } == ["ok"])
    }

    @Test("perf-5-mesh-vocabulary moves headings into the dictionaries; the views, MeSH searches and facets give the same rows")
    func meshVocabulary() throws {
        let directory = try TemporaryDirectory(prefix: "evidence-migration-test")
        defer { directory.remove() }
        let path = directory.path("old.sqlite")
        try makeOldIndex(at: path, through: "perf-2-original-chunk")
        // A second heading per article: a name shared with another UI, and one without UI.
        let old = try Database(path: path)
        try Migrations.migrate(old, migrations: Array(Migrations.all.prefix { $0.name != "perf-5-mesh-vocabulary" }))
        try old.execute("""
            INSERT INTO mesh_heading(pmid, position, descriptor, ui, major, major_topic, search_descriptor)
            VALUES (11, 1, 'Ketamine', 'D007649', 1, 1, 'ketamine'), (12, 1, 'Depression', 'D999999', 0, 0, 'depression'),
                   (12, 2, 'Østergaard Scale', NULL, 0, 0, 'ostergaard scale')
            """)
        func headings(_ db: Database) throws -> [String] {
            try db.query("SELECT pmid, position, descriptor, ui, major, major_topic, search_descriptor FROM mesh_heading ORDER BY pmid, position") {
                "\($0.int(0)) \($0.int(1)) \($0.string(2) ?? "") \($0.string(3) ?? "-") \($0.int(4)) \($0.int(5)) \($0.string(6) ?? "")"
            }
        }
        func qualifiers(_ db: Database) throws -> [String] {
            try db.query("SELECT pmid, heading_position, position, name, ui, major FROM mesh_qualifier ORDER BY pmid, heading_position, position") {
                "\($0.int(0)) \($0.int(1)) \($0.int(2)) \($0.string(3) ?? "") \($0.string(4) ?? "-") \($0.int(5))"
            }
        }
        let headingsBefore = try headings(old)
        let qualifiersBefore = try qualifiers(old)
        #expect(headingsBefore.count == 5)
        old.close()

        let store = try ArticleStore(path: path)
        let db = store.database
        #expect(try Migrations.appliedNames(db) == Migrations.all.map(\.name))
        #expect(try headings(db) == headingsBefore)
        #expect(try qualifiers(db) == qualifiersBefore)
        #expect(try db.scalarInt("SELECT count(*) FROM mesh_descriptor") == 4)
        #expect(try db.scalarInt("SELECT count(*) FROM mesh_subheading") == 1)
        for name in ["mesh_heading_search", "article_mesh_descriptor"] {
            #expect(try db.scalarInt("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = ?", arguments: [name])
                    == (name == "article_mesh_descriptor" ? 1 : 0), "\(name)")
        }
        let searcher = ArticleSearcher(database: db)
        for (query, expected) in [("depression[mh]", [11, 12]), ("ketamine[majr]", [11]), ("depression[majr]", [11, 12]),
                                  ("\"ostergaard scale\"[mh]", [12]), ("drug therapy[sh]", [11, 12]),
                                  ("depression/drug therapy[mh]", [11, 12]), ("ketamine/drug therapy[mh]", [])] {
            let pmids = try searcher.pmids(ArticleSearcher.parse(query), options: SearchOptions(sort: .pmid))
            #expect(Set(pmids.map { Int($0.value) }).sorted() == expected, "\(query)")
        }
        // New records reuse the migrated ids; deleting cascades to the compact tables.
        try store.store(Fixture.record(13, mesh: [MeshHeading(descriptor: "Depression", ui: "D003863")]))
        #expect(try db.scalarInt("SELECT count(*) FROM mesh_descriptor") == 4)
        #expect(try store.delete([PMID(12)]) == 1)
        #expect(try db.scalarInt("SELECT count(*) FROM article_mesh WHERE pmid = 12") == 0)
        #expect(try db.scalarInt("SELECT count(*) FROM article_mesh_qualifier WHERE pmid = 12") == 0)
        #expect(try db.query("PRAGMA foreign_key_check") { $0.string(0) }.isEmpty)
        #expect(try store.integrityProblems().isEmpty)
    }

    @Test("perf-6-lean-identifiers drops the identifier rows equal to article.doi; [doi] finds the same records")
    func leanIdentifiers() throws {
        let directory = try TemporaryDirectory(prefix: "evidence-migration-test")
        defer { directory.remove() }
        let path = directory.path("old.sqlite")
        try makeOldIndex(at: path, through: "perf-2-original-chunk")
        let old = try Database(path: path)
        try Migrations.migrate(old, migrations: Array(Migrations.all.prefix { $0.name != "perf-6-lean-identifiers" }))
        // Record 11's DOI listed as ArticleId and ELocationID, as most records have it.
        try old.execute("""
            INSERT INTO article_identifier(pmid, position, type, value) VALUES (11, 4, 'doi', '10.1/11'), (11, 5, 'elocation:doi', '10.1/11')
            """)
        old.close()

        let store = try ArticleStore(path: path)
        let db = store.database
        #expect(try db.query("SELECT pmid || ' ' || type || ' ' || value FROM article_identifier ORDER BY pmid, position") { $0.string(0) }
                == ["11 doi doi-11", "11 elocation:doi elocation:doi-11", "12 doi doi-12", "12 elocation:doi elocation:doi-12"])
        let searcher = ArticleSearcher(database: db)
        for (query, expected) in [("10.1/11[doi]", [11]), ("elocation:doi-11[doi]", [11]), ("10.1/12[doi]", [12])] {
            #expect(try searcher.pmids(ArticleSearcher.parse(query)).map { Int($0.value) } == expected, "\(query)")
        }
    }

    @Test("perf-7-publication-type-vocabulary keeps every publication type row and [pt] search")
    func publicationTypeVocabulary() throws {
        let directory = try TemporaryDirectory(prefix: "evidence-migration-test")
        defer { directory.remove() }
        let path = directory.path("old.sqlite")
        try makeOldIndex(at: path, through: "perf-2-original-chunk")
        let old = try Database(path: path)
        try Migrations.migrate(old, migrations: Array(Migrations.all.prefix { $0.name != "perf-7-publication-type-vocabulary" }))
        try old.execute("""
            INSERT INTO publication_type(pmid, position, name, ui)
            VALUES (11, 0, 'Journal Article', 'D016428'), (11, 1, 'Review', NULL), (12, 0, 'Journal Article', 'D016428')
            """)
        old.close()

        let store = try ArticleStore(path: path)
        let db = store.database
        #expect(try Migrations.appliedNames(db) == Migrations.all.map(\.name))
        #expect(try db.query("SELECT pmid || ' ' || position || ' ' || name || ' ' || coalesce(ui, '-') FROM publication_type ORDER BY pmid, position") {
            $0.string(0)
        } == ["11 0 Journal Article D016428", "11 1 Review -", "12 0 Journal Article D016428"])
        #expect(try db.scalarInt("SELECT count(*) FROM publication_type_term") == 2)
        let searcher = ArticleSearcher(database: db)
        for (query, expected) in [("journal article[pt]", [11, 12]), ("review[pt]", [11])] {
            #expect(try searcher.pmids(ArticleSearcher.parse(query), options: SearchOptions(sort: .pmid)).map { Int($0.value) } == expected, "\(query)")
        }
        #expect(try store.integrityProblems().isEmpty)
    }

    @Test("a new index stores only DOIs among the record's identifiers")
    func identifiersKeptAreDOIs() throws {
        let (store, directory) = try Fixture.store()
        defer { directory.remove() }
        var record = Fixture.record(21)
        record.articleIDs = [ArticleID(type: "pubmed", value: "21"), ArticleID(type: "doi", value: "10.2/a"), ArticleID(type: "pii", value: "S1")]
        record.eLocationIDs = [ELocationID(type: "doi", value: "10.2/b"), ELocationID(type: "pii", value: "e12")]
        try store.store(record)
        // 10.2/a is `article.doi` (perf-6-lean-identifiers); each DOI is still found by [doi].
        #expect(try store.database.query("SELECT type || ' ' || value FROM article_identifier ORDER BY position") { $0.string(0) }
                == ["elocation:doi 10.2/b"])
        #expect(try store.database.scalarString("SELECT doi FROM article WHERE pmid = 21") == "10.2/a")
        let searcher = ArticleSearcher(database: store.database)
        for query in ["10.2/a[doi]", "10.2/B[doi]"] {
            #expect(try searcher.pmids(ArticleSearcher.parse(query)) == [PMID(21)], "\(query)")
        }
        // Every identifier is still in the stored original's record.
        #expect(try store.originalXML(PMID(21)) == record.originalXML)
    }
}
