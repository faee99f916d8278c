import PubMed

/// One record to export, with the claim that cited it when a claim or a check is the source.
///
/// Bibliographic formats (RIS, BibTeX, CSL-JSON, MEDLINE, reference lists) export each PMID
/// once, in first-seen order; the CSV evidence table keeps one row per item, so a record cited
/// by two claims appears twice there.
public struct ExportItem: Hashable, Sendable {
    /// The record as ingested.
    public var record: PubMedRecord
    /// Why the record is exported, when a claim cited it.
    public var claim: ClaimContext?

    /// Wraps a record and its optional claim context.
    public init(record: PubMedRecord, claim: ClaimContext? = nil) {
        self.record = record
        self.claim = claim
    }
}

/// The claim that cited a record: what it said, how the record bears on it, and the verdict.
public struct ClaimContext: Hashable, Sendable, Codable {
    /// The claim's id in the ledger or the check report (`c1`, `12`…).
    public var claimID: String
    /// The claim's text.
    public var claimText: String?
    /// The verdict on the claim (supported, contradicted, mixed, insufficient…).
    public var verdict: String?
    /// How this record bears on the claim (supports, contradicts, neutral…).
    public var stance: String?
    /// The sentence of the record quoted as evidence.
    public var quote: String?

    /// Creates a claim context.
    public init(claimID: String, claimText: String? = nil, verdict: String? = nil, stance: String? = nil, quote: String? = nil) {
        self.claimID = claimID
        self.claimText = claimText
        self.verdict = verdict
        self.stance = stance
        self.quote = quote
    }
}

extension Array where Element == ExportItem {
    /// The distinct records, each PMID once, in first-seen order.
    public var uniqueRecords: [PubMedRecord] {
        var seen = Set<PMID>()
        var records: [PubMedRecord] = []
        records.reserveCapacity(count)
        for item in self where seen.insert(item.record.pmid).inserted {
            records.append(item.record)
        }
        return records
    }
}
