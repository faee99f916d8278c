import Foundation
import Testing
@testable import EvidenceStore

@Suite("evidence_bm25: bm25 with the document counts given")
struct Bm25FunctionTests {
    /// Every row's built-in bm25 and evidence_bm25 for `expression`, by rowid.
    private func scores(_ database: Database, table: String, expression: String, phrases: [String],
                        weights: String) throws -> [(Int64, Double, Double)] {
        let counts = try phrases.map { phrase in
            try database.scalarInt("SELECT count(*) FROM \(table) WHERE \(table) MATCH ?", arguments: [phrase]) ?? 0
        }
        let countArguments = counts.map { ", \($0)" }.joined()
        return try database.query("""
            SELECT rowid, bm25(\(table), \(weights)), evidence_bm25(\(table), \(weights)\(countArguments))
            FROM \(table) WHERE \(table) MATCH ? ORDER BY rowid
            """, arguments: [expression]) { ($0.int64(0), $0.double(1), $0.double(2)) }
    }

    @Test("equals the built-in bm25 on the search fixture, with the index's column weights")
    func fixture() throws {
        let fixture = try SearchFixture()
        let database = fixture.store.database
        let weights = fixture.searcher.weights.bm25Arguments
        let cases: [(String, [String])] = [
            ("\"ketamine\"", ["\"ketamine\""]),
            ("\"ketamine\" OR \"depression\"", ["\"ketamine\"", "\"depression\""]),
            ("\"the\" OR \"of\" OR \"and\"", ["\"the\"", "\"of\"", "\"and\""]),
            ("\"ketamine\" OR \"esketamine\" OR \"placebo\" OR \"trial\"",
             ["\"ketamine\"", "\"esketamine\"", "\"placebo\"", "\"trial\""]),
            ("\"treatment resistant\" AND \"depression\"", ["\"treatment resistant\"", "\"depression\""]),
            ("{title} : \"ketamine\" OR \"sleep\"", ["{title} : \"ketamine\"", "\"sleep\""]),
        ]
        var compared = 0
        for (expression, phrases) in cases {
            let rows = try scores(database, table: "article_fts", expression: expression, phrases: phrases, weights: weights)
            for (rowid, builtIn, ours) in rows {
                #expect(abs(builtIn - ours) <= 1e-9 * max(1, abs(builtIn)), "\(expression) row \(rowid): \(builtIn) vs \(ours)")
                compared += 1
            }
        }
        #expect(compared > 10)
    }

    @Test("equals the built-in bm25 with uneven column weights, a NULL weight (0, as bm25 reads it), and more phrases than fit on the stack")
    func weightsAndPhrases() throws {
        let database = try Database(path: ":memory:")
        try database.execute("CREATE VIRTUAL TABLE doc USING fts5(a, b, tokenize='porter fold unicode61 remove_diacritics 2')")
        let words = (0..<20).map { "w\($0)" }
        var generator = SystemRandomNumberGenerator()
        for row in 1...200 {
            // Skewed word frequencies, so that idf ranges from floored (common words) to high (rare ones).
            func word() -> String { words[Int(pow(Double.random(in: 0..<1, using: &generator), 3) * Double(words.count))] }
            let a = (0..<Int.random(in: 1...8, using: &generator)).map { _ in word() }
            let b = (0..<Int.random(in: 0...40, using: &generator)).map { _ in word() }
            try database.execute("INSERT INTO doc(rowid, a, b) VALUES (?, ?, ?)",
                                 arguments: [row, a.joined(separator: " "), b.joined(separator: " ")])
        }
        let phrases = words.map { "\"\($0)\"" }
        for weights in ["1, 1", "3.5, 0.25", "2, NULL"] {
            let rows = try scores(database, table: "doc", expression: phrases.joined(separator: " OR "), phrases: phrases, weights: weights)
            #expect(rows.count == 200)
            for (rowid, builtIn, ours) in rows {
                #expect(abs(builtIn - ours) <= 1e-9 * max(1, abs(builtIn)), "weights \(weights) row \(rowid): \(builtIn) vs \(ours)")
            }
        }
    }

    @Test("a missing document count is an error, not a guess")
    func missingCount() throws {
        let database = try Database(path: ":memory:")
        try database.execute("CREATE VIRTUAL TABLE doc USING fts5(a)")
        try database.execute("INSERT INTO doc(a) VALUES ('x y')")
        #expect(throws: (any Error).self) {
            try database.query("SELECT evidence_bm25(doc, 1) FROM doc WHERE doc MATCH 'x'") { $0.double(0) }
        }
        #expect(throws: (any Error).self) {
            try database.query("SELECT evidence_bm25(doc, 1, NULL) FROM doc WHERE doc MATCH 'x'") { $0.double(0) }
        }
    }
}
