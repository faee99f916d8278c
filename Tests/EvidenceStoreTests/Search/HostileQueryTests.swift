import Foundation
import Testing
@testable import EvidenceStore

/// Queries that try to break the parser, the FTS5 expression or the SQL: each must either
/// run or fail with a `QueryError`, never crash and never surface an SQLite/FTS5 error.
@Suite("Hostile and awkward queries")
struct HostileQueryTests {
    static let queries: [String] = [
        "'; DROP TABLE article; --", "ketamine\" OR \"1\"=\"1", "\" OR 1=1 --", "title:ketamine", "{title}: ketamine",
        "NEAR(ketamine depression)", "NEAR(ketamine depression, 2)", "ketamine + depression", "^ketamine", "ketamine:*",
        "\"", "'", "''", "\"\"", "\" \"", "\"*\"", "*", "**", "ket*mine", "*ketamine",
        "(", ")", "((((", "))))", "()", "(()())", "[", "]", "[]", "[tiab",
        "ketamine[", "ketamine]", "ketamine[tiab][ti]", "[tiab]ketamine", "AND", "OR OR", "NOT NOT", "AND OR NOT",
        "ketamine AND", "ketamine NOT", "ketamine[dp]", "abc[pmid]", "0[pmid]", "99999999999999999999[pmid]",
        "2019/13[dp]", "2019/02/30[dp]", "0000[dp]", "x[tiab:~]", "x[tiab:~99999]", "\"a b\"[au:~3]",
        "(a OR b)[au]", "(a)[tiab]", "\\", "%", "_[au]", "%[ta]", "a*[ta]", "%%%[au]", "\\%[journal]",
        "ketamine[TIAB]", "ketamine [ tiab ]", "ﬁbrosis", "İstanbul", "straße", "日本語", "🙂", "🙂[au]",
        "a\u{301}", "ke\u{200B}tamine", "\u{0}", "ketamine\u{0}depression", "\u{7}\u{1B}[31m", "\u{202E}enimatek",
        "\t\n ketamine \r\n", String(repeating: "a", count: 10_000), String(repeating: "ketamine ", count: 300),
        String(repeating: "(", count: 200) + "x", String(repeating: "\"a\" ", count: 100), "x OR " + String(repeating: "y OR ", count: 100) + "z",
        "-", "--", "- -", "-ketamine", "NOT", "ketamine NOT NOT depression", "a[sh]", "/[mh]", "a/[mh]", "/b[mh]",
        "10.1/(x)[doi]", "doi:[doi]", "rowid[pmid]", "1 OR 1[pmid]", "[la]", "xx[la]", "Case Reports[pt] NOT Case Reports[pt]",
        "SELECT * FROM article", "ketamine); DELETE FROM article; --", "x' OR 'a'='a", "\"a\"\"b\"", "{", "}", ":", "a:b:c",
        "1e999", "-1[pmid]", "+", "ketamine*[tiab]", "\"ketamine\"*[ti]", "*[tiab]", "\"a b\"[tiab:~0]",
    ]

    @Test("never crashes or leaks an SQLite error")
    func hostile() throws {
        #expect(Self.queries.count >= 50)
        let fixture = try SearchFixture()
        for query in Self.queries {
            do {
                let results = try fixture.searcher.search(query, options: SearchOptions(limit: 5, facets: [.year]))
                #expect(results.total >= 0)
                _ = try fixture.searcher.count(query)
                _ = QueryExplanation(results.query).description
            } catch let error as SearchError {
                guard case .query(let queryError) = error else {
                    Issue.record("query \(query.debugDescription) failed in the index: \(error)")
                    continue
                }
                #expect(!queryError.description.lowercased().contains("sqlite"))
                #expect(!queryError.description.lowercased().contains("fts5"))
                #expect(queryError.column >= 1)
            } catch {
                Issue.record("query \(query.debugDescription) threw \(error)")
            }
        }
        // Nothing was dropped or changed.
        #expect(try fixture.store.articleCount() == 10)
    }
}
