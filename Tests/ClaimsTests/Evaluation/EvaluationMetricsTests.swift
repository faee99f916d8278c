import Claims
import Foundation
import Testing

@Suite("Evaluation metrics")
struct EvaluationMetricsTests {
    @Test("nDCG@10 with binary relevance")
    func ndcg() {
        #expect(EvaluationMetrics.ndcgAt(10, ranked: ["a", "b"], relevant: ["a"]) == 1)
        #expect(abs(EvaluationMetrics.ndcgAt(10, ranked: ["b", "a"], relevant: ["a"]) - 1 / log2(3.0)) < 1e-9)
        #expect(EvaluationMetrics.ndcgAt(10, ranked: ["b"], relevant: ["a"]) == 0)
    }

    @Test("label F1 counts only the top 3 labelled predictions")
    func labelF1() {
        let claims = [
            EvaluationMetrics.LabelledClaim(id: "1", claim: "x", evidence: ["a": "SUPPORT"], cited: ["a"]),
            EvaluationMetrics.LabelledClaim(id: "2", claim: "y", evidence: ["b": "CONTRADICT"], cited: ["b"]),
        ]
        let predictions = [
            "1": EvaluationMetrics.Prediction(ranked: ["a"], labels: [("a", "SUPPORT")]),
            "2": EvaluationMetrics.Prediction(ranked: ["c", "b"], labels: [("c", "SUPPORT"), ("d", "SUPPORT"), ("e", "SUPPORT"), ("b", "CONTRADICT")]),
        ]
        let metrics = EvaluationMetrics.score(claims, predictions: predictions)
        #expect(metrics.labelPrecision == 0.25)
        #expect(metrics.labelRecall == 0.5)
        #expect(abs(metrics.labelF1 - 1.0 / 3.0) < 1e-9)
        #expect(metrics.recall10 == 1)
    }
}
