import Testing
@testable import EvidenceStore

/// Error messages are pinned word for word: users read them and scripts quote them.
@Suite("Query errors")
struct QueryErrorTests {
    @Test("each mistake gets its sentence, column and fix", arguments: [
        ("ketamine[tiabx]", "unknown field tag [tiabx] at column 9; did you mean [tiab]?"),
        ("ketamine[mhh]", "unknown field tag [mhh] at column 9; did you mean [mh]?"),
        ("ketamine[zzzzzzzz]", "unknown field tag [zzzzzzzz] at column 9; known tags are [tiab] [ti] [ab] [tw] [all] [au] [1au] [lastau] [mh] [mh:noexp] [majr] [sh] [pt] [dp] [ta] [journal] [la] [pmid] [uid] [doi]"),
        ("", "empty query; give at least one search term, e.g. ketamine[tiab]"),
        ("   ", "empty query; give at least one search term, e.g. ketamine[tiab]"),
        ("- * <", "no searchable terms at column 1; use words with letters or digits, e.g. ketamine"),
        ("(ketamine OR depression", "unclosed parenthesis at column 1; add ) to close it or remove ("),
        ("ketamine)", "unmatched ) at column 9; remove it or add ( before the group"),
        ("ketamine AND ()", "empty parentheses at column 14; put terms inside or remove them"),
        ("\"nasal spray", "unclosed quote at column 1; add \" to end the phrase"),
        ("ketamine[tiab", "unclosed field tag at column 9; add ] to end it"),
        ("ketamine]", "unmatched ] at column 9; remove it or add [ before the field tag"),
        ("ketamine[]", "empty field tag [] at column 9; write a tag such as [tiab]"),
        ("AND ketamine", "AND has no term before it at column 1; put a term before AND or remove it"),
        ("NOT ketamine", "NOT has no term before it at column 1; put a term before NOT, e.g. depression NOT ketamine"),
        ("ketamine OR", "OR has no term after it at column 10; add a term after OR or remove it"),
        ("(ketamine AND) OR x", "AND has no term after it at column 11; add a term after AND or remove it"),
        ("ketamine AND OR depression", "OR follows AND with no term between them at column 14; remove one of them or put a term between them"),
        ("[tiab]", "field tag [tiab] has no term before it at column 1; write it right after a term, e.g. ketamine[tiab]"),
        ("(a OR b)[au]", "field tag [au] cannot apply to a parenthesised group at column 9; tag each term inside the parentheses"),
        ("\"a b\"[tiab:~x]", "invalid proximity [tiab:~x] at column 6; write a distance in words from 0 to 1000, e.g. [tiab:~3]"),
        ("\"a b\"[au:~3]", "proximity [au:~3] is not available for [au] at column 6; use ~N with [tiab], [ti] or [ab], e.g. \"ketamine depression\"[tiab:~3]"),
        ("2019/13[dp]", "invalid date 2019/13 at column 1; write YYYY, YYYY/MM, YYYY/MM/DD or a range such as 2015:2020[dp]"),
        ("ketamine[dp]", "invalid date ketamine at column 1; write YYYY, YYYY/MM, YYYY/MM/DD or a range such as 2015:2020[dp]"),
        ("abc[pmid]", "invalid PMID abc at column 1; a PMID is a positive whole number, e.g. 31109201[pmid]"),
        ("--[au]", "nothing to search for before [au] at column 1; use letters or digits, e.g. ketamine[au]"),
    ])
    func pinned(query: String, message: String) {
        #expect(throws: QueryError.self) { try SearchQuery(query) }
        do {
            _ = try SearchQuery(query)
        } catch let error as QueryError {
            #expect(error.description == message)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test("nesting and size are bounded")
    func limits() {
        let deep = String(repeating: "(", count: 60) + "a" + String(repeating: ")", count: 60)
        #expect(throws: QueryError.self) { try SearchQuery(deep) }
        let long = (1...600).map { "w\($0)" }.joined(separator: " OR ")
        #expect(throws: QueryError.self) { try SearchQuery(long) }
        let fine = String(repeating: "(", count: 40) + "a" + String(repeating: ")", count: 40)
        #expect(throws: Never.self) { try SearchQuery(fine) }
    }

    @Test("suggestions come from the closest known tag")
    func suggestions() {
        #expect(FieldTag.suggestion(for: "tiabx") == "tiab")
        #expect(FieldTag.suggestion(for: "MAJR") == "majr")
        #expect(FieldTag.suggestion(for: "lastauthor") == "last author")
        #expect(FieldTag.suggestion(for: "qwertyuiop") == nil)
    }
}
