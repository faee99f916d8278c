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

    @Test("ORs of words in half the records may be ranked approximately: exact scores, flagged, never for other words")
    func approximate() throws {
        let fixture = try SearchFixture()
        let database = fixture.store.database
        let index = TermImpactIndex(database: database, weights: fixture.searcher.weights)
        var approximated = 0
        for listLength in [2, 4, 6] {
            try index.build(minimumDocuments: 1, listLength: listLength)
            for limit in 1...(listLength / 2) {
                for query in ["the OR of OR and", "the OR and", "ketamine OR depression", "depression OR cystitis OR sleep", "cystitis OR sleep"] {
                    let fast = try fixture.searcher.search(query, options: SearchOptions(limit: limit))
                    let all = try fixture.searcher.search(query, options: SearchOptions(limit: 100, allowsCandidateRanking: false))
                    let exactScores = Dictionary(uniqueKeysWithValues: all.hits.map { ($0.pmid, $0.score ?? 0) })
                    #expect(fast.total == all.total)
                    // Whatever the method, every score shown is the record's exact bm25.
                    for hit in fast.hits { #expect(abs((hit.score ?? 0) - (exactScores[hit.pmid] ?? 1)) < 1e-9, "\(query) \(hit.pmid)") }
                    #expect(fast.hits.map(\.score) == fast.hits.map(\.score).sorted { ($0 ?? 0) < ($1 ?? 0) })
                    if fast.ranking == .approximate {
                        approximated += 1
                        // Only when every word is in at least half of the records (idf floored).
                        let words = query.components(separatedBy: " OR ")
                        let records = try fixture.store.articleCount()
                        for word in words { #expect(try fixture.searcher.count(word) * 2 >= records, "\(query): \(word) is not flat") }
                        #expect(fast.hits.count == limit)
                        // The exact-only API never returns an approximate page.
                        #expect(try index.topHits(words: words, limit: limit) == nil)
                    } else {
                        #expect(fast.hits.map(\.pmid) == Array(all.hits.prefix(limit).map(\.pmid)), "\(query) \(fast.ranking)")
                    }
                }
            }
        }
        #expect(approximated > 0)
    }
}
