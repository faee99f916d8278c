/// The verdict on one claim.
public enum Verdict: String, Hashable, Sendable, Codable, CaseIterable {
    /// Evidence in the index supports it.
    case supported
    /// Evidence supports part of it, or supports it with caveats (other population, other drug form, numbers only close).
    case partlySupported = "partly supported"
    /// Evidence in the index contradicts it.
    case contradicted
    /// Nothing in the index bears on it.
    case noEvidence = "no evidence found in this index"
    /// The statement is too vague, or not a factual claim.
    case notCheckable = "not checkable"
}

/// A verdict with its one-line reason.
public struct ClaimVerdict: Hashable, Sendable, Codable {
    /// The verdict.
    public var verdict: Verdict
    /// Why, in one line.
    public var reason: String

    /// Claim types whose stated figure is what they assert.
    static let figureTypes: Set<ClaimType> = [.efficacy, .onset, .duration]

    /// Decides the verdict from a claim's citations (rejected links already removed).
    ///
    /// Each link weighs its score times its stance confidence; a retracted record never
    /// counts as support. Support with specificity flags, or numbers only close, gives
    /// "partly supported"; contradiction outweighing support gives "contradicted".
    public static func decide(claim: Claim, citations: [Citation]) -> ClaimVerdict {
        if let reason = claim.notCheckableReason { return ClaimVerdict(verdict: .notCheckable, reason: reason) }
        let counted = citations.filter { $0.decision != .rejected }
        func weight(_ c: Citation) -> Double { c.decision == .confirmed || c.method == .human ? max(c.score, 0.6) : c.score * c.confidence }
        let supports = counted.filter { $0.stance == .supports && !$0.isRetracted }
        let contradicts = counted.filter { $0.stance == .contradicts }
        let mixed = counted.filter { $0.stance == .mixed }
        let supportMass = supports.map(weight).reduce(0, +) + 0.3 * mixed.map(weight).reduce(0, +)
        let contradictMass = contradicts.map(weight).reduce(0, +) + 0.3 * mixed.map(weight).reduce(0, +)
        guard !counted.isEmpty else {
            return ClaimVerdict(verdict: .noEvidence, reason: "no record in the index addresses this claim")
        }
        let cleanSupports = supports.filter { $0.flags.isEmpty && $0.comparison?.agreement != .close }
        let best = supports.first ?? counted[0]
        let bestDesc = "PMID \(best.pmid), \(best.design.rawValue)\(best.year.map { " \($0)" } ?? "")"
        if supports.isEmpty && contradicts.isEmpty && mixed.isEmpty {
            return ClaimVerdict(verdict: .noEvidence,
                                reason: "\(counted.count) related record\(counted.count == 1 ? "" : "s") mention the subject, none reports on the claim")
        }
        if contradictMass > supportMass * 1.2 {
            let top = contradicts.first ?? mixed.first ?? counted[0]
            var reason = "contradicted by \(contradicts.count) record\(contradicts.count == 1 ? "" : "s") (best: PMID \(top.pmid), \(top.design.rawValue))"
            if let comparison = top.comparison { reason += "; \(comparison.description)" }
            return ClaimVerdict(verdict: .contradicted, reason: reason)
        }
        // A claim that states a figure ("50–70% respond", "lasts 40 minutes to an hour") is
        // supported only when an unflagged record reports a figure that matches it; support for
        // its direction alone leaves the figure unchecked.
        var figureCaveat: String?
        if let quantity = claim.slots.quantity, Self.figureTypes.contains(claim.type) {
            let matching = supports.filter { $0.comparison.map { $0.agreement == .within || $0.agreement == .close } ?? false }
            if !cleanSupports.contains(where: { $0.comparison?.agreement == .within }) {
                if let flagged = matching.first(where: { !$0.flags.isEmpty }) {
                    figureCaveat = "the figure matches only with a caveat: \(flagged.flags[0]); \(flagged.comparison!.description)"
                } else if matching.isEmpty {
                    figureCaveat = "no record reports a figure to compare with \(quantity.summary)"
                }
            }
        }
        if !cleanSupports.isEmpty && contradictMass < supportMass * 0.5 && figureCaveat == nil {
            let top = cleanSupports.first { $0.comparison?.agreement == .within } ?? cleanSupports[0]
            var reason = "supported by \(supports.count) record\(supports.count == 1 ? "" : "s") (best: PMID \(top.pmid), \(top.design.rawValue)\(top.year.map { " \($0)" } ?? ""))"
            if let comparison = top.comparison { reason += "; \(comparison.description)" }
            return ClaimVerdict(verdict: .supported, reason: reason)
        }
        var caveats: [String] = []
        if let figureCaveat { caveats.append(figureCaveat) }
        if let flagged = supports.first(where: { !$0.flags.isEmpty }), cleanSupports.isEmpty, figureCaveat == nil { caveats.append(flagged.flags[0]) }
        if let close = supports.first(where: { $0.comparison?.agreement == .close }) { caveats.append(close.comparison!.description) }
        if contradictMass > 0 { caveats.append("\(contradicts.count + mixed.count) record(s) disagree or are mixed") }
        return ClaimVerdict(verdict: .partlySupported,
                            reason: "partly supported (best: \(bestDesc))" + (caveats.isEmpty ? "" : ": " + caveats.joined(separator: "; ")))
    }
}
