/// How far a fetch has come, for progress displays.
public struct FetchProgress: Sendable, Hashable {
    /// Records the folder holds now.
    public var recordsInFolder: Int
    /// Records the search found (capped by the job's maximum), when known.
    public var expectedRecords: Int?
    /// Records fetched in this run.
    public var recordsFetched: Int
    /// Batches fetched in this run.
    public var batchesFetched: Int
    /// Seconds since this run started.
    public var elapsedSeconds: Double

    /// A progress report.
    public init(recordsInFolder: Int, expectedRecords: Int?, recordsFetched: Int, batchesFetched: Int, elapsedSeconds: Double) {
        self.recordsInFolder = recordsInFolder
        self.expectedRecords = expectedRecords
        self.recordsFetched = recordsFetched
        self.batchesFetched = batchesFetched
        self.elapsedSeconds = elapsedSeconds
    }

    /// Records fetched per second in this run.
    public var recordsPerSecond: Double {
        elapsedSeconds > 0 ? Double(recordsFetched) / elapsedSeconds : 0
    }

    /// Seconds left at the current rate, when it can be estimated.
    public var estimatedSecondsLeft: Double? {
        guard let expectedRecords, recordsPerSecond > 0 else { return nil }
        return Double(max(0, expectedRecords - recordsInFolder)) / recordsPerSecond
    }
}

/// Something a fetch reports as it goes.
public enum FetchEvent: Sendable {
    /// A batch file found in the folder but missing from the state (a run killed after saving
    /// it) was ingested and recorded.
    case recovered(SavedBatch)
    /// A damaged batch file was removed (it will be fetched again).
    case discarded(file: String, reason: String)
    /// The whole query was counted.
    case counted(records: Int, queryTranslation: String?)
    /// A slice found more records than esearch returns, so it is split in two.
    case split(DateRange, records: Int)
    /// A slice was searched and its windows are being fetched.
    case slice(name: String, records: Int)
    /// A batch was fetched, saved and ingested.
    case batch(SavedBatch, FetchProgress)
    /// A problem that does not stop the fetch.
    case warning(String)
}

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
