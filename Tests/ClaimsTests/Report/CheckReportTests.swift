import Claims
import EvidenceStore
import EvidenceTestSupport
import Foundation
import Testing

@Suite("The JSON report")
struct CheckReportTests {
    static func report() throws -> (CheckReport, ArticleCheck) {
        let (store, directory) = try Fixtures.evidenceIndex()
        defer { store.close(); directory.remove() }
        let checker = ClaimChecker(lexicon: try Fixtures.lexicon(), index: StoreEvidenceIndex(store: store))
        let (article, _) = try Fixtures.markedArticle("articles/list-items-and-marketing.txt")
        let check = try checker.check(article)
        return (CheckReport(check, tool: "evidence test"), check)
    }

    /// Compares with the golden file; `UPDATE_GOLDEN=1` rewrites it (review the diff!).
    @Test("the JSON output matches the golden file byte for byte")
    func golden() throws {
        let (report, _) = try Self.report()
        let json = String(decoding: try report.jsonData(), as: UTF8.self) + "\n"
        let golden = SharedData.projectRoot.appendingPathComponent("Tests/ClaimsTests/Fixtures/golden/list-items-and-marketing.report.json")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try json.write(to: golden, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(json == expected)
    }

    @Test("the documented top-level and per-claim keys are present")
    func schemaKeys() throws {
        let (report, _) = try Self.report()
        let object = try #require(try JSONSerialization.jsonObject(with: report.jsonData()) as? [String: Any])
        for key in ["schema", "article", "snapshot", "claims", "skipped", "summary", "lexicon", "tool"] {
            #expect(object[key] != nil, "missing \(key)")
        }
        #expect(object["schema"] as? String == "evidence.check-report/1")
        let claims = try #require(object["claims"] as? [[String: Any]])
        let withCitations = try #require(claims.first { ($0["citations"] as? [Any])?.isEmpty == false })
        for key in ["id", "text", "start", "end", "type", "slots", "verdict", "reason", "citations"] {
            #expect(withCitations[key] != nil, "claim missing \(key)")
        }
        let citations = try #require(withCitations["citations"] as? [[String: Any]])
        for key in ["pmid", "stance", "score", "quote", "design", "n", "year"] where key != "n" {
            #expect(citations[0][key] != nil, "citation missing \(key)")
        }
    }

    @Test("citations are ordered best first")
    func order() throws {
        let (report, _) = try Self.report()
        for claim in report.claims {
            let stanceBearing = claim.citations.map { $0.stance != "mentions" }
            #expect(stanceBearing == stanceBearing.sorted { $0 && !$1 }, "stance-bearing citations come first in \(claim.id)")
        }
    }

    @Test("offsets in the report select the claim's text in the original article")
    func offsets() throws {
        let (report, check) = try Self.report()
        for claim in report.claims {
            let text = check.article.original.string(TextSpan(start: claim.start, end: claim.end))
            #expect(claim.text.hasSuffix(text) || text == claim.text, "\(claim.id): \(text)")
        }
    }
}
