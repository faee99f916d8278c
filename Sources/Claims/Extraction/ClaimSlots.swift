/// A lexicon concept found in a claim.
public struct SlotValue: Hashable, Sendable, Codable {
    /// The concept id ("esketamine").
    public var id: String
    /// The concept's display name.
    public var label: String
    /// The words as written in the article ("Spravato").
    public var text: String
    /// True when the value was not in the sentence but taken from the article's context.
    public var inherited: Bool

    /// Makes a slot value.
    public init(id: String, label: String, text: String, inherited: Bool = false) {
        self.id = id
        self.label = label
        self.text = text
        self.inherited = inherited
    }
}

/// A claim normalised into slots: who, what, which outcome, how much, against what.
public struct ClaimSlots: Hashable, Sendable, Codable {
    /// The treatment (ketamine, esketamine, arketamine).
    public var intervention: SlotValue?
    /// How it is given (intravenous, intranasal, oral).
    public var route: SlotValue?
    /// Who it is about (TRD, MDD, bipolar depression, suicidal ideation).
    public var population: SlotValue?
    /// What is measured (response, remission, relapse…).
    public var outcome: SlotValue?
    /// The claimed quantity: a percentage or range, a count, a duration.
    public var quantity: ReportedNumber?
    /// What it is compared with (standard antidepressants, placebo).
    public var comparator: SlotValue?
    /// The adverse effect or risk the claim is about.
    public var effect: SlotValue?
    /// Mechanisms named (NMDA, glutamate…).
    public var mechanisms: [SlotValue]
    /// A regulator or legal status (FDA approval, controlled substance).
    public var regulator: SlotValue?
    /// A dosing regimen (single infusion, course).
    public var regimen: SlotValue?
    /// Whether the claim is stated in the negative ("is not an opioid", "doesn't carry the risk").
    public var negated: Bool

    /// Empty slots.
    public init() {
        mechanisms = []
        negated = false
    }

    /// Every concept in the slots, for matching and retrieval.
    public var concepts: [SlotValue] {
        [intervention, route, population, outcome, comparator, effect, regulator, regimen].compactMap { $0 } + mechanisms
    }
}
