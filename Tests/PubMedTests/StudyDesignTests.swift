import Testing
@testable import PubMed

@Suite("StudyDesign")
struct StudyDesignTests {
    /// One classification case: publication types, MeSH, title, abstract, animal flag, expected design.
    struct Case: CustomTestStringConvertible, Sendable {
        var types: [String]
        var mesh: [String] = []
        var title = ""
        var abstract = ""
        var animal = false
        var expected: StudyDesign
        var testDescription: String { "\(types) \(mesh) '\(title)' animal=\(animal) → \(expected)" }
    }

    static let cases: [Case] = [
        // Publication types decide, strongest first.
        Case(types: ["Journal Article", "Meta-Analysis", "Randomized Controlled Trial"], expected: .metaAnalysis),
        Case(types: ["Network Meta-Analysis"], expected: .metaAnalysis),
        Case(types: ["Systematic Review", "Review"], expected: .systematicReview),
        Case(types: ["Journal Article", "Multicenter Study", "Randomized Controlled Trial"], expected: .randomizedControlledTrial),
        Case(types: ["Pragmatic Clinical Trial"], expected: .randomizedControlledTrial),
        Case(types: ["Clinical Trial, Phase II"], expected: .clinicalTrial),
        Case(types: ["Controlled Clinical Trial"], expected: .clinicalTrial),
        Case(types: ["Equivalence Trial"], expected: .clinicalTrial),
        Case(types: ["Observational Study", "Case Reports"], expected: .observational),
        Case(types: ["Case Reports"], expected: .caseReport),
        Case(types: ["Practice Guideline"], expected: .guideline),
        Case(types: ["Consensus Development Conference"], expected: .guideline),
        Case(types: ["Review", "Editorial"], expected: .review),
        Case(types: ["Scoping Review"], expected: .review),
        Case(types: ["Editorial"], expected: .editorial),
        Case(types: ["Comment", "Letter"], expected: .editorial),
        Case(types: ["news"], expected: .editorial),
        Case(types: ["Randomized Controlled Trial, Veterinary"], expected: .preclinical),
        // Types beat text cues.
        Case(types: ["Review"], title: "A randomized double-blind trial", expected: .review),
        // …except that a "Review" whose title names a systematic review or meta-analysis is one.
        Case(types: ["Journal Article", "Review"], title: "Psychedelic-assisted therapies in TRD: a systematic review", expected: .systematicReview),
        Case(types: ["Review"], title: "Ketamine for depression: a systematic review and meta-analysis", expected: .metaAnalysis),
        Case(types: ["Case Reports"], abstract: "A retrospective cohort of one.", expected: .caseReport),
        // Animal-only work: MeSH Animals without Humans, or the flag.
        Case(types: ["Journal Article"], mesh: ["Animals", "Rats", "Ketamine"], expected: .preclinical),
        Case(types: ["Randomized Controlled Trial"], mesh: ["Animals", "Mice"], expected: .preclinical),
        Case(types: ["Randomized Controlled Trial"], mesh: ["Animals", "Humans"], expected: .randomizedControlledTrial),
        Case(types: ["Journal Article"], title: "Ketamine in a placebo-controlled mouse study", animal: true, expected: .preclinical),
        Case(types: ["Review"], mesh: ["Animals"], expected: .review),
        Case(types: ["Meta-Analysis"], animal: true, expected: .metaAnalysis),
        // Uninformative types: MeSH design descriptors, then text cues.
        Case(types: ["Journal Article"], mesh: ["Humans", "Cohort Studies"], expected: .observational),
        Case(types: ["Journal Article"], mesh: ["Retrospective Studies"], title: "A randomized trial", expected: .observational),
        Case(types: ["Journal Article"], title: "Esketamine for depression: a meta-analysis", expected: .metaAnalysis),
        Case(types: ["Journal Article"], title: "Ketamine: a systematic review", expected: .systematicReview),
        Case(types: ["Journal Article", "English Abstract"], abstract: "In this randomised trial we...", expected: .randomizedControlledTrial),
        Case(types: [], abstract: "A double-blind, placebo-controlled study.", expected: .randomizedControlledTrial),
        Case(types: ["Journal Article"], title: "An open-label study of ketamine", expected: .clinicalTrial),
        Case(types: ["Journal Article"], abstract: "We analysed a national registry.", expected: .observational),
        Case(types: ["Journal Article"], title: "Catatonia after ketamine: a case report", expected: .caseReport),
        Case(types: ["Journal Article"], title: "Ketamine in depression: a narrative review", expected: .review),
        // A review says what it is before the trial words it uses about its sources count.
        Case(types: ["Journal Article"], title: "A scoping review: ketamine with psychotherapy",
             abstract: "Forty-seven studies were identified including 4/47 (9%) randomized controlled trials.", expected: .review),
        Case(types: ["Journal Article"], abstract: "This systematic review included 12 randomized, double-blind trials.", expected: .systematicReview),
        Case(types: ["Journal Article"], abstract: "We conducted a systematic review and meta-analysis of randomised trials.", expected: .metaAnalysis),
        Case(types: ["Journal Article"], abstract: "This scoping review maps 47 studies, 4 of them randomized.", expected: .review),
        Case(types: ["Journal Article"], title: "Ketamine for depression", abstract: "Patients were randomized to ketamine; a previous review found...",
             expected: .randomizedControlledTrial),
        // Abstract cues only count in the first 600 characters; title-only cues ignore the abstract.
        Case(types: ["Journal Article"], abstract: String(repeating: "x", count: 700) + " randomized", expected: .other),
        Case(types: ["Journal Article"], abstract: "Unlike the earlier meta-analysis, we...", expected: .other),
        // Weak types mean observational only when nothing else decides.
        Case(types: ["Journal Article", "Comparative Study"], expected: .observational),
        Case(types: ["Multicenter Study"], abstract: "Patients were randomized to...", expected: .randomizedControlledTrial),
        // Nothing to go on.
        Case(types: ["Journal Article"], expected: .other),
        Case(types: [], expected: .other),
    ]

    @Test("classifies from types, then animal evidence, then MeSH and text", arguments: cases)
    func classification(_ example: Case) {
        let design = StudyDesign(publicationTypes: example.types, meshDescriptors: example.mesh, title: example.title,
                                 abstract: example.abstract, isAnimalStudy: example.animal)
        #expect(design == example.expected)
    }

    @Test("type names are matched regardless of case")
    func caseInsensitive() {
        #expect(StudyDesign(publicationTypes: ["RANDOMIZED CONTROLLED TRIAL"]) == .randomizedControlledTrial)
        #expect(StudyDesign(publicationTypes: ["journal article"], meshDescriptors: ["ANIMALS"]) == .preclinical)
    }

    @Test("orders designs strongest evidence first")
    func ordering() {
        #expect(StudyDesign.allCases.sorted() == StudyDesign.allCases)
        #expect(StudyDesign.metaAnalysis < .systematicReview)
        #expect(StudyDesign.randomizedControlledTrial < .clinicalTrial)
        #expect(StudyDesign.clinicalTrial < .observational)
        #expect(StudyDesign.editorial < .preclinical)
        #expect(StudyDesign.preclinical < .other)
        #expect([StudyDesign.review, .randomizedControlledTrial, .caseReport].min() == .randomizedControlledTrial)
        #expect(StudyDesign.metaAnalysis.rank == 0 && StudyDesign.other.rank == StudyDesign.allCases.count - 1)
    }

    @Test("raw values are the documented labels")
    func labels() {
        #expect(StudyDesign.allCases.map(\.rawValue) == [
            "meta-analysis", "systematic review", "RCT", "clinical trial", "observational", "case report", "guideline",
            "review", "editorial", "preclinical", "other",
        ])
    }

    @Test("stored labels of the older classifiers still read", arguments: [
        ("RCT", StudyDesign?.some(.randomizedControlledTrial)), ("randomized controlled trial", .randomizedControlledTrial),
        ("controlled clinical trial", .clinicalTrial), ("observational study", .observational), ("opinion", .editorial),
        ("editorial/letter", .editorial), ("journal article", .other), ("book", .other), ("other", .other),
        ("Meta-Analysis", .metaAnalysis), ("no such design", nil),
    ])
    func storedLabels(label: String, expected: StudyDesign?) {
        #expect(StudyDesign(label: label) == expected)
    }

    @Test("a record classifies from its types, MeSH, title and abstract; a book without design types is other")
    func records() {
        var record = PubMedRecord(pmid: PMID(1))
        record.publicationTypes = [PublicationType(name: "Journal Article")]
        #expect(StudyDesign(record: record) == .other)
        record.abstract = [AbstractSection(label: "METHODS", category: "METHODS", text: "Adults were randomized to ketamine or placebo.")]
        #expect(StudyDesign(record: record) == .randomizedControlledTrial)
        record.mesh = [MeshHeading(descriptor: "Animals", major: false, qualifiers: [])]
        #expect(StudyDesign(record: record) == .preclinical)

        var book = PubMedRecord(pmid: PMID(2))
        book.kind = .book
        #expect(StudyDesign(record: book) == .other)
        book.publicationTypes = [PublicationType(name: "Review")]
        #expect(StudyDesign(record: book) == .review)
    }

    @Test("cue search finds ASCII cues anywhere in the text, including around non-ASCII text", arguments: [
        ("a randomized trial", "randomized", true), ("randomized", "randomized", true), ("randomize", "randomized", false),
        ("", "cohort", false), ("cohort", "", false), ("étude de cohorte rétrospective", "cohort", true),
        ("åsberg open-label", "open-label", true), ("open label", "open-label", false), ("xxregistr", "registry", false),
        ("meta-analyses of 12 trials", "meta-analyses", true), ("A Double-Blind, RANDOMISED trial", "randomised", true),
        ("Open-Label Extension", "open-label", true), ("ÉTUDE DE COHORTE", "cohort", true), ("[COHORT]", "cohort", true),
    ])
    func cueSearch(text: String, cue: String, expected: Bool) {
        #expect(StudyDesign.text(text, contains: cue) == expected)
        #expect(StudyDesign.text(text, contains: cue) == text.lowercased().contains(cue))
    }
}
