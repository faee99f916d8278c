import CitationExport
import PubMed
import Testing

struct BibTeXKeyTests {
    static func record(_ pmid: Int64, last: String? = nil, group: String? = nil, year: Int?, title: String) -> PubMedRecord {
        var record = PubMedRecord(pmid: PMID(pmid))
        if let last { record.authors = [Author(lastName: last, foreName: "A", initials: "A")] }
        if let group { record.authors = [Author(collectiveName: group)] }
        record.pubDate = year.map { PubDate(year: $0) }
        record.title = title
        return record
    }

    @Test("Keys are family name, year and first significant title word, folded to ASCII", arguments: [
        (record(1, last: "Daly", year: 2019, title: "Efficacy of Esketamine Nasal Spray Plus Oral Antidepressant Treatment"), "daly2019esketamine"),
        (record(2, last: "Müller-Łęcki", year: 2020, title: "The role of ketamine"), "mullerlecki2020ketamine"),
        (record(3, last: "Øvergaard", year: nil, title: "[Ketamin ved depression]."), "overgaard" + "nd" + "ketamin"),
        (record(4, group: "The Esketamine Study Group", year: 2021, title: "A trial"), "esketamine2021trial"),
        (record(5, year: 2018, title: "Effects of α-blockers"), "anon2018blockers"),
    ])
    func key(record: PubMedRecord, expected: String) {
        #expect(BibTeXKey.baseKey(for: record) == expected)
    }

    @Test("Colliding keys get a, b, c in input order; the first stays plain")
    func unique() {
        let records = (1...4).map { Self.record(Int64($0), last: "Daly", year: 2019, title: "Esketamine") }
        #expect(BibTeXKey.uniqueKeys(for: records) == ["daly2019esketamine", "daly2019esketaminea", "daly2019esketamineb", "daly2019esketaminec"])
    }
}

struct HeuristicsTests {
    @Test("Designs come from publication types, strongest first")
    func design() {
        var record = PubMedRecord(pmid: PMID(1))
        record.publicationTypes = [PublicationType(name: "Journal Article"), PublicationType(name: "Multicenter Study"), PublicationType(name: "Randomized Controlled Trial")]
        #expect(StudyDesign(record: record) == .randomizedControlledTrial)
        record.publicationTypes.append(PublicationType(name: "Meta-Analysis"))
        #expect(StudyDesign(record: record) == .metaAnalysis)
        record.publicationTypes = []
        #expect(StudyDesign(record: record) == .other)
    }
}

struct EvidenceTableCSVTests {
    @Test("Fields with commas, quotes and line breaks are quoted as RFC 4180 says")
    func quoting() {
        var record = PubMedRecord(pmid: PMID(7))
        record.title = "A \"quoted\", title"
        let item = ExportItem(record: record, claim: ClaimContext(claimID: "c1", stance: "supports", quote: "line one\nline two"))
        let csv = EvidenceTableCSV.render([item])
        #expect(csv == "pmid,year,design,n,title,journal,doi,claim_id,stance,verdict,quote\r\n7,,other,,\"A \"\"quoted\"\", title\",,,c1,supports,,line one line two\r\n")
    }
}
