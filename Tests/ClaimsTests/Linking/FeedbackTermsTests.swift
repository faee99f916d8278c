import Claims
import Testing

@Suite("Pseudo-relevance feedback terms")
struct FeedbackTermsTests {
    static let documents = [
        FeedbackTerms.Document(stems: ["statin", "fractur", "hip", "osteoporosi", "patient", "patient"], weight: 3),
        FeedbackTerms.Document(stems: ["statin", "osteoporosi", "bone", "patient", "123"], weight: 1),
    ]

    @Test("candidates: relevance-model weights (record share × relative frequency), without the claim's stems and numbers")
    func candidates() {
        let found = FeedbackTerms.candidates(from: Self.documents, excluding: ["statin"], limit: 10)
        let weights = Dictionary(uniqueKeysWithValues: found.map { ($0.stem, $0.weight) })
        #expect(weights["statin"] == nil)
        #expect(weights["123"] == nil)
        // patient: 0.75 × 2/6 + 0.25 × 1/5; bone: 0.25 × 1/5.
        #expect(abs(weights["patient"]! - (0.75 * 2 / 6 + 0.25 / 5)) < 1e-12)
        #expect(abs(weights["bone"]! - 0.25 / 5) < 1e-12)
        #expect(found.first?.stem == "patient")
        #expect(FeedbackTerms.candidates(from: Self.documents, excluding: [], limit: 2).count == 2)
        #expect(FeedbackTerms.candidates(from: [], excluding: [], limit: 5).isEmpty)
    }

    @Test("selection: IDF demotes words every record uses; the weights sum to 1")
    func selection() {
        let idf = ["patient": 0.1, "osteoporosi": 3.0, "fractur": 2.0, "hip": 2.5, "bone": 1.5]
        let terms = FeedbackTerms.select(from: Self.documents, excluding: ["statin"], count: 3, idf: idf)
        #expect(terms.map(\.stem) == ["osteoporosi", "hip", "fractur"])
        #expect(abs(terms.map(\.weight).reduce(0, +) - 1) < 1e-12)
        #expect(FeedbackTerms.select(from: Self.documents, excluding: [], count: 0, idf: idf).isEmpty)
        // Unknown words (no IDF) are never chosen.
        #expect(FeedbackTerms.select(from: Self.documents, excluding: [], count: 3, idf: [:]).isEmpty)
    }

    @Test("coverage: the share of the feedback weight a record's stems hold")
    func coverage() {
        let terms = [FeedbackTerms.Term(stem: "hip", weight: 0.6), FeedbackTerms.Term(stem: "bone", weight: 0.4)]
        #expect(FeedbackTerms.coverage(of: terms, in: ["hip", "statin"]) == 0.6)
        #expect(FeedbackTerms.coverage(of: terms, in: ["hip", "bone"]) == 1.0)
        #expect(FeedbackTerms.coverage(of: [], in: ["hip"]) == 0)
    }
}
