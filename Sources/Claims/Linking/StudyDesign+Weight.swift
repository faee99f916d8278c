import PubMed

extension StudyDesign {
    /// The weight of this design in a verdict, from 1 (meta-analysis) down.
    ///
    /// Not the same order as `Comparable`: an unclassified record (`other`) weighs more than a
    /// case report or an opinion piece, since it is usually a primary study whose design the
    /// classifier could not name.
    public var weight: Double {
        switch self {
        case .metaAnalysis: return 1.0
        case .systematicReview: return 0.95
        case .randomizedControlledTrial: return 0.85
        case .clinicalTrial: return 0.7
        case .observational: return 0.6
        case .guideline: return 0.55
        case .review: return 0.5
        case .other: return 0.45
        case .caseReport: return 0.3
        case .editorial: return 0.25
        case .preclinical: return 0.2
        }
    }
}
