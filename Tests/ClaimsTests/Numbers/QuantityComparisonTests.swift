import Claims
import Testing

@Suite("Comparing claim quantities with evidence numbers")
struct QuantityComparisonTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var claim: String
        var evidence: String
        var agreement: QuantityComparison.Agreement
        var description: String
        var testDescription: String { "\(claim) vs \(evidence)" }
    }

    @Test("agreement and its reading", arguments: [
        Case(claim: "50-70%", evidence: "The response rate at 24 hours was 71%", agreement: .close,
             description: "close, slightly above the range (71% vs 50–70%), at 24 hours"),
        Case(claim: "50-70%", evidence: "response in 64%", agreement: .within, description: "within the range (64% vs 50–70%)"),
        Case(claim: "50-70%", evidence: "response in 30%", agreement: .outside, description: "outside, below the range (30% vs 50–70%)"),
        Case(claim: "52%", evidence: "52% responded", agreement: .within, description: "matches (52% vs 52%)"),
        Case(claim: "lasts 40 minutes to an hour", evidence: "infused over 40 min", agreement: .within,
             description: "within the range (over 40 minutes)"),
        Case(claim: "40 to 60 minutes", evidence: "a 100-minute infusion", agreement: .outside,
             description: "outside, above the range (100 minutes)"),
    ])
    func compares(_ example: Case) throws {
        let extractor = NumberExtractor()
        let claim = try #require(extractor.numbers(in: example.claim).first)
        let evidenceNumbers = extractor.numbers(in: example.evidence)
        let context = evidenceNumbers.first { $0.kind == .timePoint }
        let comparison = try #require(evidenceNumbers.compactMap {
            QuantityComparison.compare(claim: claim, evidence: $0, timeContext: context)
        }.first)
        #expect(comparison.agreement == example.agreement)
        #expect(comparison.description == example.description)
    }

    @Test("a response rate compares only with shares, never with a cut-off or a change", arguments: [
        ("Early treatment response was defined as a ≥ 50% decrease in MADRS total score at day 2.", false),
        ("Patients with ≥50% reduction in MADRS from baseline were defined as responders.", false),
        ("MADRS scores fell by 60% from baseline.", false),
        ("a 55% reduction in depressive symptoms", false),
        ("MADRS response rates following a second induction were 71.9% and 73.4%.", true),
        ("Of 86 patients, 45 (52.3%) responded.", true),
    ])
    func shareAgainstChanges(evidence: String, compares: Bool) throws {
        let extractor = NumberExtractor()
        let claim = try #require(extractor.numbers(in: "around 50-70% of those with TRD respond").first)
        let comparisons = extractor.numbers(in: evidence).compactMap { QuantityComparison.compare(claim: claim, evidence: $0) }
        #expect(!comparisons.isEmpty == compares, "\(comparisons.map(\.description))")
        #expect(extractor.numbers(in: evidence).contains { QuantityComparison.comparable(claim: claim, evidence: $0) } == compares)
    }

    @Test("a claimed change compares with reported changes")
    func changeAgainstChange() throws {
        let extractor = NumberExtractor()
        let claim = try #require(extractor.numbers(in: "cuts symptoms by 50%").first)
        #expect(claim.measure == .change)
        let evidence = try #require(extractor.numbers(in: "a 48% reduction in MADRS total score").first)
        #expect(QuantityComparison.compare(claim: claim, evidence: evidence)?.agreement == .close)
        let share = try #require(extractor.numbers(in: "48% responded").first)
        #expect(QuantityComparison.compare(claim: claim, evidence: share) == nil)
    }

    @Test("different kinds do not compare")
    func incomparable() throws {
        let extractor = NumberExtractor()
        let percent = try #require(extractor.numbers(in: "50%").first)
        let duration = try #require(extractor.numbers(in: "40 minutes").first)
        #expect(QuantityComparison.compare(claim: percent, evidence: duration) == nil)
    }
}
