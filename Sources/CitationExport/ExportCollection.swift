import Foundation
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
    /// Each record's `abstractOneLine` and `subjectTerms`, which RIS, BibTeX, CSL-JSON and
    /// MEDLINE all write: worked out once (in parallel) instead of once per format. Empty
    /// when not asked for; `abstract(_:)` and `subjectTerms(_:)` then work them out.
    let abstracts: [String?]
    let terms: [[String]]

    /// Collects `items`; computes the BibTeX keys when `withKeys` is set, and the abstracts
    /// and subject terms when `withTexts` is set.
    init(_ items: [ExportItem], withKeys: Bool, withTexts: Bool = false) {
        self.items = items
        let records = items.uniqueRecords
        self.records = records
        keys = withKeys ? BibTeXKey.uniqueKeys(for: records) : []
        guard withTexts else {
            abstracts = []
            terms = []
            return
        }
        var abstracts = [String?](repeating: nil, count: records.count)
        var terms = [[String]](repeating: [], count: records.count)
        abstracts.withUnsafeMutableBufferPointer { abstractBuffer in
            terms.withUnsafeMutableBufferPointer { termBuffer in
                let abstractBase = abstractBuffer.baseAddress, termBase = termBuffer.baseAddress
                ParallelRendering.forEachChunk(count: records.count) { range in
                    for index in range {
                        (abstractBase! + index).pointee = records[index].abstractOneLine
                        (termBase! + index).pointee = records[index].subjectTerms
                    }
                }
            }
        }
        self.abstracts = abstracts
        self.terms = terms
    }

    /// `records[index].abstractOneLine`.
    func abstract(_ index: Int) -> String? {
        abstracts.isEmpty ? records[index].abstractOneLine : abstracts[index]
    }

    /// `records[index].subjectTerms`.
    func subjectTerms(_ index: Int) -> [String] {
        terms.isEmpty ? records[index].subjectTerms : terms[index]
    }
}
