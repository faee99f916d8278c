/// The design of a study, from its publication types and, failing that, its text.
///
/// Ordered by the weight of evidence: meta-analysis or systematic review, then RCT, then
/// other trials and observational studies, then narrative reviews, case reports, opinion,
/// and preclinical (animal or in vitro) work.
public enum StudyDesign: String, Hashable, Sendable, Codable, CaseIterable {
    case metaAnalysis = "meta-analysis"
    case systematicReview = "systematic review"
    case randomizedTrial = "RCT"
    case clinicalTrial = "clinical trial"
    case observational = "observational"
    case review = "review"
    case caseReport = "case report"
    case opinion = "opinion"
    case preclinical = "preclinical"
    case unknown = "other"

    /// The weight of this design in a verdict, from 1 (meta-analysis) down.
    public var weight: Double {
        switch self {
        case .metaAnalysis: return 1.0
        case .systematicReview: return 0.95
        case .randomizedTrial: return 0.85
        case .clinicalTrial: return 0.7
        case .observational: return 0.6
        case .review: return 0.5
        case .unknown: return 0.45
        case .caseReport: return 0.3
        case .opinion: return 0.25
        case .preclinical: return 0.2
        }
    }

    /// The design of a record.
    public static func classify(publicationTypes: [String], title: String, abstract: String, isAnimalStudy: Bool) -> StudyDesign {
        let types = Set(publicationTypes.map { $0.lowercased() })
        let text = (title + " " + abstract.prefix(600)).lowercased()
        let titleLower = title.lowercased()
        if types.contains("meta-analysis") || types.contains("network meta-analysis") || titleLower.contains("meta-analysis") { return .metaAnalysis }
        if types.contains("systematic review") || titleLower.contains("systematic review") { return .systematicReview }
        if isAnimalStudy { return .preclinical }
        if types.contains("randomized controlled trial") || types.contains("clinical trial, phase iii")
            || text.contains("randomized") || text.contains("randomised") || text.contains("double-blind") || text.contains("placebo-controlled") {
            return .randomizedTrial
        }
        if types.contains(where: { $0.hasPrefix("clinical trial") || $0 == "pragmatic clinical trial" || $0 == "controlled clinical trial" })
            || text.contains("open-label") || text.contains("open label") {
            return .clinicalTrial
        }
        if types.contains("observational study") || types.contains("comparative study") || types.contains("multicenter study")
            || text.contains("cohort") || text.contains("retrospective") || text.contains("real-world") || text.contains("cross-sectional")
            || text.contains("case-control") || text.contains("registry") {
            return .observational
        }
        if types.contains("case reports") || titleLower.contains("case report") { return .caseReport }
        if types.contains("review") || types.contains("scoping review") || titleLower.contains("review") { return .review }
        if types.contains("editorial") || types.contains("comment") || types.contains("letter") { return .opinion }
        return .unknown
    }
}
