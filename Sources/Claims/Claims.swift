/// Claim extraction, evidence linking, verdicts and the review ledger.
public enum ClaimsModule {}
