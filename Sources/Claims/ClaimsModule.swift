/// Claim extraction, evidence linking, verdicts and the review ledger.
///
/// Pipeline stages: article file → `ArticleDocument` (plain text with offsets into the
/// original, segmented) → `Claim`s (typed, with slots) → `Citation`s (linked evidence
/// sentences with stance, numbers and design) → `ClaimVerdict` → `CheckReport`.
public enum ClaimsModule {}
