import Foundation

/// What a fetch folder already holds, for resuming: the query and every saved batch with
/// the PMIDs it holds.
///
/// Saved as `fetch-state.json` beside the batches, rewritten atomically after each batch.
/// The WebEnv is not kept: it expires, so a resumed fetch searches again and skips the ids it
/// already has.
public struct FetchState: Codable, Sendable, Hashable {
    /// One saved batch.
    public struct Batch: Codable, Sendable, Hashable {
        /// The file name in the folder.
        public var file: String
        /// PMIDs of the records in the file.
        public var ids: [EntrezUID]
        /// PMIDs asked for that the service did not return (kept for the record; the next run asks
        /// for them again).
        public var absent: [EntrezUID]

        /// A batch.
        public init(file: String, ids: [EntrezUID], absent: [EntrezUID] = []) {
            self.file = file
            self.ids = ids
            self.absent = absent
        }
    }

    /// The state file's format version.
    public var version: Int
    /// The query the folder holds.
    public var query: String
    /// Saved batches in the order they were fetched.
    public var batches: [Batch]

    /// An empty state for `query`.
    public init(query: String) {
        version = 1
        self.query = query
        batches = []
    }

    /// The state file's name.
    public static let fileName = "fetch-state.json"

    /// Every PMID the folder holds.
    public var knownIDs: Set<EntrezUID> {
        var result = Set<EntrezUID>()
        for batch in batches { result.formUnion(batch.ids) }
        return result
    }

    /// Whether `file` is recorded.
    public func contains(file: String) -> Bool {
        batches.contains { $0.file == file }
    }

    /// Reads the state in `folder`; nil when there is none yet.
    public static func load(from folder: URL) throws -> FetchState? {
        let url = folder.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        do {
            return try JSONDecoder().decode(FetchState.self, from: Data(contentsOf: url))
        } catch {
            throw FetchError.unreadableState(path: url.path, reason: "\(error)")
        }
    }

    /// Writes the state into `folder` atomically (temporary file, then rename).
    public func save(to folder: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(self)
        try BatchArchive.writeAtomically(data, to: folder.appendingPathComponent(Self.fileName))
    }
}
