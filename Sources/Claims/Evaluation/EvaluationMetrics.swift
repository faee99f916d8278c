import Foundation

/// Retrieval and labelling metrics over labelled claims (the SciFact format).
public struct EvaluationMetrics: Hashable, Sendable, Codable {
    /// Mean nDCG@10 (binary relevance: the claim's cited documents).
    public var ndcg10: Double
    /// Mean recall@10.
    public var recall10: Double
    /// Mean recall@100.
    public var recall100: Double
    /// Abstract-level label precision (top 3 labelled predictions per claim).
    public var labelPrecision: Double
    /// Abstract-level label recall.
    public var labelRecall: Double
    /// Abstract-level label F1.
    public var labelF1: Double
    /// Claims scored.
    public var claims: Int

    /// A labelled claim.
    public struct LabelledClaim: Hashable, Sendable {
        public var id: String
        public var claim: String
        /// Document id → "SUPPORT" or "CONTRADICT".
        public var evidence: [String: String]
        /// Relevant document ids.
        public var cited: Set<String>

        /// Makes a labelled claim.
        public init(id: String, claim: String, evidence: [String: String], cited: Set<String>) {
            self.id = id
            self.claim = claim
            self.evidence = evidence
            self.cited = cited
        }
    }

    /// A system's output for one claim: ranked document ids and labelled predictions in rank order.
    public struct Prediction: Hashable, Sendable {
        public var ranked: [String]
        public var labels: [(String, String)]
        public init(ranked: [String], labels: [(String, String)]) {
            self.ranked = ranked
            self.labels = labels
        }
        public static func == (a: Prediction, b: Prediction) -> Bool { a.ranked == b.ranked && a.labels.map { $0.0 + $0.1 } == b.labels.map { $0.0 + $0.1 } }
        public func hash(into hasher: inout Hasher) { hasher.combine(ranked) }
    }

    /// Scores predictions (by claim id) against labelled claims.
    public static func score(_ claims: [LabelledClaim], predictions: [String: Prediction]) -> EvaluationMetrics {
        var ndcg = 0.0, r10 = 0.0, r100 = 0.0
        var correct = 0, predicted = 0, gold = 0
        var scored = 0
        for claim in claims {
            let prediction = predictions[claim.id] ?? Prediction(ranked: [], labels: [])
            gold += claim.evidence.count
            for (doc, label) in prediction.labels.prefix(3) {
                predicted += 1
                if claim.evidence[doc] == label { correct += 1 }
            }
            guard !claim.cited.isEmpty else { continue }
            scored += 1
            ndcg += ndcgAt(10, ranked: prediction.ranked, relevant: claim.cited)
            r10 += Double(Set(prediction.ranked.prefix(10)).intersection(claim.cited).count) / Double(claim.cited.count)
            r100 += Double(Set(prediction.ranked.prefix(100)).intersection(claim.cited).count) / Double(claim.cited.count)
        }
        let n = Double(max(scored, 1))
        let precision = predicted > 0 ? Double(correct) / Double(predicted) : 0
        let recall = gold > 0 ? Double(correct) / Double(gold) : 0
        let f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
        return EvaluationMetrics(ndcg10: ndcg / n, recall10: r10 / n, recall100: r100 / n, labelPrecision: precision,
                                 labelRecall: recall, labelF1: f1, claims: scored)
    }

    /// nDCG@k with binary relevance.
    public static func ndcgAt(_ k: Int, ranked: [String], relevant: Set<String>) -> Double {
        var dcg = 0.0
        for (i, doc) in ranked.prefix(k).enumerated() where relevant.contains(doc) { dcg += 1 / log2(Double(i + 2)) }
        var ideal = 0.0
        for i in 0..<min(relevant.count, k) { ideal += 1 / log2(Double(i + 2)) }
        return ideal > 0 ? dcg / ideal : 0
    }

    /// Reads labelled claims: `{"id", "claim", "evidence": {doc: label}, "cited_doc_ids": [...]}` per line.
    public static func readClaims(path: String) throws -> [LabelledClaim] {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw ClaimsError.invalidClaimsLine(path: path, line: 0, reason: "cannot read: \(error.localizedDescription)")
        }
        var result: [LabelledClaim] = []
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { continue }
            guard let object = try? JSONSerialization.jsonObject(with: Data(trimmed.utf8)) as? [String: Any] else {
                throw ClaimsError.invalidClaimsLine(path: path, line: offset + 1, reason: "not a JSON object")
            }
            guard let claim = object["claim"] as? String else {
                throw ClaimsError.invalidClaimsLine(path: path, line: offset + 1, reason: "missing \"claim\"")
            }
            let id = (object["id"]).map { "\($0)" } ?? String(offset + 1)
            var evidence: [String: String] = [:]
            if let map = object["evidence"] as? [String: Any] {
                for (doc, value) in map {
                    if let label = value as? String { evidence[doc] = label }
                    else if let list = value as? [[String: Any]], let label = list.first?["label"] as? String { evidence[doc] = label }
                }
            }
            let cited = Set(((object["cited_doc_ids"] as? [Any]) ?? []).map { "\($0)" })
            result.append(LabelledClaim(id: id, claim: claim, evidence: evidence, cited: cited))
        }
        return result
    }
}
