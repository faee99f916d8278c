import PubMed

/// What the formats render from, derived once per export: the items, their distinct records
/// in first-seen order and, when asked for, the records' unique BibTeX keys.
///
/// A bundle renders six formats from the same items; BibTeX and CSL-JSON share the keys (CSL
/// items use them as `id`), so they are computed once here rather than once per format.
struct ExportCollection: Sendable {
    /// Every item, in order (the CSV table has one row per item).
    let items: [ExportItem]
    /// The distinct records, each PMID once, in first-seen order.
    let records: [PubMedRecord]
    /// `BibTeXKey.uniqueKeys(for: records)`, or empty when not asked for.
    let keys: [String]

    /// Collects `items`; computes the BibTeX keys when `withKeys` is set.
    init(_ items: [ExportItem], withKeys: Bool) {
        self.items = items
        records = items.uniqueRecords
        keys = withKeys ? BibTeXKey.uniqueKeys(for: records) : []
    }
}
