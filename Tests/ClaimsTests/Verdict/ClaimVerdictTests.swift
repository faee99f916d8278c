@testable import Claims
import PubMed
import Testing

@Suite("Verdicts: a stated figure must be matched")
struct ClaimVerdictTests {
    static func claim(_ text: String) throws -> Claim {
        let result = ClaimExtractor(lexicon: try Fixtures.lexicon()).extract(from: ArticleDocument(source: "t.txt", format: .text, text: text))
        return try #require(result.claims.first { $0.isCheckable })
    }

    /// A supporting citation; with `figure`, it reports that percentage, compared with the claim's.
    static func support(_ pmid: Int, claim: Claim, figure: String? = nil, flags: [String] = []) -> Citation {
        let numbers = figure.map { NumberExtractor().numbers(in: $0) } ?? []
        let comparison = claim.slots.quantity.flatMap { q in numbers.compactMap { QuantityComparison.compare(claim: q, evidence: $0) }.first }
        return Citation(pmid: PMID(Int64(pmid)), title: "t", year: 2020, design: .randomizedControlledTrial, sampleSize: 100, stance: .supports,
                        score: 0.7, confidence: 0.6, quote: figure ?? "Ketamine improved depression.", quoteLocation: .abstract,
                        quoteSpan: TextSpan(start: 0, end: 1), numbers: numbers, comparison: comparison, flags: flags, isRetracted: false,
                        method: .auto, decision: nil)
    }

    @Test("a claimed rate supported only in direction is partly supported: its figure is unchecked")
    func figureUnchecked() throws {
        let claim = try Self.claim("Around 50-70% of people with TRD respond to ketamine.")
        try #require(claim.slots.quantity != nil)
        let verdict = ClaimVerdict.decide(claim: claim, citations: [Self.support(1, claim: claim), Self.support(2, claim: claim)])
        #expect(verdict.verdict == .partlySupported)
        #expect(verdict.reason.contains("no record reports a figure to compare with 50–70%"), "\(verdict.reason)")
    }

    @Test("a figure matched only by a flagged record (another drug form) leaves it partly supported, saying so")
    func figureFlagged() throws {
        let claim = try Self.claim("Around 50-70% of people with TRD respond to ketamine.")
        let flag = "evidence is about esketamine, claim is about ketamine"
        let verdict = ClaimVerdict.decide(claim: claim, citations: [
            Self.support(1, claim: claim), Self.support(2, claim: claim, figure: "58.7% responded", flags: [flag]),
        ])
        #expect(verdict.verdict == .partlySupported)
        #expect(verdict.reason.contains("the figure matches only with a caveat: \(flag); within the range (58.7% vs 50–70%)"), "\(verdict.reason)")
    }

    @Test("a figure matched by an unflagged record supports the claim, and the reason cites that record")
    func figureMatched() throws {
        let claim = try Self.claim("Around 50-70% of people with TRD respond to ketamine.")
        let verdict = ClaimVerdict.decide(claim: claim, citations: [
            Self.support(1, claim: claim), Self.support(3, claim: claim, figure: "61% responded"),
        ])
        #expect(verdict.verdict == .supported)
        #expect(verdict.reason.contains("best: PMID 3") && verdict.reason.contains("within the range (61% vs 50–70%)"), "\(verdict.reason)")
    }

    @Test("a claim without a figure is supported by support for what it says")
    func noFigure() throws {
        let claim = try Self.claim("Ketamine blocks NMDA receptors.")
        #expect(claim.slots.quantity == nil)
        #expect(ClaimVerdict.decide(claim: claim, citations: [Self.support(1, claim: claim)]).verdict == .supported)
    }
}
