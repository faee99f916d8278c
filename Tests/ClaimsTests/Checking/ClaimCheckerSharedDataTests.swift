import Claims
import EvidenceStore
import EvidenceTestSupport
import Testing

/// The LifeMD article against the real ketamine records (../shared).
@Suite("Checking the LifeMD ketamine article against the ketamine corpus")
struct ClaimCheckerSharedDataTests {
    static let article = "articles/lifemd-ketamine-therapy-for-depression.txt"
    static let records = ["corpus/ketamine/esketamine-trd-records.xml", "corpus/ketamine/esketamine-trials-efetch.xml"]

    @Test("every checkable claim the issue names is found, typed and linked",
          .enabled(if: SharedData.isAvailable(article) && records.allSatisfy(SharedData.isAvailable)))
    func lifemd() throws {
        let directory = try TemporaryDirectory(prefix: "claims-lifemd")
        defer { directory.remove() }
        let store = try ArticleStore(path: directory.path("index.sqlite"))
        defer { store.close() }
        let report = ArticleIngester(store: store).ingest(paths: try Self.records.map { try SharedData.url($0).path })
        #expect(!report.hasFailures)
        let document = try ArticleDocument(contentsOf: try SharedData.url(Self.article).path)
        let check = try ClaimChecker(lexicon: try Fixtures.lexicon(), index: StoreEvidenceIndex(store: store)).check(document)
        let checkable = check.checks.filter { $0.claim.isCheckable }

        func find(_ description: String, _ predicate: (Claim) -> Bool) -> ClaimCheck? {
            let found = checkable.first { predicate($0.claim) }
            #expect(found != nil, "no claim: \(description)")
            return found
        }
        let rate = find("the 50–70% response rate") { $0.type == .efficacy && $0.slots.quantity?.low == 50 && $0.slots.quantity?.high == 70 }
        #expect(rate?.citations.isEmpty == false)
        #expect(rate?.claim.slots.population?.id == "trd")
        let onset = find("relief within hours or days vs weeks") { $0.type == .onset && $0.slots.comparator?.id == "antidepressant" && $0.slots.quantity?.unit == "hour" }
        #expect(onset?.citations.isEmpty == false)
        _ = find("the 40–60 minute infusion") { $0.type == .duration && $0.slots.quantity?.seconds == 2400 && $0.slots.quantity?.highSeconds == 3600 }
        for effect in ["dissociation", "dizziness", "nausea", "blood-pressure"] {
            let claim = find("side effect \(effect)") { $0.type == .adverseEffect && $0.slots.effect?.id == effect && $0.text.hasPrefix("These side effects include:") }
            #expect(claim?.citations.contains { $0.stance == .supports } == true, "\(effect) is supported by a record")
        }
        let fda = find("esketamine's FDA approval") { $0.type == .regulatory && $0.slots.intervention?.id == "esketamine" && $0.slots.regulator?.id == "fda" }
        #expect(fda?.citations.first?.stance == .supports)
        _ = find("NMDA/glutamate mechanism") { $0.type == .mechanism && $0.slots.mechanisms.contains { $0.id == "nmda" } && $0.slots.mechanisms.contains { $0.id == "glutamate" } }
        _ = find("not an opioid") { $0.type == .mechanism && $0.slots.negated && $0.slots.mechanisms.contains { $0.id == "opioid" } }
        for risk in ["tolerance", "dependence"] {
            _ = find("\(risk) risk") { $0.type == .safety && $0.slots.effect?.id == risk && !$0.slots.negated }
        }
        // Marketing is skipped, not checked.
        #expect(check.skipped.contains { $0.text.contains("95% of patients covered by insurance") && $0.reason == "advertising" })
        #expect(!check.checks.contains { $0.claim.text.contains("LifeMD") })
        // Every verdict has a reason; every citation quotes its record.
        for item in check.checks {
            #expect(!item.verdict.reason.isEmpty)
            for citation in item.citations { #expect(!citation.quote.isEmpty) }
        }
    }
}
