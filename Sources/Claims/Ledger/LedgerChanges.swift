import PubMed

/// What changed in an article's claims since the previous `check` run.
public struct LedgerChanges: Hashable, Sendable, Codable {
    /// A verdict that changed.
    public struct VerdictChange: Hashable, Sendable, Codable {
        /// The claim's id in this report.
        public var claim: String
        /// The claim text.
        public var text: String
        /// The previous verdict.
        public var from: String
        /// The new verdict.
        public var to: String
    }

    /// A link that appeared or disappeared.
    public struct LinkChange: Hashable, Sendable, Codable {
        /// The claim's id in this report (or its ledger label for removed claims).
        public var claim: String
        /// The record.
        public var pmid: PMID
        /// The link's stance.
        public var stance: String
    }

    /// The previous run's snapshot id.
    public var previousSnapshot: String
    /// When the previous run was.
    public var previousCheckedAt: String
    /// Claims found now but not last time (report ids).
    public var newClaims: [String] = []
    /// Claims found last time but not now (their text).
    public var removedClaims: [String] = []
    /// Links found now but not last time.
    public var newCitations: [LinkChange] = []
    /// Automatic links found last time but not now.
    public var removedCitations: [LinkChange] = []
    /// Verdicts that changed.
    public var verdictChanges: [VerdictChange] = []
    /// Human decisions that were applied (and kept) in this run.
    public var humanDecisionsApplied = 0

    /// Whether anything changed.
    public var isEmpty: Bool {
        newClaims.isEmpty && removedClaims.isEmpty && newCitations.isEmpty && removedCitations.isEmpty && verdictChanges.isEmpty
    }
}
