import PubMed

/// How a piece of evidence bears on a claim.
public enum Stance: String, Hashable, Sendable, Codable, CaseIterable {
    /// It reports what the claim says.
    case supports
    /// It reports the opposite, or a number clearly outside the claim's.
    case contradicts
    /// It reports both, or a finding with a contrasting caveat.
    case mixed
    /// It is about the claim's subject without bearing on it.
    case mentions
}

/// Who made a link.
public enum LinkMethod: String, Hashable, Sendable, Codable {
    /// Found by `evidence check`.
    case auto
    /// Added by a person with `evidence claims link`.
    case human
}

/// A reviewer's decision on a link.
public enum LinkDecision: String, Hashable, Sendable, Codable {
    /// The link is right.
    case confirmed
    /// The link is wrong; it never counts.
    case rejected
}

/// A record linked to a claim: the evidence sentence quoted, with its numbers and weight.
public struct Citation: Hashable, Sendable, Codable {
    /// The record.
    public var pmid: PMID
    /// Its title.
    public var title: String
    /// Its publication year.
    public var year: Int?
    /// Its design.
    public var design: StudyDesign
    /// Its sample size, when the abstract reports one.
    public var sampleSize: Int?
    /// How it bears on the claim.
    public var stance: Stance
    /// The ranking score: relevance weighted by design, size and recency (0…1).
    public var score: Double
    /// How sure the stance is (0…1).
    public var confidence: Double
    /// The quoted evidence sentence.
    public var quote: String
    /// Where the quote is: "title" or "abstract".
    public var quoteLocation: EvidenceSentence.Location
    /// The quote's span in that field.
    public var quoteSpan: TextSpan
    /// Numbers found in the quote.
    public var numbers: [ReportedNumber]
    /// How the quote's numbers compare with the claim's quantity.
    public var comparison: QuantityComparison?
    /// Specificity mismatches ("about esketamine, claim is about ketamine", "animal study").
    public var flags: [String]
    /// Whether the record is retracted (it then never supports).
    public var isRetracted: Bool
    /// Who made the link.
    public var method: LinkMethod
    /// A reviewer's decision, if any.
    public var decision: LinkDecision?
}
