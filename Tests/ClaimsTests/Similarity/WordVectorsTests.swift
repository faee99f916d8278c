import Foundation
import Testing
@testable import Claims

@Suite("Word vectors")
struct WordVectorsTests {
    /// Several dozen records where "tumor" and "tumour" fill the same slots, "insulin" and "glucose" others.
    static var corpus: [String] {
        let verbs = ["grew", "shrank", "spread", "invaded", "regressed", "recurred"]
        let places = ["liver", "lung", "brain", "bone", "breast", "colon"]
        var texts: [String] = []
        for (i, verb) in verbs.enumerated() {
            for (j, place) in places.enumerated() where (i + j) % 2 == 0 {
                let word = (i + j) % 4 == 0 ? "tumor" : "tumour"
                texts.append("The \(word) \(verb) in the \(place) after chemotherapy . The malignant \(word) mass \(verb) quickly in \(place) tissue")
            }
        }
        let foods = ["breakfast", "lunch", "dinner", "snack", "fasting", "exercise"]
        let organs = ["pancreas", "muscle", "kidney", "plasma"]
        for (i, food) in foods.enumerated() {
            for (j, organ) in organs.enumerated() {
                let word = (i + j) % 2 == 0 ? "insulin" : "glucose"
                texts.append("Serum \(word) rose after \(food) in \(organ) . Diabetic patients measured \(word) levels daily in \(organ)")
            }
        }
        return texts
    }

    @Test("content stems: stop words, numbers and one-letter words dropped, repeats kept")
    func contentStems() {
        #expect(WordVectors.contentStems(of: "The tumors grew 12 mm in a year; tumors regressed.")
                == ["tumor", "grew", "mm", "year", "tumor", "regress"])
    }

    @Test("words used in the same contexts are closer than unrelated words")
    func sharedContexts() throws {
        let (vectors, figures) = WordVectors.build(texts: Self.corpus, dimensions: 8, powerIterations: 8)
        #expect(figures.records == Self.corpus.count)
        #expect(vectors.recordCount == Self.corpus.count)
        let same = try #require(vectors.similarity("tumor", "tumour"))
        let other = try #require(vectors.similarity("tumor", "insulin"))
        let other2 = try #require(vectors.similarity("tumour", "glucos"))
        #expect(same > other + 0.3, "tumor/tumour \(same), tumor/insulin \(other)")
        #expect(same > other2 + 0.3)
        #expect(vectors.nearest("tumor", count: 3).map(\.stem).contains("tumour"))
        // Unit length, df and vocabulary (df >= 3 only).
        let v = try #require(vectors.vector("tumor"))
        #expect(abs(v.reduce(0) { $0 + $1 * $1 } - 1) < 1e-5)
        #expect(vectors.documentFrequency("insulin") == 12)
        #expect(vectors.vector("chemotherapi") != nil)
        #expect(vectors.vector("quickli") != nil)
        #expect(vectors.vector("nonexistent") == nil)
        #expect(vectors.stems == vectors.stems.sorted())
    }

    @Test("two builds are identical")
    func deterministic() {
        let (a, _) = WordVectors.build(texts: Self.corpus, dimensions: 6, powerIterations: 4)
        let (b, _) = WordVectors.build(texts: Self.corpus, dimensions: 6, powerIterations: 4)
        #expect(a == b)
        #expect(!a.storage.isEmpty)
    }

    @Test("no text, or no stem in three records: an empty vocabulary")
    func empty() {
        let (none, _) = WordVectors.build(texts: [String](), dimensions: 4)
        #expect(none.count == 0 && none.recordCount == 0)
        let (rare, _) = WordVectors.build(texts: ["alpha beta", "gamma delta"], dimensions: 4)
        #expect(rare.count == 0 && rare.recordCount == 2)
    }

    @Test("Float32 little-endian blobs round-trip; a wrong length is refused")
    func blobs() {
        let values: [Float] = [1, -0.5, .pi, 0]
        let data = WordVectors.encode(values[...])
        #expect(data.count == 16)
        #expect(Array(data.prefix(4)) == [0x00, 0x00, 0x80, 0x3F])   // 1.0f
        #expect(WordVectors.decode(data, dimensions: 4) == values)
        #expect(WordVectors.decode(data, dimensions: 3) == nil)
    }
}
