/// A study's design, derived from its publication types (and MeSH `Animals` for preclinical
/// work), most informative first.
public enum StudyDesign: String, Hashable, Sendable, CaseIterable, Codable {
    case metaAnalysis = "meta-analysis"
    case systematicReview = "systematic review"
    case randomizedControlledTrial = "RCT"
    case clinicalTrial = "clinical trial"
    case observational = "observational"
    case caseReport = "case report"
    case guideline = "guideline"
    case review = "review"
    case preclinical = "preclinical"
    case editorial = "editorial/letter"
    case other = "other"

    /// The design of a record with these publication types and MeSH descriptors.
    public init(publicationTypes: [String], meshDescriptors: [String] = []) {
        let types = Set(publicationTypes.map { $0.lowercased() })
        func has(_ prefix: String) -> Bool { types.contains { $0.hasPrefix(prefix) } }
        let mesh = Set(meshDescriptors.map { $0.lowercased() })
        if has("meta-analysis") || has("network meta-analysis") {
            self = .metaAnalysis
        } else if has("systematic review") {
            self = .systematicReview
        } else if has("randomized controlled trial") {
            self = .randomizedControlledTrial
        } else if has("clinical trial") || has("controlled clinical trial") || has("pragmatic clinical trial")
                    || has("equivalence trial") || has("adaptive clinical trial") {
            self = .clinicalTrial
        } else if has("observational study") || mesh.contains("cohort studies") || mesh.contains("case-control studies")
                    || mesh.contains("cross-sectional studies") || mesh.contains("prospective studies")
                    || mesh.contains("retrospective studies") {
            self = .observational
        } else if has("case reports") {
            self = .caseReport
        } else if has("practice guideline") || has("guideline") || has("consensus development conference") {
            self = .guideline
        } else if has("review") || has("scoping review") {
            self = .review
        } else if mesh.contains("animals") && !mesh.contains("humans") {
            self = .preclinical
        } else if has("editorial") || has("comment") || has("letter") || has("news") {
            self = .editorial
        } else {
            self = .other
        }
    }
}
