/// What to fetch: a query, an optional date range, and limits.
public struct FetchJob: Sendable, Hashable {
    /// The PubMed query.
    public var query: String
    /// The date range; nil for all dates (slicing then starts from PubMed's whole span).
    public var dateRange: DateRange?
    /// The date the range and the slices apply to.
    public var dateType: EntrezDateType
    /// The most records the folder may hold (already fetched ones count); nil for no limit.
    public var maxRecords: Int?
    /// Records per efetch call.
    public var batchSize: Int
    /// The most ids esearch returns for one search (10,000 for PubMed); larger results are
    /// sliced by date until each slice fits.
    public var searchCap: Int
    /// Stops after fetching this many batches in this run (for a bounded run; the next run
    /// resumes); nil for no limit.
    public var batchLimit: Int?

    /// A job.
    public init(
        query: String,
        dateRange: DateRange? = nil,
        dateType: EntrezDateType = .edat,
        maxRecords: Int? = nil,
        batchSize: Int = 500,
        searchCap: Int = 10_000,
        batchLimit: Int? = nil
    ) {
        self.query = query
        self.dateRange = dateRange
        self.dateType = dateType
        self.maxRecords = maxRecords
        self.batchSize = max(1, batchSize)
        self.searchCap = max(1, searchCap)
        self.batchLimit = batchLimit
    }
}
