import Foundation
import Testing
import EvidenceTestSupport
@testable import EvidenceStore

@Suite("Term impact lists: the compact format")
struct ImpactListCodecTests {
    /// Random postings: distinct PMIDs (dense, sparse or huge), bm25-like magnitudes with many
    /// near the cut-off, some ties.
    static func postings(count: Int, seed: UInt64) -> [(pmid: Int64, score: Double)] {
        var generator = SeededGenerator(seed: seed)
        var pmids = Set<Int64>()
        let spread: Int64 = [200, 40_000, 40_000_000, 1 << 40][Int(seed % 4)]
        while pmids.count < count { pmids.insert(Int64.random(in: 1...max(spread, Int64(count) * 2), using: &generator)) }
        let top = Double.random(in: 0.001...40, using: &generator)
        return pmids.map { pmid in
            let roll = Double.random(in: 0...1, using: &generator)
            let score = roll < 0.1 ? top * 0.5 : top * pow(Double.random(in: 0...1, using: &generator), 4) + 1e-6
            return (pmid, score)
        }
    }

    /// Checks a list's decoding against the exact postings it was encoded from.
    static func check(_ exact: [(pmid: Int64, score: Double)], scoreBytes: Int) throws {
        let data = ImpactListCodec.encode(exact, scoreBytes: scoreBytes)
        let list = try #require(ImpactListCodec.decode(data))
        #expect(list.postings.map(\.0) == exact.map(\.pmid).sorted())
        #expect(list.best == (exact.map(\.score).max() ?? 0))
        #expect(list.cutoff == (exact.map(\.score).min() ?? 0))
        let truth = Dictionary(uniqueKeysWithValues: exact.map { ($0.pmid, $0.score) })
        let maxLevel = Double(scoreBytes == 1 ? 255 : 65_535)
        for (pmid, bound) in list.postings {
            let score = try #require(truth[pmid])
            // A posting's score is a lower bound, and the slack an upper bound of the error.
            #expect(bound <= score, "rounded up: \(bound) > \(score)")
            #expect(score <= bound + list.slack, "slack too small: \(score) > \(bound) + \(list.slack)")
            #expect(bound >= list.cutoff)
        }
        // The slack is about one level, no more.
        #expect(list.slack <= (list.best - list.cutoff) / maxLevel * 1.001 + list.best * 1e-11)
    }

    @Test("round trip on random lists: PMIDs kept, scores rounded down by at most the slack", arguments: [1, 2])
    func randomRoundTrip(scoreBytes: Int) throws {
        for seed in UInt64(1)...40 {
            let count = [1, 2, 3, 17, 1000, 5000][Int(seed % 6)]
            let exact = Self.postings(count: count, seed: seed)
            try Self.check(exact, scoreBytes: scoreBytes)
        }
    }

    @Test("edge cases: empty, one posting, equal scores (exact: no slack), PMIDs far apart")
    func edgeCases() throws {
        try Self.check([], scoreBytes: 1)
        try Self.check([(7, 3.25)], scoreBytes: 1)
        let equal: [(pmid: Int64, score: Double)] = (1...50).map { (Int64($0) * 3, 0.125) }
        try Self.check(equal, scoreBytes: 1)
        #expect(ImpactListCodec.decode(ImpactListCodec.encode(equal))?.slack == 0)
        try Self.check([(1, 1.0), (Int64(UInt32.max) + 10, 2.0), (1 << 50, 1.5)], scoreBytes: 2)
    }

    @Test("scores just above a level boundary are never rounded up to it")
    func levelBoundaries() throws {
        // Scores at, just below and just above each level's value, where the division in the
        // encoder may round to the next level.
        let cutoff = 0.1, best = 7.3
        let step = (best - cutoff) / 255
        var exact: [(pmid: Int64, score: Double)] = [(1, cutoff), (2, best)]
        for level in 1..<255 {
            let value = cutoff + Double(level) * step
            exact += [(Int64(level * 3 + 10), value), (Int64(level * 3 + 11), value.nextDown), (Int64(level * 3 + 12), value.nextUp)]
        }
        try Self.check(exact, scoreBytes: 1)
    }

    @Test("a posting takes about 3 bytes (1 for the score, 1-2 for the PMID gap)")
    func size() throws {
        let exact = Self.postings(count: 5000, seed: 5) // PMIDs within 40,000: gaps under 128 mostly
        let data = ImpactListCodec.encode(exact)
        #expect(data.count < exact.count * 3)
        #expect(ImpactListCodec.decode(data.dropLast()) == nil)
        #expect(ImpactListCodec.decode(Data([0x01, 0x02])) == nil)
        #expect(ImpactListCodec.decode(Data()) == nil)
    }

    @Test("ranked hits from compact lists are exact bm25's, for 1- and 2-byte scores and every depth", arguments: [1, 2])
    func exactRanking(scoreBytes: Int) throws {
        let fixture = try SearchFixture()
        let index = TermImpactIndex(database: fixture.store.database, weights: fixture.searcher.weights)
        var settled = 0
        for listLength in [2, 4, 8, 1000] {
            try index.build(minimumDocuments: 1, listLength: listLength, scoreBytes: scoreBytes)
            for limit in [1, 2, 3, 4] where limit <= listLength / 2 {
                for query in ["ketamine OR depression", "depression OR cystitis OR sleep", "ketamine", "depression", "sleep",
                              "ketamine OR esketamine OR placebo OR trial", "trial OR placebo", "cystitis OR sleep"] {
                    if try fixture.expectListsMatchExact(query, limit: limit, "lists \(listLength)") { settled += 1 }
                }
            }
        }
        #expect(settled > 0)
    }

    @Test("a list in another format is ignored: the query is ranked exactly")
    func otherFormat() throws {
        let fixture = try SearchFixture()
        let database = fixture.store.database
        let index = TermImpactIndex(database: database, weights: fixture.searcher.weights)
        try index.build(minimumDocuments: 1, listLength: 4)
        #expect(try fixture.searcher.search("depression", options: SearchOptions(limit: 1)).ranking == .candidates)
        // The pre-perf-9 layout: (UInt32 pmid, Float64 score) pairs.
        var old = Data()
        for (pmid, score) in [(UInt32(1), -2.5), (UInt32(2), -1.0)] {
            withUnsafeBytes(of: pmid.littleEndian) { old.append(contentsOf: $0) }
            withUnsafeBytes(of: score.bitPattern.littleEndian) { old.append(contentsOf: $0) }
        }
        try database.execute("UPDATE term_impact_list SET postings = ? WHERE term = 'depress'", arguments: [old])
        let fast = try fixture.searcher.search("depression", options: SearchOptions(limit: 1))
        let exact = try fixture.searcher.search("depression", options: SearchOptions(limit: 1, allowsCandidateRanking: false))
        #expect(fast.ranking == .exact)
        #expect(fast.hits.map(\.pmid) == exact.hits.map(\.pmid))
    }

    @Test("the migration drops lists stored in the old format")
    func migrationDropsOldLists() throws {
        let database = try Database(path: ":memory:")
        let before = Array(Migrations.all.prefix { $0.name != "perf-9-compact-impact-lists" })
        #expect(Migrations.all[before.count].name == "perf-9-compact-impact-lists")
        try Migrations.migrate(database, migrations: before)
        try database.execute("INSERT INTO term_impact_list(term, documents, postings) VALUES ('x', 1, x'0100000000000000000000F0')")
        try database.execute("""
            INSERT INTO term_impact_state(id, state, documents, min_documents, list_length, built_at) VALUES (1, 's', 1, 1, 1, 'now')
            """)
        #expect(try Migrations.migrate(database).first == "perf-9-compact-impact-lists")
        #expect(try database.scalarInt("SELECT count(*) FROM term_impact_list") == 0)
        #expect(try database.scalarInt("SELECT count(*) FROM term_impact_state") == 0)
    }
}
