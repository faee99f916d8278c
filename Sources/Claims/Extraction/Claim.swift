/// A checkable (or explicitly not checkable) statement from an article.
public struct Claim: Hashable, Sendable, Codable {
    /// Its id within the report ("c1", "c2"…), in article order.
    public var id: String
    /// A stable key for the ledger: the type, effect and normalised text, so reruns find it again.
    public var key: String
    /// The text checked: the sentence, or a list item preceded by its lead-in.
    public var text: String
    /// Where the claim is in the original article (the sentence, the list item or the effect named).
    public var span: TextSpan
    /// Where the claim is in the plain text (equal to `span` for a `.txt` article).
    public var plainSpan: TextSpan
    /// The article segment it came from.
    public var segment: Int
    /// What the claim asserts.
    public var type: ClaimType
    /// The claim normalised into slots.
    public var slots: ClaimSlots
    /// A short normalised statement ("ketamine: dizziness (adverse effect)").
    public var statement: String
    /// When set, the claim is not checkable, and this says why.
    public var notCheckableReason: String?
    /// The cue words that decided the type.
    public var cues: [String]

    /// Whether evidence should be looked for.
    public var isCheckable: Bool { notCheckableReason == nil }
}

/// A part of the article that is not a claim, and why it was skipped.
public struct SkippedStatement: Hashable, Sendable, Codable {
    /// The text skipped.
    public var text: String
    /// Where it is in the original article.
    public var span: TextSpan
    /// Why: "advertising", "call to action", "greeting", "disclaimer", "heading", "question"…
    public var reason: String
    /// The phrase that triggered the skip, when one did.
    public var cue: String?
}
