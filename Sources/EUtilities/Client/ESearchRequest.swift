import Foundation

/// An esearch call: a query, optionally limited to a date range, kept on the history server.
public struct ESearchRequest: Sendable, Hashable {
    /// The query, in PubMed syntax.
    public var term: String
    /// The `mindate`..`maxdate` limit, if any.
    public var dateRange: DateRange?
    /// The date the range applies to.
    public var dateType: EntrezDateType
    /// Whether to keep the result on the history server (`usehistory=y`) for efetch.
    public var useHistory: Bool
    /// The index of the first id returned.
    public var retstart: Int
    /// How many ids to return (0 for the count only; esearch returns at most 10,000).
    public var retmax: Int

    /// A search request.
    public init(term: String, dateRange: DateRange? = nil, dateType: EntrezDateType = .edat,
                useHistory: Bool = true, retstart: Int = 0, retmax: Int = 0) {
        self.term = term
        self.dateRange = dateRange
        self.dateType = dateType
        self.useHistory = useHistory
        self.retstart = retstart
        self.retmax = retmax
    }

    /// The query parameters, in the order sent.
    var parameters: [(String, String)] {
        var result: [(String, String)] = [("term", term)]
        if useHistory { result.append(("usehistory", "y")) }
        result.append(("retmode", "json"))
        result.append(("retstart", String(retstart)))
        result.append(("retmax", String(retmax)))
        if let dateRange {
            result.append(("datetype", dateType.rawValue))
            result.append(("mindate", dateRange.first.entrezFormat))
            result.append(("maxdate", dateRange.last.entrezFormat))
        }
        return result
    }
}
