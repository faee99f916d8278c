import Claims
import EvidenceStore
import EvidenceTestSupport
import Foundation
import Testing

@Suite("Store evidence index: word vectors")
struct StoreEvidenceIndexWordVectorsTests {
    @Test("built once from the records and stored, then loaded for the same snapshot")
    func buildThenLoad() throws {
        let (store, directory) = try Fixtures.evidenceIndex()
        defer { directory.remove() }
        let index = StoreEvidenceIndex(store: store)
        index.wordVectorDimensions = 4
        let built = try #require(try index.wordVectors())
        #expect(index.wordVectorsOutcome?.source == .built)
        #expect(built.recordCount == 5)
        #expect(built.count > 0)
        #expect(try index.wordVectors() == built)   // from memory
        let build = try #require(try store.wordVectorBuild())
        #expect(build.snapshot == (try store.snapshotID))
        #expect(build.stems == built.count && build.records == 5 && build.dimensions == 4)

        let again = StoreEvidenceIndex(store: store)
        again.wordVectorDimensions = 4
        #expect(try again.wordVectors() == built)
        #expect(again.wordVectorsOutcome?.source == .loaded)
    }

    @Test("vectors from another snapshot, or of other dimensions, are rebuilt")
    func stale() throws {
        let (store, directory) = try Fixtures.evidenceIndex()
        defer { directory.remove() }
        let first = StoreEvidenceIndex(store: store)
        first.wordVectorDimensions = 4
        let built = try #require(try first.wordVectors())
        try store.database.execute("UPDATE word_vector_build SET snapshot = 'older'")
        let second = StoreEvidenceIndex(store: store)
        second.wordVectorDimensions = 4
        #expect(try second.wordVectors() == built)
        #expect(second.wordVectorsOutcome?.source == .built)
        #expect(try store.wordVectorBuild()?.snapshot == (try store.snapshotID))
        let wider = StoreEvidenceIndex(store: store)
        wider.wordVectorDimensions = 6
        #expect(try wider.wordVectors()?.dimensions == 6)
        #expect(wider.wordVectorsOutcome?.source == .built)
    }

    @Test("an empty index has no word vectors")
    func emptyIndex() throws {
        let directory = try TemporaryDirectory(prefix: "claims-vectors")
        defer { directory.remove() }
        let store = try ArticleStore(path: directory.path("index.sqlite"))
        let index = StoreEvidenceIndex(store: store)
        #expect(try index.wordVectors() == nil)
        #expect(index.wordVectorsOutcome == nil)
        #expect(try store.wordVectorBuild() == nil)
    }
}
