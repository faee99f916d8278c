import Claims
import EvidenceStore
import EvidenceTestSupport
import Foundation
import PubMed
import Testing

@Suite("Batch ranking: the reranker reads the index's word vectors")
struct EvidenceLinkerWordVectorsTests {
    /// The store's index with other word vectors (or none).
    struct VectorIndex: EvidenceIndex {
        let base: StoreEvidenceIndex
        let vectors: (any StemVectors)?
        func search(ftsExpression: String, limit: Int) throws -> [EvidenceRecord] { try base.search(ftsExpression: ftsExpression, limit: limit) }
        func documentFrequencies(of stems: Set<String>) throws -> (frequencies: [String: Int], total: Int) { try base.documentFrequencies(of: stems) }
        func snapshotID() throws -> String { try base.snapshotID() }
        func stemVectors() throws -> (any StemVectors)? { vectors }
    }

    /// A model of one tree: +1 when `soft_gain` is above 0.1 (the claim's missing words are near the record's).
    static let model: RankingModel = {
        let gain = RankingModel.featureNames.firstIndex(of: "soft_gain")!
        let tree = RankingModel.Tree(feature: [gain, -1, -1], threshold: [0.1, 0, 0], left: [1, -1, -1], right: [2, -1, -1], value: [0, 0, 1])
        return RankingModel(features: RankingModel.featureNames, trees: [tree])
    }()

    static func ranking(vectors: (any StemVectors)?) throws -> [PMID] {
        let directory = try TemporaryDirectory(prefix: "claims-vectors")
        defer { directory.remove() }
        let store = try ArticleStore(path: directory.path("index.sqlite"))
        defer { store.close() }
        let report = ArticleIngester(store: store).ingest(paths: [Fixtures.url("records/word-similarity.xml").path])
        #expect(!report.hasFailures)
        let checker = ClaimChecker(lexicon: CompiledLexicon(Lexicon()), index: VectorIndex(base: StoreEvidenceIndex(store: store), vectors: vectors))
        var weights = EvidenceLinker.RankingWeights()
        weights.model = model
        return try checker.check(claimText: "Tumor growth in mice.", id: "1", depth: 10, weights: weights).citations.map(\.pmid)
    }

    @Test("with vectors, the record saying 'tumour' for the claim's 'tumor' gains; without them, the tie keeps PMID order")
    func vectorsReachTheModel() throws {
        #expect(try Self.ranking(vectors: RankingModelWordSimilarityTests.Vectors()) == [PMID(9700002), PMID(9700001)])
        #expect(try Self.ranking(vectors: nil) == [PMID(9700001), PMID(9700002)])
    }

    @Test("a store's index offers its word vectors to the reranker")
    func storeOffersVectors() throws {
        let (store, directory) = try Fixtures.evidenceIndex()
        defer { store.close(); directory.remove() }
        let vectors = try #require(try StoreEvidenceIndex(store: store).stemVectors())
        #expect(vectors.dimensions == 100 && vectors.vector("ketamin") != nil && vectors.documentFrequency("ketamin") ?? 0 >= 3)
    }
}
