import PubMed

/// The evidence table: one row per exported item, as RFC 4180 CSV.
///
/// Columns: `pmid, year, design, n, title, journal, doi, claim_id, stance, verdict, quote`.
/// The claim columns are empty unless a claim or a check is the source. `design` comes from
/// `StudyDesign`, `n` from `SampleSize` (heuristics; check them against the paper).
/// Fields holding a comma, a quote or a line break are quoted with quotes doubled; lines end
/// in CR LF as RFC 4180 says; UTF-8 without a byte-order mark.
public enum EvidenceTableCSV {
    /// The header row's column names.
    public static let columns = ["pmid", "year", "design", "n", "title", "journal", "doi", "claim_id", "stance", "verdict", "quote"]

    /// Renders every item, one row each, after the header.
    public static func render(_ items: [ExportItem]) -> String {
        var header = ""
        appendRow(columns, to: &header)
        // Design and sample size once per record, even when several claims cite it.
        var firstIndex: [PMID: Int] = [:]
        for (index, item) in items.enumerated() where firstIndex[item.record.pmid] == nil {
            firstIndex[item.record.pmid] = index
        }
        return header + ParallelRendering.render(count: items.count, bytesPerElement: 300) { index, output in
            let item = items[index]
            let record = item.record
            appendRow([
                record.pmid.description,
                record.year.map(String.init) ?? "",
                StudyDesign(record: record).rawValue,
                SampleSize.find(in: record).map(String.init) ?? "",
                record.citationTitle?.collapsingWhitespace ?? "",
                record.journalTitle ?? record.book?.bookTitle ?? "",
                record.doi?.value ?? "",
                item.claim?.claimID ?? "",
                item.claim?.stance ?? "",
                item.claim?.verdict ?? "",
                item.claim?.quote?.collapsingWhitespace ?? "",
            ], to: &output)
        }
    }

    static func appendRow(_ fields: [String], to output: inout String) {
        for (index, field) in fields.enumerated() {
            if index > 0 { output += "," }
            output += quoted(field)
        }
        output += "\r\n"
    }

    /// The field, quoted when RFC 4180 requires it.
    static func quoted(_ field: String) -> String {
        guard field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
