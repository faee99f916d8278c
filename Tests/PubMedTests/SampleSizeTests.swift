import PubMed
import Testing

@Suite("Sample size")
struct SampleSizeTests {
    @Test("Sample sizes are read from abstracts", arguments: [
        ("In this study, 705 adults with TRD were enrolled; 297 were randomized.", 705),
        ("Patients (n = 86) received ketamine; n = 43 per arm.", 86),
        ("A total of 1,234 participants from 12 sites.", 1234),
        ("We enrolled 227 adult outpatients.", 227),
        ("In 2019 patients were enrolled at 3 sites.", nil),
        ("Ketamine is fast.", nil),
    ] as [(String, Int?)])
    func sampleSize(text: String, expected: Int?) {
        #expect(SampleSize.find(in: text) == expected)
    }

    @Test("a record's n comes from its abstract sections, labels included")
    func record() {
        var record = PubMedRecord(pmid: PMID(1))
        #expect(SampleSize.find(in: record) == nil)
        record.abstract = [AbstractSection(label: "BACKGROUND", text: "Ketamine is fast."),
                           AbstractSection(label: "METHODS", text: "We randomized 86 patients.")]
        #expect(SampleSize.find(in: record) == 86)
    }
}
