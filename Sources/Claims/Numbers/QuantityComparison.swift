/// How a number reported in evidence compares with the number a claim makes.
public struct QuantityComparison: Hashable, Sendable, Codable {
    /// The kind of agreement.
    public enum Agreement: String, Hashable, Sendable, Codable {
        /// Inside the claimed range, or equal to the claimed point.
        case within
        /// Just outside (a few percentage points, or within a quarter for times).
        case close
        /// Clearly outside.
        case outside
    }

    /// The kind of agreement.
    public var agreement: Agreement
    /// Whether the evidence number is above (+1), below (−1) or inside (0) the claim's.
    public var direction: Int
    /// The evidence number that was compared.
    public var evidence: ReportedNumber
    /// A reading for people: "close, slightly above the range, at 24 hours".
    public var description: String

    /// Compares an evidence number with a claim quantity of the same kind; nil when they do not compare.
    ///
    /// Percentages compare in percentage points (close = within `percentTolerance`);
    /// times compare in seconds (close = within `relativeTolerance` of the nearer bound).
    /// `timeContext` (the evidence sentence's time point) is appended ("at 24 hours").
    public static func compare(
        claim: ReportedNumber, evidence: ReportedNumber, timeContext: ReportedNumber? = nil,
        percentTolerance: Double = 5, relativeTolerance: Double = 0.25
    ) -> QuantityComparison? {
        guard comparable(claim: claim, evidence: evidence) else { return nil }
        // Comparable numbers are both percentages or both times.
        let isTime = claim.kind != .percentage
        guard let (cl, ch) = bounds(claim, time: isTime), let (el, eh) = bounds(evidence, time: isTime) else { return nil }
        let tolerance = isTime ? relativeTolerance * max(abs(ch), abs(cl), 1) : percentTolerance
        let agreement: Agreement
        let direction: Int
        if el >= cl - 1e-9 && eh <= ch + 1e-9 {
            agreement = .within; direction = 0
        } else if eh < cl {
            direction = -1
            agreement = cl - eh <= tolerance ? .close : .outside
        } else if el > ch {
            direction = 1
            agreement = el - ch <= tolerance ? .close : .outside
        } else {
            // Overlapping but not contained: an evidence range straddling the claim's bounds.
            agreement = .close
            direction = (el < cl) ? -1 : 1
        }
        let shape = claim.isRange ? "the range" : "the claimed value"
        var text: String
        switch agreement {
        case .within: text = claim.isRange ? "within the range" : "matches"
        case .close: text = "close, slightly \(direction > 0 ? "above" : "below") \(shape)"
        case .outside: text = "outside, \(direction > 0 ? "above" : "below") \(shape)"
        }
        text += " (\(evidence.summary)"
        text += isTime ? ")" : " vs \(claim.summary))"
        if let context = timeContext, context.span != evidence.span {
            text += ", \(context.summary)"
        }
        return QuantityComparison(agreement: agreement, direction: direction, evidence: evidence, description: text)
    }

    /// Whether an evidence number can bear on a claim's number at all: percentages when they
    /// measure the same thing (shares with shares, changes with changes; a cut-off such as
    /// "≥50% improvement" defines response and is never a result), times with times.
    public static func comparable(claim: ReportedNumber, evidence: ReportedNumber) -> Bool {
        switch (claim.kind, evidence.kind) {
        case (.percentage, .percentage):
            return evidence.measure != .threshold && claim.measure != .threshold && claim.measure == evidence.measure
        case (.duration, .duration), (.duration, .timePoint), (.timePoint, .timePoint), (.timePoint, .duration):
            return true
        default:
            return false
        }
    }

    private static func bounds(_ n: ReportedNumber, time: Bool) -> (Double, Double)? {
        if time {
            if let s = n.seconds, let h = n.highSeconds { return (min(s, h), max(s, h)) }
            if let s = n.seconds { return (s, s) }
            return nil
        }
        if let low = n.low, let high = n.high { return (low, high) }
        if let v = n.value { return (v, v) }
        return nil
    }
}
