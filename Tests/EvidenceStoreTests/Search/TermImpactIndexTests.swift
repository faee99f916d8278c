import Testing
@testable import EvidenceStore

@Suite("Term impact lists: settling the top k")
struct TermImpactIndexTests {
    @Test("words sharing an index term are left to exact ranking (bm25 counts them twice)")
    func sharedTerm() throws {
        let fixture = try SearchFixture()
        try TermImpactIndex(database: fixture.store.database, weights: fixture.searcher.weights).build(minimumDocuments: 1)
        for query in ["depression OR depressions", "ketamine OR ketamine"] {
            let fast = try fixture.searcher.search(query, options: SearchOptions(limit: 3))
            let exact = try fixture.searcher.search(query, options: SearchOptions(limit: 3, allowsCandidateRanking: false))
            #expect(fast.ranking == .exact, "\(query)")
            #expect(fast.hits.map(\.pmid) == exact.hits.map(\.pmid), "\(query)")
        }
    }

    @Test("short lists: every page depth either matches exact bm25 or falls back", arguments: [1, 2, 3, 5])
    func shortLists(limit: Int) throws {
        let fixture = try SearchFixture()
        let index = TermImpactIndex(database: fixture.store.database, weights: fixture.searcher.weights)
        try index.build(minimumDocuments: 1, listLength: 3)
        var settled = 0
        for query in ["ketamine OR depression", "the OR of OR and", "depression OR cystitis OR sleep", "ketamine", "the",
                      "ketamine OR esketamine OR placebo OR trial"] {
            let exact = try fixture.searcher.search(query, options: SearchOptions(limit: limit, allowsCandidateRanking: false))
            let fast = try fixture.searcher.search(query, options: SearchOptions(limit: limit))
            #expect(fast.hits.map(\.pmid) == exact.hits.map(\.pmid), "\(query) \(fast.ranking)")
            #expect(fast.total == exact.total)
            for (a, b) in zip(fast.hits.compactMap(\.score), exact.hits.compactMap(\.score)) { #expect(abs(a - b) < 1e-9) }
            if fast.ranking == .candidates { settled += 1 }
        }
        // limit 1 fits the lists' depth (3 / 2); deeper pages must fall back.
        if limit == 1 { #expect(settled > 0) } else { #expect(settled == 0) }
    }
}
