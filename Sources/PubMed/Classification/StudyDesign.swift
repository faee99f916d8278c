/// A record's study design: the one classification that search, export and claims share.
///
/// Cases are ordered strongest evidence first, and `Comparable` follows that order
/// (`.metaAnalysis < .randomizedControlledTrial` means "stronger"):
///
/// | case | raw value | from |
/// |------|-----------|------|
/// | `metaAnalysis` | meta-analysis | Meta-Analysis, Network Meta-Analysis |
/// | `systematicReview` | systematic review | Systematic Review |
/// | `randomizedControlledTrial` | RCT | Randomized Controlled Trial, Pragmatic Clinical Trial |
/// | `clinicalTrial` | clinical trial | Clinical Trial (any phase), Controlled/Adaptive Clinical Trial, Equivalence Trial, Clinical Study; open-label text |
/// | `observational` | observational | Observational Study, Twin Study; cohort/case-control/cross-sectional/prospective/retrospective MeSH or text; weakly Comparative/Multicenter/Validation/Evaluation Study |
/// | `caseReport` | case report | Case Reports |
/// | `guideline` | guideline | (Practice) Guideline, Consensus Development Conference |
/// | `review` | review | Review, Scoping Review (a Review titled as a systematic review or meta-analysis is that) |
/// | `editorial` | editorial | Editorial, Comment, Letter, News (opinion rather than data) |
/// | `preclinical` | preclinical | animal-only work: veterinary trial types, `Animals` MeSH without `Humans`, or an explicit flag |
/// | `other` | other | nothing above (e.g. only "Journal Article"; a book without design types) |
///
/// Rules, in order:
/// 1. Publication types decide first; with several, the strongest design wins
///    (a "Randomized Controlled Trial" that is also a "Multicenter Study" is an RCT).
/// 2. Animal-only work (veterinary types, `Animals` MeSH without `Humans`, or `isAnimalStudy`)
///    is `preclinical` unless the types name secondary literature (meta-analysis, systematic
///    review, guideline, review, editorial): an animal RCT is preclinical, a review of animal
///    studies is a review.
/// 3. Only when the types are uninformative: MeSH study-design descriptors, then cues in the
///    title and the start of the abstract.
/// 4. Weak types (Comparative, Multicenter, Validation, Evaluation Study) mean observational
///    when nothing above decided.
public enum StudyDesign: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    case metaAnalysis = "meta-analysis"
    case systematicReview = "systematic review"
    case randomizedControlledTrial = "RCT"
    case clinicalTrial = "clinical trial"
    case observational = "observational"
    case caseReport = "case report"
    case guideline = "guideline"
    case review = "review"
    case editorial = "editorial"
    case preclinical = "preclinical"
    case other = "other"

    /// The design of a record with these publication types, MeSH descriptors and text.
    ///
    /// - Parameters:
    ///   - publicationTypes: MEDLINE publication type names, any case.
    ///   - meshDescriptors: MeSH descriptor names, any case.
    ///   - title: the article or book title, for text cues.
    ///   - abstract: the abstract; only its first 600 characters give cues.
    ///   - isAnimalStudy: the caller knows the work is on animals only.
    public init(publicationTypes: [String], meshDescriptors: [String] = [], title: String = "", abstract: String = "",
                isAnimalStudy: Bool = false) {
        let types = Set(publicationTypes.map { $0.lowercased() })
        let mesh = Set(meshDescriptors.map { $0.lowercased() })
        let fromTypes = StudyDesign.allCases.first { design in StudyDesign.typeNames[design]!.contains { types.contains($0) } }
        let animalOnly = isAnimalStudy || (mesh.contains("animals") && !mesh.contains("humans"))
        if fromTypes == .review, let kind = StudyDesign.reviewKind(title: title) {
            // "Review" is often all PubMed says of a systematic review or meta-analysis not yet
            // fully indexed; its title says which it is.
            self = kind
        } else if let design = fromTypes, design.isSecondary || design == .preclinical || !animalOnly {
            self = design
        } else if animalOnly {
            self = .preclinical
        } else if let design = StudyDesign(meshDescriptors: mesh) ?? StudyDesign(title: title, abstract: abstract) {
            self = design
        } else if !types.isDisjoint(with: StudyDesign.weakObservationalTypes) {
            self = .observational
        } else {
            self = .other
        }
    }

    /// The design of `record`, from its publication types, MeSH, title and abstract.
    ///
    /// Books classify like articles: from their publication types when those say a design, else `other`.
    public init(record: PubMedRecord) {
        self.init(publicationTypes: record.publicationTypes.map(\.name), meshDescriptors: record.mesh.map(\.descriptor),
                  title: record.title ?? "", abstract: record.abstract.map(\.text).joined(separator: " "))
    }

    /// Reads a stored label, including the labels of the older per-module classifiers
    /// ("randomized controlled trial", "opinion", "editorial/letter", "journal article", "book", ...).
    public init?(label: String) {
        if let design = StudyDesign(rawValue: label) {
            self = design
            return
        }
        switch label.lowercased() {
        case "randomized controlled trial": self = .randomizedControlledTrial
        case "controlled clinical trial": self = .clinicalTrial
        case "observational study": self = .observational
        case "opinion", "editorial/letter": self = .editorial
        case "journal article", "book", "unknown", "": self = .other
        default:
            guard let design = StudyDesign.allCases.first(where: { $0.rawValue.lowercased() == label.lowercased() }) else { return nil }
            self = design
        }
    }

    /// Ranks designs by strength of evidence: the stronger design is the smaller.
    public static func < (lhs: StudyDesign, rhs: StudyDesign) -> Bool {
        lhs.rank < rhs.rank
    }

    /// The position in `allCases`, 0 for the strongest design.
    public var rank: Int {
        StudyDesign.allCases.firstIndex(of: self)!
    }

    /// Whether the design summarises or comments on other work rather than reporting a study.
    var isSecondary: Bool {
        switch self {
        case .metaAnalysis, .systematicReview, .guideline, .review, .editorial: return true
        default: return false
        }
    }

    /// The lower-cased MEDLINE publication types that decide each design.
    static let typeNames: [StudyDesign: [String]] = [
        .metaAnalysis: ["meta-analysis", "network meta-analysis"],
        .systematicReview: ["systematic review"],
        .randomizedControlledTrial: ["randomized controlled trial", "pragmatic clinical trial"],
        .clinicalTrial: ["clinical trial", "clinical trial, phase i", "clinical trial, phase ii", "clinical trial, phase iii",
                         "clinical trial, phase iv", "controlled clinical trial", "adaptive clinical trial", "equivalence trial",
                         "clinical study"],
        .observational: ["observational study", "twin study"],
        .caseReport: ["case reports"],
        .guideline: ["practice guideline", "guideline", "consensus development conference",
                     "consensus development conference, nih"],
        .review: ["review", "scoping review"],
        .editorial: ["editorial", "comment", "letter", "news"],
        .preclinical: ["randomized controlled trial, veterinary", "clinical trial, veterinary", "observational study, veterinary"],
        .other: [],
    ]

    /// Types that hint at an observational design but also accompany trials.
    static let weakObservationalTypes: Set<String> = ["comparative study", "multicenter study", "validation study", "evaluation study"]

    /// The design named by MeSH study-design descriptors, if any.
    private init?(meshDescriptors mesh: Set<String>) {
        let observational = ["cohort studies", "case-control studies", "cross-sectional studies", "prospective studies",
                             "retrospective studies", "longitudinal studies", "follow-up studies"]
        guard observational.contains(where: mesh.contains) else { return nil }
        self = .observational
    }

    /// Whether `text` contains `cue` (lower-case ASCII), comparing UTF-8 bytes with ASCII
    /// letters folded to lower case: the substring test on the lower-cased text, without
    /// lower-casing it or Foundation's Unicode-aware search (which together cost more than the
    /// rest of a search page when every hit was classified).
    static func text(_ text: String, contains cue: String) -> Bool {
        var text = text, cue = cue
        func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
        return text.withUTF8 { haystack in
            cue.withUTF8 { needle in
                guard !needle.isEmpty else { return false }
                guard haystack.count >= needle.count else { return false }
                let first = needle[0]
                var start = 0
                while start <= haystack.count - needle.count {
                    if lower(haystack[start]) == first {
                        var offset = 1
                        while offset < needle.count, lower(haystack[start + offset]) == needle[offset] { offset += 1 }
                        if offset == needle.count { return true }
                    }
                    start += 1
                }
                return false
            }
        }
    }

    /// A meta-analysis or systematic review named by its title, if any.
    private static func reviewKind(title: String) -> StudyDesign? {
        if ["meta-analysis", "meta-analyses", "metaanalysis"].contains(where: { text(title, contains: $0) }) { return .metaAnalysis }
        if text(title, contains: "systematic review") { return .systematicReview }
        return nil
    }

    /// The design suggested by the title and the start of the abstract, if any.
    ///
    /// What a review says it is comes first: a scoping review that counts the randomized
    /// trials it found is a review, not a trial. So the title's design words, then the
    /// abstract's words for itself ("this meta-analysis", "we conducted a systematic review"),
    /// and only then the trial and cohort words, which reviews use about their sources.
    private init?(title: String, abstract: String) {
        let titleText = title
        let opening = String(abstract.prefix(600))
        let text = title + " " + opening
        func any(_ cues: [String], in text: String) -> Bool { cues.contains { Self.text(text, contains: $0) } }
        if let kind = Self.reviewKind(title: titleText) {
            self = kind
        } else if any(["review", "overview"], in: titleText) {
            self = .review
        } else if any(["this meta-analysis", "we conducted a meta-analysis", "we performed a meta-analysis",
                       "systematic review and meta-analysis", "a meta-analysis was performed", "a meta-analysis was conducted"], in: opening) {
            self = .metaAnalysis
        } else if any(["this systematic review", "we conducted a systematic review", "we performed a systematic review",
                       "we systematically reviewed", "a systematic review was conducted", "a systematic review was performed"], in: opening) {
            self = .systematicReview
        } else if any(["this scoping review", "this narrative review", "this review", "in this review", "we review "], in: opening) {
            self = .review
        } else if any(["randomized", "randomised", "double-blind", "placebo-controlled"], in: text) {
            self = .randomizedControlledTrial
        } else if any(["open-label", "open label", "single-arm"], in: text) {
            self = .clinicalTrial
        } else if any(["cohort", "retrospective", "real-world", "cross-sectional", "case-control", "registry"], in: text) {
            self = .observational
        } else if any(["case report"], in: titleText) {
            self = .caseReport
        } else if any(["guideline", "consensus statement"], in: titleText) {
            self = .guideline
        } else {
            return nil
        }
    }
}
