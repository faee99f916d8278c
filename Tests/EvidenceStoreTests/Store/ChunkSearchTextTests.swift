import Foundation
import Testing
import EvidenceTestSupport
import PubMed
@testable import EvidenceStore

@Suite("Search texts in chunks")
struct ChunkSearchTextTests {
    /// A PubmedArticleSet of `pmids` at `version`, each with an abstract, MeSH, keywords and
    /// authors whose words name the PMID and the version (`word`), and optional deletions.
    private func file(_ directory: TemporaryDirectory, _ name: String, pmids: [Int], version: Int = 1,
                      word: String = "alpha", deleted: [Int] = []) throws -> String {
        var articles: [String] = []
        for pmid in pmids {
            let abstract = pmid % 5 == 0 ? "" : """
                <Abstract><AbstractText Label="BACKGROUND">Østergaard \(word) trial \(pmid), P&lt;0.001.</AbstractText>\
                <AbstractText Label="RESULTS">Response \(word)\(pmid) held.</AbstractText></Abstract>
                """
            let keywords = pmid % 3 == 0 ? "" : "<KeywordList Owner=\"NOTNLM\"><Keyword>\(word) kw\(pmid)</Keyword><Keyword>ketamine</Keyword></KeywordList>"
            articles.append("""
                <PubmedArticle><MedlineCitation Status="MEDLINE" Owner="NLM"><PMID Version="\(version)">\(pmid)</PMID>
                <Article PubModel="Print"><ArticleTitle>Record \(pmid) \(word)</ArticleTitle>\(abstract)
                <AuthorList><Author ValidYN="Y"><LastName>Smith\(word)</LastName><Initials>J</Initials></Author>\
                <Author ValidYN="Y"><LastName>Åsberg</LastName><ForeName>Marie</ForeName><Initials>M</Initials></Author></AuthorList>
                </Article>
                <MeshHeadingList><MeshHeading><DescriptorName UI="D003865" MajorTopicYN="N">Depression</DescriptorName>\
                <QualifierName UI="Q000188" MajorTopicYN="Y">drug therapy</QualifierName></MeshHeading>\
                <MeshHeading><DescriptorName UI="D007649" MajorTopicYN="N">Ketamine</DescriptorName></MeshHeading></MeshHeadingList>
                \(keywords)</MedlineCitation></PubmedArticle>

                """)
        }
        return try Fixture.writeArticleSet(articles, deleted: deleted, in: directory, name: name)
    }

    private typealias Texts = [Int64: [String?]]

    private func texts(_ database: Database) throws -> Texts {
        let rows = try database.query("SELECT pmid, abstract, mesh_terms, keyword_terms, author_names FROM article ORDER BY pmid") { row in
            (row.int64(0), [row.string(1), row.string(2), row.string(3), row.string(4)])
        }
        return Dictionary(uniqueKeysWithValues: rows)
    }

    /// The texts the same records get when stored one at a time (inline blobs).
    private func inlineTexts(of path: String, _ directory: TemporaryDirectory) throws -> Texts {
        let store = try ArticleStore(path: directory.path("inline-\(UUID().uuidString).sqlite"))
        defer { store.close() }
        for record in try PubMedParser().records(fromXML: String(contentsOfFile: path, encoding: .utf8)) {
            try store.store(record)
        }
        #expect(try store.database.scalarInt("SELECT count(*) FROM article WHERE search_text IS NOT NULL AND unlikely(hex(substr(search_text, 1, 1)) NOT LIKE '8_')") == 0)
        return try texts(store.database)
    }

    private func count(_ database: Database, _ match: String) throws -> Int64? {
        try database.scalarInt("SELECT count(*) FROM article_fts WHERE article_fts MATCH ?", arguments: [match])
    }

    @Test("a reference blob round-trips, and finds each present field in its text")
    func referenceBlob() throws {
        for reference in [
            PackedSearchText.Reference(present: 0b1011, chunkID: 1, offset: 0, length: 3),
            PackedSearchText.Reference(present: 0b0001, chunkID: 300_000_000_000, offset: 262_143, length: 70_000),
        ] {
            let blob = reference.blob
            #expect(blob.first == 0xA0 | reference.present)
            #expect(blob.withUnsafeBytes { PackedSearchText.Reference($0) } == reference)
            #expect(Array(blob.dropLast()).withUnsafeBytes { PackedSearchText.Reference($0) } == nil, "truncated")
        }
        #expect([UInt8]([0x81, 1, 2, 3]).withUnsafeBytes { PackedSearchText.Reference($0) } == nil, "an inline blob")
        let text: [UInt8] = Array("abc\0\0kw\0".utf8)
        let reference = PackedSearchText.Reference(present: 0b1101, chunkID: 1, offset: 0, length: text.count)
        text.withUnsafeBufferPointer { buffer in
            #expect(reference.fieldRange(0, in: buffer) == 0..<3)
            #expect(reference.fieldRange(1, in: buffer) == nil)
            #expect(reference.fieldRange(2, in: buffer) == 4..<4)
            #expect(reference.fieldRange(3, in: buffer) == 5..<7)
        }
        text.dropLast().withUnsafeBufferPointer { buffer in
            #expect(reference.fieldRange(3, in: buffer) == nil, "no terminator")
        }
    }

    @Test("ingested records keep their texts in their chunk, read back as stored one at a time")
    func ingestedTexts() throws {
        let (store, directory) = try Fixture.store()
        defer { directory.remove() }
        let path = try file(directory, "a.xml", pmids: Array(1...70))
        #expect(!ArticleIngester(store: store).ingest(paths: [path]).hasFailures)
        let database = store.database
        #expect(try database.scalarInt("SELECT count(*) FROM article WHERE hex(substr(search_text, 1, 1)) LIKE 'A_'") == 70)
        #expect(try database.scalarInt("SELECT max(length(search_text)) FROM article") ?? 99 <= 8)
        let stored = try texts(database)
        #expect(stored == (try inlineTexts(of: path, directory)))
        #expect(stored[1]?[0]?.contains("Østergaard alpha trial 1, P<0.001.") == true)
        #expect(stored[1]?[0]?.contains("Response alpha1 held.") == true)
        #expect(stored[1]?[1] == "Depression; Depression/drug therapy; Ketamine")
        #expect(stored[5]?[0] == nil && stored[3]?[2] == nil)
        #expect(try database.scalarInt("SELECT count(*) FROM article WHERE evidence_text_has(search_text, 0)") == 56)
        // The originals are unchanged by the texts between them, one by one and together.
        let parsed = try PubMedParser().records(fromXML: String(contentsOfFile: path, encoding: .utf8))
        for record in parsed {
            #expect(try store.originalXML(record.pmid) == record.originalXML)
        }
        let together = try store.records(parsed.map(\.pmid))
        #expect(together.map { $0?.originalXML } == parsed.map(\.originalXML))
        #expect(together.map { $0?.abstractText } == parsed.map(\.abstractText))
        // Snippets read the text through FTS5's external content.
        let snippet = try database.scalarString(
            "SELECT snippet(article_fts, 1, '[', ']', '…', 8) FROM article_fts WHERE article_fts MATCH 'alpha7' ")
        #expect(snippet?.contains("[alpha7]") == true)
        #expect(try store.integrityProblems() == [])
        // An old inline blob (a record stored alone) sits beside the references.
        try store.store(Fixture.record(500, title: "Alone", abstract: "Inline abstract."))
        #expect(try database.scalarString("SELECT abstract FROM article WHERE pmid = 500") == "Inline abstract.")
        #expect(try store.integrityProblems() == [])
    }

    @Test("replaced and deleted records leave no FTS entry behind, and the rest read back")
    func replaceAndDelete() throws {
        let (store, directory) = try Fixture.store()
        defer { directory.remove() }
        let first = try file(directory, "v1.xml", pmids: Array(1...40), word: "alpha")
        let second = try file(directory, "v2.xml", pmids: Array(1...32) + [35], version: 2, word: "beta", deleted: [36, 37])
        let report = ArticleIngester(store: store).ingest(paths: [first, second])
        #expect(!report.hasFailures)
        #expect(report.files.map(\.replaced) == [0, 33])
        let database = store.database
        #expect(try count(database, "alpha") == 5, "33, 34, 38, 39, 40")
        #expect(try count(database, "alpha35 OR alpha36 OR alpha1 OR kw36") == 0)
        #expect(try count(database, "beta") == 33)
        #expect(try count(database, "smithalpha") == 5)
        #expect(try store.integrityProblems() == [])
        let stored = try texts(database)
        #expect(stored[35]?[3] == "Smithbeta J; Åsberg M")
        #expect(stored[33]?[2] == nil)
        #expect(stored[34]?[2] == "alpha kw34; ketamine")
        // Deleting through the store (the delete trigger reads the text from the chunk).
        #expect(try store.delete([PMID(34), PMID(2)]) == 2)
        #expect(try count(database, "kw34 OR beta2") == 0)
        #expect(try store.integrityProblems() == [])
    }

    @Test("a chunk id reused after its chunk was removed never serves the old texts")
    func reusedChunkID() throws {
        let (store, directory) = try Fixture.store()
        defer { directory.remove() }
        let path = store.database.path
        let reader = try Database(path: path)
        defer { reader.close() }
        #expect(!ArticleIngester(store: store).ingest(paths: [try file(directory, "a.xml", pmids: Array(1...40), word: "alpha")]).hasFailures)
        let lastChunk = try #require(try store.database.scalarInt("SELECT max(id) FROM original_chunk"))
        // Both connections cache the last chunk (records 33…40).
        #expect(try store.database.scalarString("SELECT keyword_terms FROM article WHERE pmid = 34") == "alpha kw34; ketamine")
        #expect(try reader.scalarString("SELECT keyword_terms FROM article WHERE pmid = 34") == "alpha kw34; ketamine")
        // Its records go, then the chunk, then new records take its id.
        #expect(try store.delete((33...40).map { PMID(Int64($0)) }) == 8)
        #expect(try store.removeUnreferencedOriginals() == 1)
        #expect(!ArticleIngester(store: store).ingest(paths: [try file(directory, "b.xml", pmids: Array(133...140), word: "gamma")]).hasFailures)
        #expect(try store.database.scalarInt("SELECT min(original_chunk) FROM article WHERE pmid >= 133") == lastChunk)
        let expected: [String?] = ["gamma kw134; ketamine"]
        for database in [store.database, reader] {
            let keywords = try database.query("SELECT keyword_terms FROM article WHERE pmid = 134") { $0.string(0) }
            #expect(keywords == expected)
            #expect(try database.scalarString("SELECT abstract FROM article WHERE pmid = 134")?.contains("gamma trial 134") == true)
        }
        #expect(try count(store.database, "alpha34 OR kw34") == 0)
        #expect(try count(store.database, "gamma134") == 1)
        #expect(try store.integrityProblems() == [])
        // Within one transaction (no commit, so the data version stays), rewriting a chunk the
        // cache holds must be seen at once (update hook); a rollback must bring back the old
        // text (rollback hook). Each of these reads fails with its hook removed.
        let compressed = try #require(try store.database.queryFirst("SELECT xml FROM original_chunk WHERE id = ?",
                                                                     arguments: [lastChunk]) { $0.data(0) } ?? nil)
        var inflated = try RecordCompression.decompressBytes(compressed)
        let gamma = Array("gamma kw134".utf8), delta = Array("delta kw134".utf8)
        // The last match: the texts follow the record's XML, which names the keyword too.
        let at = try #require((0...(inflated.count - gamma.count)).last { Array(inflated[$0..<($0 + gamma.count)]) == gamma })
        inflated.replaceSubrange(at..<(at + delta.count), with: delta)
        let rewritten = try inflated.withUnsafeBufferPointer { try RecordCompression.compress(bytes: $0) }
        try? store.database.transaction {
            #expect(try store.database.scalarString("SELECT keyword_terms FROM article WHERE pmid = 134") == "gamma kw134; ketamine")
            try store.database.execute("UPDATE original_chunk SET xml = ? WHERE id = ?", arguments: [rewritten, lastChunk])
            #expect(try store.database.scalarString("SELECT keyword_terms FROM article WHERE pmid = 134") == "delta kw134; ketamine")
            throw DatabaseError(resultCode: 1, message: "roll back")
        }
        #expect(try store.database.scalarString("SELECT keyword_terms FROM article WHERE pmid = 134") == "gamma kw134; ketamine")
    }

    @Test("a missing chunk is an SQL error, not a crash or empty text")
    func missingChunk() throws {
        let (store, directory) = try Fixture.store()
        defer { directory.remove() }
        #expect(!ArticleIngester(store: store).ingest(paths: [try file(directory, "a.xml", pmids: [1, 2])]).hasFailures)
        let reference = PackedSearchText.Reference(present: 1, chunkID: 999, offset: 0, length: 4)
        #expect(throws: DatabaseError.self) {
            try store.database.scalarString("SELECT evidence_text(?, 0)", arguments: [Data(reference.blob)])
        }
        let past = PackedSearchText.Reference(present: 1, chunkID: 1, offset: 10_000_000, length: 4)
        #expect(throws: DatabaseError.self) {
            try store.database.scalarString("SELECT evidence_text(?, 0)", arguments: [Data(past.blob)])
        }
        #expect(try store.database.scalarInt("SELECT evidence_text_has(?, 0)", arguments: [Data(past.blob)]) == 1)
    }

    @Test("an index with texts in chunks is refused by a build that does not know them")
    func olderBuildRefuses() throws {
        let (store, directory) = try Fixture.store()
        defer { directory.remove() }
        #expect(try Migrations.appliedNames(store.database).contains("perf-8-search-text-in-chunks"))
        #expect(throws: DatabaseError.self) {
            try Migrations.migrate(store.database, migrations: Array(Migrations.all.prefix { $0.name != "perf-8-search-text-in-chunks" }))
        }
    }
}
