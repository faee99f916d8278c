import Foundation

/// Pseudo-relevance feedback (RM3-like): words that the best first-pass records share, which the
/// claim did not use, weighted so that the batch ranking can reward records that use them too.
///
/// Each feedback record contributes its words' relative frequencies (count / record length),
/// scaled by the record's weight (its share of the first-pass scores); the sum is multiplied by
/// the word's IDF, so words every record uses ("patients", "study") do not win.
public enum FeedbackTerms {
    /// One first-pass record: its stems in text order (title and abstract) and its weight.
    public struct Document: Sendable {
        public var stems: [String]
        public var weight: Double
        public init(stems: [String], weight: Double) {
            self.stems = stems
            self.weight = weight
        }
    }

    /// A chosen feedback stem and its weight (the weights of a selection sum to 1).
    public struct Term: Sendable, Hashable {
        public var stem: String
        public var weight: Double
        public init(stem: String, weight: Double) {
            self.stem = stem
            self.weight = weight
        }
    }

    /// Candidate stems before the IDF step: the `limit` with the highest relevance-model weight,
    /// without `excluded` stems (the claim's own), stop words, numbers and one-letter stems.
    public static func candidates(from documents: [Document], excluding excluded: Set<String>, limit: Int) -> [(stem: String, weight: Double)] {
        let totalWeight = documents.map(\.weight).reduce(0, +)
        guard totalWeight > 0 else { return [] }
        var model: [String: Double] = [:]
        for document in documents where !document.stems.isEmpty && document.weight > 0 {
            let share = document.weight / totalWeight / Double(document.stems.count)
            for stem in document.stems { model[stem, default: 0] += share }
        }
        return model
            .filter { stem, _ in isCandidate(stem) && !excluded.contains(stem) }
            .sorted { ($0.value, $1.key) > ($1.value, $0.key) }
            .prefix(limit)
            .map { (stem: $0.key, weight: $0.value) }
    }

    /// The `count` best feedback stems: candidate weight × IDF, normalised to sum to 1.
    /// `idf` gives each candidate's inverse document frequency in the index.
    public static func select(from documents: [Document], excluding excluded: Set<String>, count: Int,
                              idf: [String: Double]) -> [Term] {
        guard count > 0 else { return [] }
        let scored = candidates(from: documents, excluding: excluded, limit: max(count * 4, 20))
            .map { Term(stem: $0.stem, weight: $0.weight * (idf[$0.stem] ?? 0)) }
            .filter { $0.weight > 0 }
            .sorted { ($0.weight, $1.stem) > ($1.weight, $0.stem) }
            .prefix(count)
        let total = scored.map(\.weight).reduce(0, +)
        guard total > 0 else { return [] }
        return scored.map { Term(stem: $0.stem, weight: $0.weight / total) }
    }

    /// The share of the feedback weight whose stems appear in `stems` (0...1).
    public static func coverage(of terms: [Term], in stems: Set<String>) -> Double {
        terms.filter { stems.contains($0.stem) }.map(\.weight).reduce(0, +)
    }

    /// Stems worth expanding with: not a stop word, not a number, more than one letter.
    static func isCandidate(_ stem: String) -> Bool {
        stem.count > 1 && !StopWords.contains(stem) && !stem.unicodeScalars.allSatisfy { CharacterSet.decimalDigits.contains($0) }
            && stem.unicodeScalars.contains { CharacterSet.letters.contains($0) }
    }
}
