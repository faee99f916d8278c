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
