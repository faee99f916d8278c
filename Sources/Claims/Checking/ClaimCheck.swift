/// One claim with its evidence and verdict: the unit reports and the ledger work on.
public struct ClaimCheck: Hashable, Sendable {
    /// The claim.
    public var claim: Claim
    /// Its citations, best first (rejected links removed, human links included).
    public var citations: [Citation]
    /// Its verdict.
    public var verdict: ClaimVerdict

    /// Makes a check.
    public init(claim: Claim, citations: [Citation], verdict: ClaimVerdict) {
        self.claim = claim
        self.citations = citations
        self.verdict = verdict
    }
}

/// Everything `evidence check` found in one article.
public struct ArticleCheck: Sendable {
    /// The article.
    public var article: ArticleDocument
    /// The index snapshot the claims were linked against.
    public var snapshot: String
    /// The lexicon used ("name version").
    public var lexicon: String
    /// The claims, in article order.
    public var checks: [ClaimCheck]
    /// What was skipped and why.
    public var skipped: [SkippedStatement]
    /// What changed since the previous run on the same article (nil on a first run or without a ledger).
    public var changes: LedgerChanges?
}
