/// A number found in text, with what it measures.
///
/// Ranges and confidence intervals carry `low` and `high`; points carry `value`.
/// Time values carry a `unit` ("hour") and `seconds`, so "40 minutes" and "an hour" compare.
public struct ReportedNumber: Hashable, Sendable, Codable {
    /// What the number is.
    public enum Kind: String, Hashable, Sendable, Codable {
        /// A percentage or percentage range ("52.9%", "50–70%", "24 (26.7%)", "45 of 86").
        case percentage
        /// A sample size ("n = 86", "705 adults").
        case sampleSize = "sample-size"
        /// A confidence interval ("95% CI, −7.91 to −2.33").
        case confidenceInterval = "confidence-interval"
        /// A p-value ("P < .001").
        case pValue = "p-value"
        /// A time point ("within 24 hours", "at 4 hours", "day 28").
        case timePoint = "time-point"
        /// A duration or duration range ("40 to 60 minutes", "6 months").
        case duration
    }

    /// What a percentage measures, when it is not a share of people or events.
    public enum Measure: String, Hashable, Sendable, Codable {
        /// A relative change in a score or rate ("a 50% reduction in MADRS", "reduced by 30%").
        case change
        /// A change used as a cut-off ("≥50% improvement", "a 50% or greater decrease"): a
        /// definition of response or an eligibility criterion, not a result.
        case threshold
    }

    /// What the number is.
    public var kind: Kind
    /// For percentages: what they measure; nil for a share ("52.9% responded", "50–70% of people").
    public var measure: Measure?
    /// A point value (percent for percentages; count for sample sizes; the p for p-values).
    public var value: Double?
    /// The lower bound of a range or interval.
    public var low: Double?
    /// The upper bound of a range or interval.
    public var high: Double?
    /// The unit as written, canonicalised: "%", "hour", "day"…
    public var unit: String?
    /// For time values: the point (or low bound) in seconds.
    public var seconds: Double?
    /// For time ranges: the high bound in seconds.
    public var highSeconds: Double?
    /// The count a percentage is of ("24 (26.7%)" → 24; "45 of 86" → 45).
    public var numerator: Int?
    /// The denominator when written ("45 of 86" → 86).
    public var denominator: Int?
    /// A p-value's relation ("<", "=", ">", "≤", "≥") or a time point's preposition ("within", "at").
    public var relation: String?
    /// A confidence interval's level (95).
    public var level: Double?
    /// The text as written.
    public var text: String
    /// Where it is.
    public var span: TextSpan

    /// Makes a number of `kind` found at `span`.
    public init(kind: Kind, text: String, span: TextSpan) {
        self.kind = kind
        self.text = text
        self.span = span
    }

    /// Whether the number is a range (or interval) rather than a point.
    public var isRange: Bool { low != nil && high != nil }

    /// A short reading for reports: "52.9% (24 of …)", "95% CI −7.91 to −2.33", "P < 0.001".
    public var summary: String {
        switch kind {
        case .percentage:
            var s: String
            if let low, let high {
                s = "\(Self.format(low))–\(Self.format(high))%"
            } else {
                s = "\(Self.format(value ?? 0))%"
                if let numerator, let denominator { s += " (\(numerator)/\(denominator))" } else if let numerator { s += " (n=\(numerator))" }
            }
            switch measure {
            case .change?: s += " change"
            case .threshold?: s += " cut-off"
            case nil: break
            }
            return s
        case .sampleSize: return "n = \(Self.format(value ?? 0))"
        case .confidenceInterval:
            return "\(Self.format(level ?? 95))% CI \(Self.format(low ?? 0)) to \(Self.format(high ?? 0))"
        case .pValue: return "P \(relation ?? "=") \(Self.format(value ?? 0))"
        case .timePoint, .duration:
            let unitName = unit ?? ""
            let prefix = kind == .timePoint ? "\(relation ?? "at") " : ""
            if let low, let high { return "\(prefix)\(Self.format(low))–\(Self.format(high)) \(unitName)s" }
            let v = value ?? 0
            return "\(prefix)\(Self.format(v)) \(unitName)\(v == 1 ? "" : "s")"
        }
    }

    /// A number printed without a trailing ".0".
    public static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e12 { return String(Int64(value)) }
        var s = String(format: "%.3f", value)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }
}

import Foundation
