import Foundation
import Testing
import EvidenceTestSupport
@testable import EvidenceStore

/// Text ANDed with field criteria runs as one FTS5 match filtered hit by hit
/// (`FilteredMatch`): same set, same total, same ranking as the set-operation SQL.
@Suite("Filtered match: text with field criteria in one pass")
struct FilteredMatchTests {
    static func compiled(_ text: String) throws -> CompiledQuery {
        QueryCompiler.compile(try SearchQuery(text))
    }

    static func expression(_ text: String) throws -> String {
        try #require(FTS5Expression.expression(for: try SearchQuery(text).root))
    }

    @Test("queries that are text ANDed with fields decompose; others do not", arguments: [
        ("ketamine AND 2015:2020[dp]", true),
        ("esketamine[ti] AND Randomized Controlled Trial[pt]", true),
        ("esketamine NOT Review[pt]", true),
        ("2019[dp] AND ketamine", true),
        ("ketamine AND 2020[dp] NOT esketamine", true),
        ("ketamine NOT (esketamine OR Review[pt])", true),
        ("ketamine AND (Review[pt] OR eng[la])", true),
        ("ketamine", false),
        ("ketamine AND esketamine", false),
        ("Review[pt]", false),
        ("ketamine OR Review[pt]", false),
        ("(ketamine OR Smith J[au]) AND 2020[dp]", false),
        ("2020[dp] NOT ketamine", false),
        ("Review[pt] AND 2020[dp]", false),
    ])
    func decomposes(query: String, expected: Bool) throws {
        let compiled = try Self.compiled(query)
        #expect((compiled.filteredMatch != nil) == expected, "\(query)")
        if compiled.filteredMatch != nil { #expect(compiled.matchExpression == nil) }
    }

    @Test("the expression holds the positive text; the predicate the fields")
    func parts() throws {
        let date = try #require(try Self.compiled("ketamine AND 2015:2020[dp]").filteredMatch)
        #expect(date.expression == (try Self.expression("ketamine")))
        #expect(date.predicateSQL.contains("pub_year BETWEEN ? AND ?"))
        #expect(date.arguments == [.integer(2015), .integer(2020)])

        let negated = try #require(try Self.compiled("ketamine AND 2020[dp] NOT esketamine").filteredMatch)
        #expect(negated.expression == "(\(try Self.expression("ketamine"))) NOT \(try Self.expression("esketamine"))")

        let notType = try #require(try Self.compiled("esketamine NOT Review[pt]").filteredMatch)
        #expect(notType.predicateSQL == "NOT +article_fts.rowid IN (SELECT pmid FROM publication_type WHERE name = ? COLLATE NOCASE)")
        #expect(notType.arguments == [.text("Review")])

        let two = try #require(try Self.compiled("ketamine AND 2019[dp] AND depression").filteredMatch)
        #expect(two.expression == "\(try Self.expression("ketamine")) AND \(try Self.expression("depression"))")
    }

    /// Every way of asking must agree: the PMID set (set-operation SQL), `count`, the total
    /// and the hits of `search`, and the order bm25 gives over the ranking expression.
    static func checkAgreement(_ fixture: SearchFixture, _ query: String, options: SearchOptions = SearchOptions(),
                               sourceLocation: SourceLocation = #_sourceLocation) throws {
        let parsed = options.filtered(try ArticleSearcher.parse(query))
        let compiled = QueryCompiler.compile(parsed)
        let expected = Set(try fixture.searcher.pmids(parsed).map(\.value))
        #expect(try fixture.searcher.count(query, options: options) == expected.count, "\(query) count", sourceLocation: sourceLocation)
        var all = options
        all.limit = 1000
        let results = try fixture.searcher.search(query, options: all)
        #expect(results.total == expected.count, "\(query) total", sourceLocation: sourceLocation)
        #expect(Set(results.hits.map(\.pmid.value)) == expected, "\(query) hits", sourceLocation: sourceLocation)
        guard let ranking = compiled.rankingExpression, compiled.filteredMatch != nil else { return }
        // The reference order: bm25 over the ranking expression, restricted to the set.
        let reference = try fixture.store.database.query("""
            SELECT rowid, \(fixture.searcher.weights.bm25Call) AS score FROM article_fts WHERE article_fts MATCH ?
            AND rowid IN (\(compiled.pmidSQL)) ORDER BY score, rowid
            """, arguments: [ranking] + ArticleSearcher.bindable(compiled.arguments)) { ($0.int64(0), $0.double(1)) }
        #expect(results.hits.map(\.pmid.value) == reference.map(\.0), "\(query) order", sourceLocation: sourceLocation)
        for (hit, row) in zip(results.hits, reference) {
            #expect(abs((hit.score ?? 0) - row.1) < 1e-9, "\(query) score of \(row.0)", sourceLocation: sourceLocation)
        }
        // A page further down is the same slice of that order.
        var page = options
        page.limit = 2
        page.offset = 1
        let paged = try fixture.searcher.search(query, options: page)
        #expect(paged.hits.map(\.pmid.value) == Array(reference.map(\.0).dropFirst(1).prefix(2)), "\(query) page",
                sourceLocation: sourceLocation)
        #expect(paged.total == expected.count, "\(query) page total", sourceLocation: sourceLocation)
    }

    @Test("totals, hits and order agree with the set SQL on the fixture", arguments: [
        "ketamine AND 2015:2018[dp]", "ketamine NOT Review[pt]", "ketamine[ti] AND eng[la]", "ketamine AND fre[la]",
        "depression AND 2023/06:2024[dp]", "ketamine AND Smith J[au]", "ketamine NOT esketamine NOT Letter[pt]",
        "ketamine AND 2015:2024[dp] NOT esketamine", "ketamine NOT (esketamine OR Review[pt])",
        "ketamine AND (Review[pt] OR 2019[dp])", "ketamine AND 1990[dp]", "ketamine AND 1003[pmid]",
        "(Smith J[au] OR Lee S[au]) AND ketamine[ti]", "ketamine AND (Smith J[au] OR 1003[pmid])", "ketamine NOT (Smith J[au] OR 1002[pmid])",
    ])
    func fixtureAgreement(query: String) throws {
        try Self.checkAgreement(try SearchFixture(), query)
    }

    @Test("--since, --until and --type take the filtered path and agree")
    func optionFilters() throws {
        let fixture = try SearchFixture()
        let options = SearchOptions(since: 2017, until: 2022)
        #expect(QueryCompiler.compile(options.filtered(try ArticleSearcher.parse("ketamine"))).filteredMatch != nil)
        try Self.checkAgreement(fixture, "ketamine", options: options)
        try Self.checkAgreement(fixture, "ketamine OR depression", options: SearchOptions(publicationTypes: ["Review", "Randomized Controlled Trial"]))
    }

    static let files = ["corpus/ketamine/esketamine-trd-records.xml", "corpus/ketamine/esketamine-trials-efetch.xml"]
    static let texts = ["ketamine", "esketamine", "depression", "placebo", "\"nasal spray\"", "suicid*", "trial[ti]",
                        "dissociation[tiab]", "(ketamine OR esketamine)", "\"esketamine depression\"[tiab:~5]", "(placebo NOT response)"]
    static let fields = ["Review[pt]", "Randomized Controlled Trial[pt]", "Humans[mh]", "2020:2022[dp]", "2024[dp]", "eng[la]",
                         "Daly EJ[au]", "J Clin Psychiatry[ta]", "drug therapy[sh]", "(Review[pt] OR 2024[dp])", "2019/06:2021[dp]"]

    @Test("random text/field conjunctions agree with the set SQL on a real index",
          .enabled(if: files.allSatisfy(SharedData.isAvailable)))
    func randomAgreement() throws {
        let fixture = try SearchFixture(paths: try Self.files.map { try SharedData.url($0).path })
        var generator = SeededGenerator(seed: 20_261_127_3)
        var nonEmpty = 0
        for _ in 0..<60 {
            let text = Self.texts[Int(generator.next() % UInt64(Self.texts.count))]
            let other = Self.texts[Int(generator.next() % UInt64(Self.texts.count))]
            let field = Self.fields[Int(generator.next() % UInt64(Self.fields.count))]
            let query: String
            switch generator.next() % 4 {
            case 0: query = "\(text) AND \(field)"
            case 1: query = "\(field) AND \(text) NOT \(other)"
            case 2: query = "\(text) NOT \(field)"
            default:
                // Two positive texts sharing a word would score it twice (as a text-only
                // query does), unlike the de-duplicated ranking expression of the reference.
                let leaves = { (text: String) throws -> Set<String> in
                    Set(try SearchQuery(text).root.positiveTextLeaves.compactMap { FTS5Expression.expression(for: $0) })
                }
                query = try leaves(text).isDisjoint(with: try leaves(other)) ? "\(text) AND \(other) AND \(field)" : "\(text) AND \(field)"
            }
            #expect(QueryCompiler.compile(try SearchQuery(query)).filteredMatch != nil, "\(query)")
            try Self.checkAgreement(fixture, query)
            if try fixture.searcher.count(query) > 0 { nonEmpty += 1 }
        }
        #expect(nonEmpty > 20)
    }
}

@Suite("Filtered match in --explain")
struct FilteredMatchExplanationTests {
    @Test("explain shows the single pass and its filter")
    func explanation() throws {
        let text = QueryExplanation(try SearchQuery("ketamine AND 2015:2020[dp]")).description
        let typed = QueryExplanation(try SearchQuery("ketamine NOT Review[pt]")).description
        #expect(typed.contains("AND NOT +article_fts.rowid IN (SELECT pmid FROM publication_type WHERE name = ? COLLATE NOCASE)"))
        #expect(text.hasSuffix("""
            Ranked and counted in one FTS5 pass, each hit filtered by PMID:
              MATCH "ketamine"
              AND +article_fts.rowid IN (SELECT pmid FROM article WHERE pub_year BETWEEN ? AND ?)
              ?2 = 2015
              ?3 = 2020
            """))
        #expect(!QueryExplanation(try SearchQuery("ketamine OR 2015[dp]")).description.contains("one FTS5 pass"))
    }
}
