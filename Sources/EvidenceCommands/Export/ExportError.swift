import PubMed

/// What stops an export or a bundle check; each prints as one clear line.
enum ExportError: Error, CustomStringConvertible, Equatable {
    /// PMIDs asked for that the index does not hold.
    case unknownPMIDs([PMID], index: String)
    /// The source gave no records.
    case emptyResult(source: String)
    /// A `--pmids` file line that is not a PMID.
    case invalidPMID(file: String, line: Int, text: String)
    /// A file that cannot be read.
    case unreadableFile(path: String)
    /// A check report that cannot be used.
    case unreadableReport(path: String, reason: String)
    /// A ledger claim id that does not exist or is malformed.
    case unknownClaim(String)
    /// The output cannot be written.
    case unwritable(path: String, reason: String)

    var description: String {
        switch self {
        case .unknownPMIDs(let pmids, let index):
            let list = pmids.prefix(10).map(\.description).joined(separator: ", ") + (pmids.count > 10 ? ", … (\(pmids.count) in all)" : "")
            return "\(pmids.count == 1 ? "PMID" : "PMIDs") not in the index \(index): \(list)"
        case .emptyResult(let source): return "nothing to export: \(source) gave no records"
        case .invalidPMID(let file, let line, let text): return "\(file):\(line): '\(text)' is not a PMID"
        case .unreadableFile(let path): return "\(path): cannot read the file"
        case .unreadableReport(let path, let reason): return "\(path): not a usable check report: \(reason)"
        case .unknownClaim(let id): return "no claim \(id) in the ledger (see 'evidence claims list')"
        case .unwritable(let path, let reason): return "\(path): cannot write: \(reason)"
        }
    }
}
