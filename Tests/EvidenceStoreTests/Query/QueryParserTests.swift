import Testing
@testable import EvidenceStore

@Suite("Query parser")
struct QueryParserTests {
    private func understood(_ text: String) throws -> String {
        try SearchQuery(text).description
    }

    @Test("operators apply strictly left to right without parentheses", arguments: [
        ("a OR b AND c", "(a OR b) AND c"),
        ("a AND b OR c", "(a AND b) OR c"),
        ("a NOT b OR c", "(a NOT b) OR c"),
        ("a OR b NOT c AND d", "((a OR b) NOT c) AND d"),
        ("a OR (b AND c)", "a OR (b AND c)"),
        ("(a OR b) AND (c OR d)", "(a OR b) AND (c OR d)"),
        ("a b OR c", "(a AND b) OR c"),
        ("a b c", "(a AND b) AND c"),
    ])
    func leftToRight(query: String, expected: String) throws {
        #expect(try understood(query) == expected)
    }

    @Test("lower-case and/or/not are plain terms")
    func lowerCaseOperators() throws {
        #expect(try understood("ketamine and depression") == "(ketamine AND and) AND depression")
        #expect(try understood("a or b") == "(a AND or) AND b")
        #expect(try understood("not this") == "not AND this")
        #expect(try understood("And Or") == "And AND Or")
    }

    @Test("text that must just work", arguments: [
        ("treatment-resistant depression", "\"treatment resistant\" AND depression"),
        ("N-methyl-D-aspartate", "\"N methyl D aspartate\""),
        ("5-HT2A", "\"5 HT2A\""),
        ("Montgomery-Åsberg", "\"Montgomery Åsberg\""),
        ("p<0.05", "\"p 0 05\""),
        ("ketamine's", "ketamine"),
        ("ketamine’s effect", "ketamine AND effect"),
        ("SSRI/SNRI", "\"SSRI SNRI\""),
        ("2019", "2019"),
        ("depress*", "depress*"),
        ("\"breast feed*\"", "\"breast feed\"*"),
        ("kétamine", "kétamine"),
        ("-ketamine", "ketamine"),
        ("\"AND\"", "\"AND\""),
        ("ketamine - depression", "ketamine AND depression"),
        ("“nasal spray”", "\"nasal spray\""),
    ])
    func awkwardText(query: String, expected: String) throws {
        #expect(try understood(query) == expected)
    }

    @Test("field tags are case-insensitive and accept PubMed's long names", arguments: [
        ("ketamine[TIAB]", "ketamine[tiab]"),
        ("ketamine[Title/Abstract]", "ketamine[tiab]"),
        ("ketamine [ti]", "ketamine[ti]"),
        ("ketamine[ab]", "ketamine[ab]"),
        ("ketamine[tw]", "ketamine[tw]"),
        ("ketamine[All Fields]", "ketamine"),
        ("Smith J[au]", "\"smith j\"[au]"),
        ("Smith J[Author]", "\"smith j\"[au]"),
        ("Smith J[1au]", "\"smith j\"[1au]"),
        ("Smith J[lastau]", "\"smith j\"[lastau]"),
        ("Østergaard SD[au]", "\"ostergaard sd\"[au]"),
        ("smi*[au]", "smi*[au]"),
        ("Ketamine[mh]", "ketamine[mh]"),
        ("Ketamine[MeSH Terms]", "ketamine[mh]"),
        ("Ketamine[mh:noexp]", "ketamine[mh]"),
        ("Ketamine[majr]", "ketamine[majr]"),
        ("Ketamine/therapeutic use[mh]", "\"ketamine/therapeutic use\"[mh]"),
        ("drug therapy[sh]", "\"drug therapy\"[sh]"),
        ("Randomized Controlled Trial[pt]", "\"Randomized Controlled Trial\"[pt]"),
        ("2019[dp]", "2019[dp]"),
        ("2015:2020[dp]", "2015:2020[dp]"),
        ("2019/06[dp]", "2019/06[dp]"),
        ("2019/06/01:2020[dp]", "2019/06/01:2020[dp]"),
        ("2020:2015[dp]", "2015:2020[dp]"),
        ("Am J Psychiatry[ta]", "\"Am J Psychiatry\"[ta]"),
        ("Lancet[journal]", "Lancet[ta]"),
        ("english[la]", "eng[la]"),
        ("31109201[pmid]", "31109201[pmid]"),
        ("31109201[uid]", "31109201[pmid]"),
        ("10.1176/appi.ajp.2019.19020172[doi]", "\"10.1176/appi.ajp.2019.19020172\"[doi]"),
        ("https://doi.org/10.1/x[doi]", "\"10.1/x\"[doi]"),
        ("\"ketamine depression\"[tiab:~3]", "\"ketamine depression\"[tiab:~3]"),
        ("\"ketamine depression\"[ti:~0]", "\"ketamine depression\"[ti:~0]"),
        ("\"ketamine depression\"[ab:~10]", "\"ketamine depression\"[ab:~10]"),
        ("heart attack[tiab]", "\"heart attack\"[tiab]"),
        ("(ketamine OR esketamine)[ti]", "ketamine[ti] OR esketamine[ti]"),
    ])
    func fieldTags(query: String, expected: String) throws {
        #expect(try understood(query) == expected)
    }

    @Test("a tag binds to the run of words before it, back to the last operator")
    func tagBinding() throws {
        #expect(try understood("ketamine AND Smith J[au]") == "ketamine AND \"smith j\"[au]")
        #expect(try understood("\"nasal spray\" Smith J[au]") == "\"nasal spray\" AND \"smith j\"[au]")
    }

    @Test("the tree is typed: terms, phrases, criteria")
    func treeShape() throws {
        let query = try SearchQuery("\"treatment resistant\"[tiab] OR Popova V[1au] NOT 2019[dp]")
        guard case .not(.or(.text(let term), .field(.author(let name, let position, _))), .field(.publicationDate(let range))) = query.root else {
            Issue.record("unexpected tree \(query.root)")
            return
        }
        #expect(term.tokens == ["treatment", "resistant"])
        #expect(term.scope == .titleAbstract)
        #expect(name == "popova v")
        #expect(position == .first)
        #expect(range.from.lowerBound == "2019-01-01" && range.to.upperBound == "2019-12-31")
    }

    @Test("punctuation-only words are left out, not errors")
    func ignoredWords() throws {
        let query = try SearchQuery("ketamine & - depression")
        #expect(query.description == "ketamine AND depression")
        #expect(query.ignoredWords == ["&", "-"])
    }

    @Test("the canonical form parses back to the same tree", arguments: [
        "a OR b AND c", "treatment-resistant depression[tiab] NOT review[pt]", "Smith J[au] 2015:2020[dp]",
        "\"a b\"[tiab:~3] OR depress*", "(x OR y)[ti] AND english[la]", "Ketamine/drug therapy[majr]",
    ])
    func roundTrip(query: String) throws {
        let parsed = try SearchQuery(query)
        let again = try SearchQuery(parsed.description)
        #expect(again.description == parsed.description)
        #expect(QueryCompiler.compile(again) == QueryCompiler.compile(parsed))
    }
}
