import Claims
import EvidenceStore
import PubMed
import Testing

@Suite("The claims ledger")
struct ClaimLedgerTests {
    static let article = "Research suggests that around 50-70% of those with TRD respond to ketamine.\n\nKetamine blocks NMDA receptors and increases glutamate release.\n"

    /// A checker over the fixture index and the ledger in the same database.
    static func checkerAndLedger(_ store: ArticleStore) throws -> (ClaimChecker, ClaimLedger) {
        (ClaimChecker(lexicon: try Fixtures.lexicon(), index: StoreEvidenceIndex(store: store)), ClaimLedger(database: store.database))
    }

    @Test("a human rejection and a human link survive a rerun, and the rerun reports what changed")
    func humanDecisionsSurvive() throws {
        let (store, directory) = try Fixtures.evidenceIndex()
        defer { store.close(); directory.remove() }
        let (checker, ledger) = try Self.checkerAndLedger(store)
        let document = ArticleDocument(source: "article.txt", format: .text, text: Self.article)

        var first = try checker.check(document)
        try ledger.record(&first, sha256: "x")
        #expect(first.changes == nil, "a first run has nothing to compare with")
        let stored = try ledger.claims(article: "article.txt")
        let efficacy = try #require(stored.first { $0.type == "efficacy" })
        let links = try ledger.links(claimID: efficacy.id)
        #expect(links.contains { $0.pmid == PMID(9000001) && $0.method == .auto })

        try ledger.unlink(claimID: efficacy.id, pmid: PMID(9000001), note: "checked by hand")
        try ledger.link(claimID: efficacy.id, pmid: PMID(9000002), stance: .supports, quote: "esketamine improved MADRS scores", note: nil)

        var second = try checker.check(document)
        try ledger.record(&second, sha256: "x")
        let check = try #require(second.checks.first { $0.claim.type == .efficacy })
        #expect(!check.citations.contains { $0.pmid == PMID(9000001) }, "a rejected link never comes back")
        let human = try #require(check.citations.first { $0.pmid == PMID(9000002) })
        #expect(human.method == .human)
        #expect(human.decision == .confirmed)
        let changes = try #require(second.changes)
        #expect(changes.humanDecisionsApplied >= 2)

        let after = try ledger.links(claimID: efficacy.id)
        let rejected = try #require(after.first { $0.pmid == PMID(9000001) })
        #expect(rejected.decision == .rejected)
        #expect(rejected.note == "checked by hand")
        #expect(after.first { $0.pmid == PMID(9000002) }?.method == .human)
    }

    @Test("an unchanged rerun reports no changes")
    func unchangedRerun() throws {
        let (store, directory) = try Fixtures.evidenceIndex()
        defer { store.close(); directory.remove() }
        let (checker, ledger) = try Self.checkerAndLedger(store)
        let document = ArticleDocument(source: "article.txt", format: .text, text: Self.article)
        var first = try checker.check(document)
        try ledger.record(&first, sha256: "x")
        var second = try checker.check(document)
        try ledger.record(&second, sha256: "x")
        #expect(second.changes?.isEmpty == true)
    }

    @Test("a claim removed from the article is reported on the next run")
    func removedClaim() throws {
        let (store, directory) = try Fixtures.evidenceIndex()
        defer { store.close(); directory.remove() }
        let (checker, ledger) = try Self.checkerAndLedger(store)
        var first = try checker.check(ArticleDocument(source: "article.txt", format: .text, text: Self.article))
        try ledger.record(&first, sha256: "x")
        var second = try checker.check(ArticleDocument(source: "article.txt", format: .text,
                                                        text: "Ketamine blocks NMDA receptors and increases glutamate release.\n"))
        try ledger.record(&second, sha256: "y")
        #expect(second.changes?.removedClaims.count == 1)
        #expect(try ledger.claims(article: "article.txt").count == second.checks.count)
    }

    @Test("reviewing a link that does not exist is an error")
    func missingLink() throws {
        let (store, directory) = try Fixtures.evidenceIndex()
        defer { store.close(); directory.remove() }
        #expect(throws: ClaimsError.notFound("link between claim 42 and PMID 1")) {
            try ClaimLedger(database: store.database).review(claimID: 42, pmid: PMID(1), decision: .confirmed)
        }
    }
}
