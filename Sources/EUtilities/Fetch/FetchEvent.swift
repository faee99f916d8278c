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
