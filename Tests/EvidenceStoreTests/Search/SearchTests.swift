import Foundation
import Testing
import EvidenceTestSupport
import PubMed
@testable import EvidenceStore

private let ketamineSet: Set<Int64> = [1001, 1002, 1004, 1006, 1007, 1008, 1009, 1010]
private let depressSet: Set<Int64> = [1001, 1003, 1004, 1005, 1006, 1007, 1009]

@Suite("Search over fixture records")
struct SearchTests {
    @Test("query → expected PMIDs", arguments: [
        // Terms, phrases, awkward text
        ("ketamine", ketamineSet),
        ("ketamine's", ketamineSet),
        ("kétamine", ketamineSet),
        ("depression", depressSet),
        ("depress*", depressSet),
        ("treatment-resistant depression", [1001]),
        ("\"treatment resistant\"", [1001]),
        ("N-methyl-D-aspartate", [1001]),
        ("5-HT2A", [1002]),
        ("Montgomery-Åsberg", [1001]),
        ("montgomery-asberg", [1001]),
        ("p<0.05", [1001]),
        ("cystitis[ti] ketamine[ti]", [1008]),
        ("ketamine and children", [1002]),
        ("ketamine or nothing", []),
        ("esketintrd", [1010]),
        // Text fields
        ("ketamine[ti]", [1002, 1004, 1007, 1008, 1009, 1010]),
        ("ketamine[tiab]", [1002, 1004, 1007, 1008, 1009, 1010]),
        ("ketamine[ab]", [1002, 1004, 1007, 1008]),
        ("esketamine[tw]", [1001, 1006]),
        ("esketintrd[tw]", []),
        ("esketamine[all]", [1001, 1006]),
        ("late-life[tw]", [1003]),
        // Proximity
        ("\"depression ketamine\"[ti:~3]", [1007, 1009]),
        ("\"depression ketamine\"[ti:~2]", [1007]),
        ("\"depression ketamine\"[ti:~1]", []),
        ("\"ketamine depression\"[tiab:~5]", [1004, 1007, 1009]),
        ("\"ketamine depression\"[ab:~5]", [1004, 1007]),
        // Authors
        ("Smith J[au]", [1002, 1003, 1006, 1009]),
        ("Smith[au]", [1002, 1003, 1006, 1009]),
        ("Smith JA[au]", [1003]),
        ("smith*[au]", [1002, 1003, 1005, 1006, 1009]),
        ("Smith J[1au]", [1002, 1003]),
        ("Smith J[lastau]", [1006, 1009]),
        ("Ostergaard SD[au]", [1001]),
        ("Østergaard[au]", [1001]),
        ("Müller K[au]", [1004]),
        ("muller[au]", [1004]),
        ("O'Brien M[au]", [1009]),
        ("ESKETINTRD Study Group[au]", [1010]),
        ("Smith, J.[au]", [1002, 1003, 1006, 1009]),
        // MeSH
        ("Ketamine[mh]", ketamineSet),
        ("Ketamine[mh:noexp]", ketamineSet),
        ("Ketamine[majr]", [1002, 1004, 1006, 1009]),
        ("Depression[mh]", [1003, 1007, 1009]),
        ("depress*[mh]", [1001, 1003, 1006, 1007, 1009]),
        ("\"Depressive Disorder, Treatment-Resistant\"[mh]", [1001]),
        ("Ketamine/therapeutic use[mh]", [1004, 1006]),
        ("Ketamine/therapeutic use[majr]", [1004, 1006]),
        ("Ketamine/adverse effects[majr]", []),
        ("drug therapy[sh]", [1001, 1006, 1009]),
        // Types, dates, journals, languages, ids
        ("Randomized Controlled Trial[pt]", [1001]),
        ("review[pt]", [1003]),
        ("2019[dp]", [1001]),
        ("2015:2018[dp]", [1002, 1005, 1007, 1008]),
        ("2019/06[dp]", [1001]),
        ("2023/12/05[dp]", [1009]),
        ("2023/06:2024[dp]", [1009, 1010]),
        ("Am J Psychiatry[ta]", [1001, 1010]),
        ("am j psych*[ta]", [1001, 1010]),
        ("Lancet[journal]", [1003]),
        ("\"Journal of affective disorders\"[journal]", [1006]),
        ("fre[la]", [1004]),
        ("french[la]", [1004]),
        ("1005[pmid]", [1005]),
        ("1005[uid]", [1005]),
        ("10.1111/pan.1002[doi]", [1002]),
        ("10.1111/PAN.1002[doi]", [1002]),
        ("\"10.1016/S0140-6736(20)1003\"[doi]", [1003]),
        // Boolean structure, left to right
        ("ketamine[ti] OR depression[ti] AND review[pt]", [1003]),
        ("ketamine[ti] OR (depression[ti] AND review[pt])", [1002, 1003, 1004, 1007, 1008, 1009, 1010]),
        ("depression NOT ketamine", [1003, 1005]),
        ("ketamine NOT esketamine NOT Letter[pt]", [1002, 1004, 1007, 1008, 1009]),
        ("Smith J[au] NOT 2015[dp] OR Sleep[ta]", [1003, 1005, 1006, 1009]),
        ("(Smith J[au] OR Lee S[au]) AND ketamine[ti]", [1002, 1008, 1009]),
    ] as [(String, Set<Int64>)])
    func expectedPMIDs(query: String, expected: Set<Int64>) throws {
        let fixture = try SearchFixture()
        #expect(try fixture.pmids(query) == expected, "\(query)")
        // The count agrees with the set.
        #expect(try fixture.searcher.count(query) == expected.count, "\(query)")
    }

    @Test("a field term matching one record twice counts it once", arguments: [
        "Smith J[au]", "drug therapy[sh]", "depress*[mh]", "Depression/drug therapy[mh]", "Review[pt]",
    ])
    func fieldTermCountsRecordsOnce(query: String) throws {
        let (store, directory) = try Fixture.store()
        defer { directory.remove() }
        let depression = MeshHeading(descriptor: "Depression", qualifiers: [MeshQualifier(name: "drug therapy")])
        let resistant = MeshHeading(descriptor: "Depressive Disorder, Treatment-Resistant", qualifiers: [MeshQualifier(name: "drug therapy")])
        var twice = Fixture.record(1, authors: [Author(lastName: "Smith", initials: "J"), Author(lastName: "Smith", initials: "JA")],
                                   mesh: [depression, resistant])
        twice.publicationTypes = [PublicationType(name: "Review"), PublicationType(name: "Review")]
        try store.store(twice)
        var once = Fixture.record(2, authors: [Author(lastName: "Smith", initials: "J")], mesh: [depression])
        once.publicationTypes = [PublicationType(name: "Review")]
        try store.store(once)
        let searcher = ArticleSearcher(database: store.database)
        #expect(try searcher.count(query) == 2, "\(query)")
        #expect(try searcher.search(query).hits.map(\.pmid.value).sorted() == [1, 2], "\(query)")
        #expect(try searcher.search(query).total == 2, "\(query)")
    }

    @Test("english[la] matches every English record")
    func language() throws {
        let fixture = try SearchFixture()
        #expect(try fixture.pmids("english[la]") == Set((1001...1010).map(Int64.init)).subtracting([1004]))
    }

    @Test("ranking puts title matches first and highlights terms")
    func ranking() throws {
        let fixture = try SearchFixture()
        let results = try fixture.searcher.search("ketamine", options: SearchOptions(limit: 3))
        #expect(results.total == ketamineSet.count)
        #expect(results.hits.count == 3)
        let first = try #require(results.hits.first)
        #expect(first.title.hasMatches)
        #expect(first.title.bracketed.lowercased().contains("[ketamine]") || first.title.bracketed.lowercased().contains("[kétamine]"))
        let scores = results.hits.compactMap(\.score)
        #expect(scores == scores.sorted())
        #expect(results.ranking == .exact)
    }

    @Test("sort by date and pmid, paging, filters")
    func sortingAndFilters() throws {
        let fixture = try SearchFixture()
        let byDate = try fixture.searcher.search("ketamine", options: SearchOptions(limit: 3, sort: .date))
        #expect(byDate.hits.map(\.pmid.value) == [1010, 1009, 1006])
        let byPMID = try fixture.searcher.search("ketamine", options: SearchOptions(limit: 2, offset: 1, sort: .pmid))
        #expect(byPMID.hits.map(\.pmid.value) == [1002, 1004])
        let filtered = try fixture.searcher.search("ketamine", options: SearchOptions(since: 2017, until: 2022))
        #expect(Set(filtered.hits.map(\.pmid.value)) == [1001, 1004, 1006, 1007])
        let typed = try fixture.searcher.search("ketamine", options: SearchOptions(publicationTypes: ["Case Reports", "letter"]))
        #expect(Set(typed.hits.map(\.pmid.value)) == [1008, 1010])
        let fieldOnly = try fixture.searcher.search("Smith J[au]", options: SearchOptions())
        #expect(fieldOnly.hits.map(\.pmid.value) == [1009, 1006, 1003, 1002])
        #expect(fieldOnly.ranking == .unranked)
    }

    @Test("records matching only through a field criterion follow the ranked ones")
    func mixedOr() throws {
        let fixture = try SearchFixture()
        let results = try fixture.searcher.search("cystitis[ti] OR Smithson P[au]", options: SearchOptions(limit: 5))
        #expect(results.total == 2)
        #expect(results.hits.map(\.pmid.value) == [1008, 1005])
        #expect(results.hits[0].score != nil && results.hits[1].score == nil)
        let second = try fixture.searcher.search("cystitis[ti] OR Smithson P[au]", options: SearchOptions(limit: 1, offset: 1))
        #expect(second.hits.map(\.pmid.value) == [1005])
    }

    @Test("hits carry year, first author, journal, design and a snippet")
    func hitFields() throws {
        let fixture = try SearchFixture()
        let hit = try #require(try fixture.searcher.search("1001[pmid] AND esketamine", options: SearchOptions()).hits.first)
        #expect(hit.pmid.value == 1001)
        #expect(hit.year == 2019)
        #expect(hit.firstAuthor == "Popova V")
        #expect(hit.journal == "Am J Psychiatry")
        #expect(hit.design == .randomizedControlledTrial)
        #expect(hit.doi == "10.1176/appi.ajp.2019.19020172")
        #expect(hit.snippet.bracketed.contains("[Esketamine]"))
        #expect(!hit.snippet.plain.contains("\u{1}"))
    }

    @Test("designs derive from publication types, MeSH and text", arguments: [
        (1001, StudyDesign.randomizedControlledTrial), (1003, .review), (1004, .observational), (1005, .observational),
        (1006, .metaAnalysis), (1007, .preclinical), (1008, .caseReport), (1009, .clinicalTrial), (1010, .editorial),
    ] as [(Int64, StudyDesign)])
    func designs(pmid: Int64, design: StudyDesign) throws {
        let fixture = try SearchFixture()
        let hit = try #require(try fixture.searcher.search("\(pmid)[pmid]").hits.first)
        #expect(hit.design == design)
    }

    @Test("facets count the whole result set, not the page")
    func facets() throws {
        let fixture = try SearchFixture()
        let results = try fixture.searcher.search("ketamine", options: SearchOptions(limit: 1, facets: SearchFacet.allCases))
        #expect(results.hits.count == 1)
        #expect(results.facets[.year]?.map(\.value) == ["2024", "2023", "2022", "2021", "2019", "2017", "2016", "2015"])
        #expect(results.facets[.year]?.reduce(0) { $0 + $1.count } == ketamineSet.count)
        #expect(results.facets[.type]?.first == FacetCount(value: "Journal Article", count: 7))
        #expect(results.facets[.journal]?.first == FacetCount(value: "Am J Psychiatry", count: 2))
        #expect(results.facets[.mesh]?.first == FacetCount(value: "Ketamine", count: 8))
    }

    @Test("similar records share salient words or MeSH and say which")
    func similar() throws {
        let fixture = try SearchFixture()
        let similar = try fixture.searcher.similar(to: PMID(1001), limit: 3)
        #expect(similar.source.pmid.value == 1001)
        #expect(!similar.articles.isEmpty)
        #expect(!similar.articles.contains { $0.hit.pmid.value == 1001 })
        let top = try #require(similar.articles.first)
        #expect(!top.sharedTerms.isEmpty || !top.sharedMesh.isEmpty)
        #expect(similar.articles.map(\.similarity) == similar.articles.map(\.similarity).sorted(by: >))
        #expect(throws: SearchError.unknownPMID(42)) { try fixture.searcher.similar(to: PMID(42)) }
    }

    @Test("term impact lists rank broad ORs like exact bm25")
    func candidateRanking() throws {
        let fixture = try SearchFixture()
        let exact = try fixture.searcher.search("ketamine OR depression", options: SearchOptions(limit: 5, allowsCandidateRanking: false))
        #expect(exact.ranking == .exact)
        // Build lists with every term frequent enough (the fixture is tiny).
        let index = TermImpactIndex(database: fixture.store.database, weights: fixture.searcher.weights)
        #expect(try index.isCurrent() == false)
        try index.build(minimumDocuments: 1)
        #expect(try index.isCurrent())
        let fast = try fixture.searcher.search("ketamine OR depression", options: SearchOptions(limit: 5))
        #expect(fast.ranking == .candidates)
        #expect(fast.total == exact.total)
        #expect(fast.hits.map(\.pmid) == exact.hits.map(\.pmid))
        for (a, b) in zip(fast.hits.compactMap(\.score), exact.hits.compactMap(\.score)) {
            #expect(abs(a - b) < 1e-9)
        }
        // Truncated lists: the bounds either settle the top exactly (with rescoring) or give up.
        try index.build(minimumDocuments: 1, listLength: 4)
        for query in ["ketamine OR depression", "ketamine", "depression OR cystitis OR sleep", "the OR of OR and"] {
            let exactTop = try fixture.searcher.search(query, options: SearchOptions(limit: 2, allowsCandidateRanking: false))
            let top = try fixture.searcher.search(query, options: SearchOptions(limit: 2))
            #expect(top.hits.map(\.pmid) == exactTop.hits.map(\.pmid), "\(query) \(top.ranking)")
        }
    }

    @Test("bm25 computed outside FTS5 equals FTS5's own, term by term")
    func exactScorer() throws {
        let fixture = try SearchFixture()
        let weights = fixture.searcher.weights
        let totals = try IndexTotals(database: fixture.store.database)
        #expect(totals.rows == 10)
        let scorer = ExactTermScorer(database: fixture.store.database, weights: weights, rows: totals.rows, averageLength: totals.averageLength)
        for term in ["ketamin", "depress", "smith", "the"] {
            let fts = try fixture.store.database.query(
                "SELECT rowid, \(weights.bm25Call) FROM article_fts WHERE article_fts MATCH ?", arguments: [FTS5Expression.string(term)]) {
                ($0.int64(0), $0.double(1))
            }
            #expect(!fts.isEmpty, "\(term)")
            let documents = try #require(try fixture.store.database.scalarInt("SELECT doc FROM article_fts_vocab WHERE term = ?", arguments: [term]))
            let ours = try scorer.scores(pmids: fts.map(\.0), terms: [term: Int(documents)])
            for (pmid, score) in fts {
                #expect(abs((ours[pmid]?[term] ?? 0) - abs(score)) < 1e-9, "\(term) \(pmid)")
            }
        }
    }
}
