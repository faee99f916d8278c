import Claims
import EvidenceStore
import PubMed
import Testing

@Suite("Linking claims to evidence")
struct EvidenceLinkerTests {
    static func check(_ text: String) throws -> (ClaimCheck, () -> Void) {
        let (store, directory) = try Fixtures.evidenceIndex()
        let checker = ClaimChecker(lexicon: try Fixtures.lexicon(), index: StoreEvidenceIndex(store: store))
        let article = ArticleDocument(source: "t.txt", format: .text, text: text)
        let result = try checker.check(article)
        let first = try #require(result.checks.first { $0.claim.isCheckable })
        return (first, { store.close(); directory.remove() })
    }

    @Test("a response-rate claim is linked to the trial, with its numbers compared")
    func responseRate() throws {
        let (check, cleanup) = try Self.check("Research suggests that around 50-70% of those with TRD respond to ketamine.")
        defer { cleanup() }
        let trial = try #require(check.citations.first { $0.pmid == PMID(9000001) })
        #expect(trial.stance == .supports)
        #expect(trial.design == .randomizedControlledTrial)
        #expect(trial.sampleSize == 72)
        #expect(trial.quote == "The response rate at 24 hours was 71% with ketamine versus 12% with placebo (P < .001).")
        #expect(trial.comparison?.description == "close, slightly above the range (71% vs 50–70%), at 24 hours")
        #expect(check.verdict.verdict == .partlySupported || check.verdict.verdict == .supported)
    }

    @Test("a retracted record never supports a claim")
    func retracted() throws {
        let (check, cleanup) = try Self.check("Research suggests that around 50-70% of those with TRD respond to ketamine.")
        defer { cleanup() }
        for citation in check.citations where citation.pmid == PMID(9000003) {
            #expect(citation.isRetracted)
            #expect(citation.stance != .supports)
        }
    }

    @Test("an animal study is flagged as preclinical")
    func animal() throws {
        let (check, cleanup) = try Self.check("Ketamine blocks NMDA receptors and increases glutamate release.")
        defer { cleanup() }
        let rats = try #require(check.citations.first { $0.pmid == PMID(9000004) })
        #expect(rats.design == .preclinical)
        #expect(rats.flags.contains("animal or preclinical study"))
    }

    @Test("esketamine evidence for a ketamine claim is flagged as a specificity mismatch")
    func specificity() throws {
        let (check, cleanup) = try Self.check("Ketamine is approved by the FDA for depression.")
        defer { cleanup() }
        let review = try #require(check.citations.first { $0.pmid == PMID(9000002) })
        #expect(review.flags.contains { $0.contains("esketamine") })
    }

    @Test("a claim the index knows nothing about gets no evidence, not an unrelated citation")
    func noEvidence() throws {
        let (check, cleanup) = try Self.check("Ketamine is effective for tinnitus in 90% of patients.")
        defer { cleanup() }
        #expect(!check.citations.contains { $0.pmid == PMID(9000005) })
        #expect(check.verdict.verdict == .noEvidence)
    }

    @Test("quotes, hyphens and FTS5 keywords in claim text never break the query", arguments: [
        "Ketamine \"NEAR\" AND OR NOT treatment-resistant depression*",
        "Ketamine's effect: (column:title) {abstract} ^start",
    ])
    func hostileText(text: String) throws {
        let (store, directory) = try Fixtures.evidenceIndex()
        defer { store.close(); directory.remove() }
        let checker = ClaimChecker(lexicon: try Fixtures.lexicon(), index: StoreEvidenceIndex(store: store))
        _ = try checker.check(claimText: text, id: "1")
    }
}
