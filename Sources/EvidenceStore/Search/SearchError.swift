/// Why a search failed: a bad query, or an index that cannot be read.
///
/// The description never carries a raw SQLite or FTS5 message: query problems are
/// `QueryError`s found before any SQL runs, and database failures are summarised.
public enum SearchError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The query does not parse.
    case query(QueryError)
    /// The index could not be searched (SQLite result code kept for diagnosis).
    case index(resultCode: Int32, operation: String)
    /// No record with this PMID (for `similar`).
    case unknownPMID(Int64)

    public var description: String {
        switch self {
        case .query(let error):
            return error.description
        case .index(let code, let operation):
            return "the index could not be searched while \(operation) (SQLite result code \(code)); "
                + "check that it is a complete evidence index, or rebuild it with 'evidence ingest'"
        case .unknownPMID(let pmid):
            return "PMID \(pmid) is not in the index"
        }
    }
}
