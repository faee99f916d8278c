/// What a fetch did.
public struct FetchSummary: Sendable, Hashable {
    /// Records the folder held before this run.
    public var recordsBefore = 0
    /// Records fetched in this run.
    public var recordsFetched = 0
    /// Batches fetched in this run.
    public var batchesFetched = 0
    /// Windows skipped because every record in them was already there.
    public var batchesSkipped = 0
    /// Batch files recovered from an interrupted run.
    public var batchesRecovered = 0
    /// Date slices searched.
    public var slicesSearched = 0
    /// Records the query matched (first search), when searched.
    public var recordsMatched: Int?
    /// PMIDs listed by esearch that efetch did not return.
    public var recordsAbsent = 0
    /// Records the folder holds now.
    public var recordsInFolder = 0
    /// Whether the run stopped at its batch limit before finishing.
    public var stoppedAtLimit = false
    /// Every saved batch fetched or recovered in this run, in order.
    public var files: [SavedBatch] = []

    /// An empty summary.
    public init() {}
}
