import PubMed

/// The study design of a record, read from its MEDLINE publication types, strongest evidence first.
///
/// Used for the CSV evidence table. A record with several types takes the highest-ranked one
/// (a "Randomized Controlled Trial" that is also a "Multicenter Study" is an RCT).
public enum StudyDesign: String, CaseIterable, Sendable, Codable, Comparable {
    case metaAnalysis = "meta-analysis"
    case systematicReview = "systematic review"
    case randomizedControlledTrial = "randomized controlled trial"
    case controlledTrial = "controlled clinical trial"
    case clinicalTrial = "clinical trial"
    case observationalStudy = "observational study"
    case caseReport = "case report"
    case guideline = "guideline"
    case review = "review"
    case editorial = "editorial"
    case journalArticle = "journal article"
    case book = "book"

    /// The design of `record`; `nil` when it has no publication type and is not a book.
    public init?(record: PubMedRecord) {
        let names = Set(record.publicationTypes.map { $0.name.lowercased() })
        if let design = StudyDesign.allCases.first(where: { design in design.publicationTypes.contains { names.contains($0) } }) {
            self = design
        } else if record.kind == .book {
            self = .book
        } else {
            return nil
        }
    }

    /// The MEDLINE publication types (lower-cased) that mean this design.
    var publicationTypes: [String] {
        switch self {
        case .metaAnalysis: return ["meta-analysis", "network meta-analysis"]
        case .systematicReview: return ["systematic review"]
        case .randomizedControlledTrial: return ["randomized controlled trial", "equivalence trial", "pragmatic clinical trial"]
        case .controlledTrial: return ["controlled clinical trial"]
        case .clinicalTrial: return ["clinical trial", "clinical trial, phase i", "clinical trial, phase ii",
                                     "clinical trial, phase iii", "clinical trial, phase iv", "clinical study"]
        case .observationalStudy: return ["observational study", "comparative study", "multicenter study", "validation study",
                                          "evaluation study", "twin study"]
        case .caseReport: return ["case reports"]
        case .guideline: return ["practice guideline", "guideline", "consensus development conference"]
        case .review: return ["review", "scoping review"]
        case .editorial: return ["editorial", "comment", "letter", "news"]
        case .journalArticle: return ["journal article"]
        case .book: return []
        }
    }

    /// Ranks designs by strength of evidence, strongest first.
    public static func < (lhs: StudyDesign, rhs: StudyDesign) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
