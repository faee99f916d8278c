/// What a claim asserts.
public enum ClaimType: String, Sendable, Hashable, Codable, CaseIterable {
    /// A response or remission rate, or "it works".
    case efficacy
    /// How soon it acts ("within hours").
    case onset
    /// How long something lasts ("40 minutes to an hour", "wears off within hours").
    case duration
    /// A named side effect (one claim per effect).
    case adverseEffect = "adverse-effect"
    /// Safety or a risk (dependence, tolerance, blood pressure, respiratory depression).
    case safety
    /// How it works (NMDA receptor, glutamate).
    case mechanism
    /// Approval or legal status ("FDA-approved nasal spray").
    case regulatory
    /// A comparison ("faster than SSRIs").
    case comparison
    /// A historical statement ("developed in the 1960s").
    case history
    /// A statement with nothing specific to check (reported as `not checkable`).
    case general

    /// The name shown in reports.
    public var displayName: String {
        switch self {
        case .adverseEffect: return "adverse effect"
        case .safety: return "safety/risk"
        default: return rawValue
        }
    }
}
