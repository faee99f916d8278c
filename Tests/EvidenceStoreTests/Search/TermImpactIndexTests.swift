import EvidenceTestSupport
import Foundation
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
            if try fixture.expectListsMatchExact(query, limit: limit) { settled += 1 }
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

    /// Every hit's exact bm25 score (negative) for a flat OR of `words`, by PMID.
    static func exactScores(_ fixture: SearchFixture, words: [String]) throws -> [Int64: Double] {
        let expression = words.map(FTS5Expression.string).joined(separator: " OR ")
        var scores: [Int64: Double] = [:]
        try fixture.store.database.query("SELECT rowid, \(fixture.searcher.weights.bm25Call) FROM article_fts WHERE article_fts MATCH ?",
                                         arguments: [expression]) { scores[$0.int64(0)] = $0.double(1) }
        return scores
    }

    /// Ranks `queries` with both rescoring paths and every list depth and page size given:
    /// the top k (when exact) is bm25's, each score is the record's exact bm25, the walk's
    /// total is count(*) (the seeks give none). Returns how many rankings walked.
    static func checkRescoring(_ fixture: SearchFixture, queries: [[String]], listLengths: [Int], limits: [Int]) throws -> Int {
        var index = TermImpactIndex(database: fixture.store.database, weights: fixture.searcher.weights)
        var walked = 0
        for listLength in listLengths {
            try index.build(minimumDocuments: 1, listLength: listLength)
            for words in queries {
                let exact = try exactScores(fixture, words: words)
                // Best first (ties in any order: only scores are compared position by position).
                let ranked = exact.sorted { $0.value < $1.value }
                for limit in limits {
                    var results: [TermImpactIndex.Rescoring: TermImpactIndex.RankedHits?] = [:]
                    for path in [TermImpactIndex.Rescoring.seeking, .walking, .automatic] {
                        index.rescoring = path
                        let result = try index.rankedHits(words: words, limit: limit)
                        results[path] = result
                        guard let result else { continue }
                        let label = "\(words) list \(listLength) limit \(limit) \(path)"
                        for (pmid, score) in result.hits {
                            #expect(abs(score - (exact[pmid.value] ?? .infinity)) <= 1e-9, "\(label): \(pmid)")
                        }
                        if result.isExact {
                            #expect(result.hits.count == min(limit, exact.count), "\(label)")
                            // Position by position, the exact ranking's scores (to rounding: a sum of list
                            // scores adds the same terms in another order).
                            for (ours, theirs) in zip(result.hits.map(\.1), ranked.prefix(limit).map(\.value)) {
                                #expect(abs(ours - theirs) <= 1e-9 * max(1, abs(theirs)), "\(label)")
                            }
                            let kth = ranked.prefix(limit).last?.value ?? 0
                            // Records clearly better than the k-th are all in the page.
                            let better = Set(ranked.filter { $0.value < kth - 1e-9 * max(1, abs(kth)) }.map(\.key))
                            #expect(better.isSubset(of: Set(result.hits.map(\.0.value))), "\(label)")
                        }
                        if let total = result.total {
                            #expect(path != .seeking, "\(label): seeking walks no hits, so it has no total")
                            #expect(total == exact.count, "\(label): total \(total), count(*) \(exact.count)")
                            if path == .walking { walked += 1 }
                        }
                    }
                    // The path changes the cost, never the answer.
                    let seek = results[.seeking] ?? nil, walk = results[.walking] ?? nil
                    #expect((seek == nil) == (walk == nil), "\(words) list \(listLength) limit \(limit)")
                    if let seek, let walk {
                        #expect(seek.isExact == walk.isExact)
                        #expect(seek.hits.count == walk.hits.count)
                        for (a, b) in zip(seek.hits.map(\.1), walk.hits.map(\.1)) { #expect(abs(a - b) <= 1e-9 * max(1, abs(a))) }
                    }
                }
            }
        }
        return walked
    }

    @Test("seeking and walking rescore alike; the walk's total is count(*) (search fixture)")
    func rescoringPaths() throws {
        let fixture = try SearchFixture()
        let walked = try Self.checkRescoring(fixture, queries: [["ketamine", "depression"], ["the", "of", "and"], ["depression", "cystitis", "sleep"],
                                                                ["ketamine"], ["ketamine", "esketamine", "placebo", "trial"], ["cystitis", "sleep"]],
                                             listLengths: [2, 3, 4, 6, 1000], limits: [1, 2, 3])
        #expect(walked > 0)
    }

    static let files = ["corpus/ketamine/esketamine-trd-records.xml", "corpus/ketamine/esketamine-trials-efetch.xml"]

    @Test("seeking and walking rescore alike; the walk's total is count(*) (real index)",
          .enabled(if: files.allSatisfy(SharedData.isAvailable)))
    func rescoringPathsRealIndex() throws {
        let fixture = try SearchFixture(paths: try Self.files.map { try SharedData.url($0).path })
        let walked = try Self.checkRescoring(fixture, queries: [["ketamine", "esketamine", "depression"], ["patients", "treatment", "study"],
                                                                ["placebo", "trial"], ["the", "of", "and"], ["depression"],
                                                                ["response", "remission", "relapse", "suicidal"]],
                                             listLengths: [5, 20, 100], limits: [1, 5, 10])
        #expect(walked > 0)
    }

    @Test("the collecting walk counts every hit and scores exactly its candidates, hit or not")
    func collect() throws {
        let fixture = try SearchFixture()
        let database = fixture.store.database
        let index = TermImpactIndex(database: database, weights: fixture.searcher.weights)
        var generator = SeededGenerator(seed: 20_261_127_5)
        let all = try database.query("SELECT pmid FROM article ORDER BY pmid") { $0.int64(0) }
        for words in [["ketamine"], ["ketamine", "depression"], ["the", "of", "and"], ["cystitis", "sleep", "placebo", "trial"]] {
            let expression = words.map(FTS5Expression.string).joined(separator: " OR ")
            let counts = try words.map { Int(try database.scalarInt("SELECT count(*) FROM article_fts WHERE article_fts MATCH ?",
                                                                     arguments: [FTS5Expression.string($0)]) ?? 0) }
            let exact = try Self.exactScores(fixture, words: words)
            for round in 0..<6 {
                // Random subsets of the records, some not hits, plus PMIDs not in the index at either end.
                var candidates = all.filter { _ in generator.next() % 2 == 0 }
                if round % 2 == 0 { candidates += [1, 999_999_999] }
                if round == 5 { candidates = all }
                candidates.shuffle(using: &generator)
                let walk = try index.collect(expression: expression, documentCounts: counts, candidates: candidates)
                #expect(walk.total == exact.count, "\(words)")
                let scored = Dictionary(uniqueKeysWithValues: walk.scores)
                #expect(Set(scored.keys) == Set(candidates).intersection(exact.keys), "\(words)")
                for (pmid, score) in scored {
                    #expect(abs(score - (exact[pmid] ?? .infinity)) <= 1e-9 * max(1, abs(score)), "\(words) \(pmid)")
                }
            }
            // The same statement again (cached): nothing is left over from the last walk.
            let again = try index.collect(expression: expression, documentCounts: counts, candidates: [all[0]])
            #expect(again.total == exact.count)
            #expect(again.scores.map(\.0) == (exact[all[0]] == nil ? [] : [all[0]]))
        }
    }

    @Test("evidence_collect without a bound collector is an error")
    func collectUnbound() throws {
        let fixture = try SearchFixture()
        #expect(throws: (any Error).self) {
            try fixture.store.database.query("SELECT count(*) FROM article_fts WHERE article_fts MATCH 'ketamine' AND evidence_collect(article_fts, NULL)") {
                $0.int(0)
            }
        }
    }
}
