import Claims
import Foundation
import Testing

@Suite("Learned reranker: word-similarity features from word vectors")
struct RankingModelWordSimilarityTests {
    /// Two-dimensional vectors: "tumor" (1, 0), "tumour" (0.8, 0.6), "cancer" (0, 1); "growth" has none.
    /// Every stem with a vector is in 10 of 100 records, so all share one IDF.
    struct Vectors: StemVectors {
        let table: [String: [Float]] = ["tumor": [1, 0], "tumour": [0.8, 0.6], "cancer": [0, 1]]
        var dimensions: Int { 2 }
        var recordCount: Int { 100 }
        func vector(_ stem: String) -> ArraySlice<Float>? { table[stem].map { $0[...] } }
        func documentFrequency(_ stem: String) -> Int? { table[stem] == nil ? nil : 10 }
    }

    /// Claim stems "tumor" (IDF 2) and "growth" (IDF 1); title "tumour", one sentence "growth cancer".
    static func features() -> RankingModel.WordSimilarity {
        let record = RankingModel.RecordVectors(units: [["tumour": 1], ["growth": 1, "cancer": 1]], vectors: Vectors())
        return RankingModel.wordSimilarity(claim: .init(stems: ["tumor", "growth"], idf: [2, 1], vectors: Vectors()), record: record)
    }

    @Test("soft coverage, by hand: a missing stem counts for its best cosine to a stem of the text, at or above 0.4")
    func softCoverage() {
        let f = Self.features()
        // Record: tumor → tumour 0.8, growth present → (0.8 × 2 + 1) / 3.
        #expect(abs(f.softRecord - 2.6 / 3) < 1e-6)
        // Title "tumour": tumor 0.8, growth absent and without a vector → 1.6 / 3.
        #expect(abs(f.softTitle - 1.6 / 3) < 1e-6)
        // Sentence "growth cancer": tumor's cosine to cancer is 0, growth present → 1 / 3.
        #expect(abs(f.softSentence - 1.0 / 3) < 1e-6)
        // Only tumor is missing from the record: gain 1.6 / 3, and 0.8 of the missing stems' weight.
        #expect(abs(f.softGain - 1.6 / 3) < 1e-6)
        #expect(abs(f.missingShare - 0.8) < 1e-6)
    }

    @Test("centroid cosines, by hand: the claim's IDF-weighted centroid against the record's, its title's and its best sentence's")
    func centroids() {
        let f = Self.features()
        // Claim centroid (1, 0) (growth has no vector); record tumour + cancer = (0.8, 1.6), unit length.
        #expect(abs(f.centroidRecord - 0.8 / (0.8 * 0.8 + 1.6 * 1.6).squareRoot()) < 1e-6)
        #expect(abs(f.centroidTitle - 0.8) < 1e-6)
        #expect(abs(f.centroidSentence) < 1e-6)
    }

    @Test("a cosine below the threshold gives no credit, and a claim without vectors gets only exact matches")
    func threshold() {
        let record = RankingModel.RecordVectors(units: [[:], ["cancer": 2]], vectors: Vectors())
        let f = RankingModel.wordSimilarity(claim: .init(stems: ["tumour"], idf: [1], vectors: Vectors()), record: record)
        // cos(tumour, cancer) = 0.6 ≥ 0.4: credit; the empty title gives none.
        #expect(abs(f.softRecord - 0.6) < 1e-6 && f.softTitle == 0 && f.centroidTitle == 0)
        let g = RankingModel.wordSimilarity(claim: .init(stems: ["tumor"], idf: [1], vectors: Vectors()), record: record)
        #expect(g.softRecord == 0 && g.softGain == 0 && g.missingShare == 0)
        let none = RankingModel.wordSimilarity(claim: .init(stems: ["growth"], idf: [1], vectors: Vectors()), record: record)
        #expect(none.softRecord == 0 && none.centroidRecord == 0)
    }

    @Test("the features come last in the feature vector, and a model reads word vectors only when it has them")
    func featurePositions() throws {
        var c = RankingModel.Candidate(linearScore: 1, retrieval: 1, present: [true], sentenceCoverage: 1, adjacentCoverage: 1,
                                       titleCoverage: 1, pairShare: 1, wordCount: 10)
        c.wordSimilarity = Self.features()
        let row = try #require(RankingModel.features(of: [c], idf: [1]).first)
        let names = RankingModel.featureNames
        #expect(row.count == names.count && names.count == RankingModel.featuresWithoutVectors + 8)
        #expect(row[names.firstIndex(of: "soft_rec")!] == c.wordSimilarity.softRecord)
        #expect(row[names.firstIndex(of: "cent_tit")!] == c.wordSimilarity.centroidTitle)
        let leaf = RankingModel.Tree(feature: [-1], threshold: [0], left: [-1], right: [-1], value: [1])
        #expect(RankingModel(features: Array(names.prefix(25)), trees: [leaf]).readsWordVectors == false)
        #expect(RankingModel(features: names, trees: [leaf]).readsWordVectors == true)
    }
}
