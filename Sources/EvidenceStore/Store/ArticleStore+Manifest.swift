import Crypto
import Foundation

/// One row of the ingest manifest: a file that went into the index.
public struct IngestedFile: Hashable, Sendable, Codable {
    public var id: Int64
    /// The file name (basename), or `-` for standard input.
    public var name: String
    /// The path as given.
    public var path: String
    /// Hex SHA-256 of the bytes as stored on disk (gzip or not).
    public var sha256: String
    public var bytes: Int64
    /// Records read from the file (inserted, replaced, or skipped as older).
    public var records: Int
    /// PMIDs listed in its `DeleteCitation` blocks.
    public var deletions: Int
    /// ISO 8601, UTC.
    public var ingestedAt: String
}

extension ArticleStore {
    /// The manifest of ingested files, in the order they went in.
    public func manifest() throws -> [IngestedFile] {
        try database.query("""
            SELECT id, name, path, sha256, bytes, records, deletions, ingested_at FROM ingested_file ORDER BY id
            """) { row in
            IngestedFile(id: row.int64(0), name: row.string(1) ?? "", path: row.string(2) ?? "", sha256: row.string(3) ?? "",
                         bytes: row.int64(4), records: row.int(5), deletions: row.int(6), ingestedAt: row.string(7) ?? "")
        }
    }

    /// The manifest row of the file with this SHA-256, if it was ingested.
    public func ingestedFile(sha256: String) throws -> IngestedFile? {
        try manifest().first { $0.sha256 == sha256 }
    }

    /// The snapshot id: hex SHA-256 over the manifest, one line `sha256 records deletions` per
    /// file, sorted by SHA-256.
    ///
    /// Two indexes built from the same files (in any order, at any time) share a snapshot id;
    /// ingesting any new file changes it. Exports and claim reports record it for provenance.
    public var snapshotID: String {
        get throws {
            let lines = try manifest()
                .sorted { $0.sha256 < $1.sha256 }
                .map { "\($0.sha256) \($0.records) \($0.deletions)\n" }
                .joined()
            return SHA256.hash(data: Data(lines.utf8)).map { String(format: "%02x", $0) }.joined()
        }
    }

    /// Adds a file to the manifest (with zero counts) and returns its id. Runs inside the
    /// caller's transaction; `finishIngestedFile` sets the counts before it commits.
    func beginIngestedFile(name: String, path: String, sha256: String, bytes: Int64) throws -> Int64 {
        try database.execute("""
            INSERT INTO ingested_file(name, path, sha256, bytes, records, deletions, ingested_at) VALUES (?, ?, ?, ?, 0, 0, ?)
            """, arguments: [name, path, sha256, bytes, ArticleStore.timestamp()])
        return database.lastInsertedRowID
    }

    /// Sets a manifest row's counts.
    func finishIngestedFile(id: Int64, records: Int, deletions: Int) throws {
        try database.execute("UPDATE ingested_file SET records = ?, deletions = ? WHERE id = ?", arguments: [records, deletions, id])
    }

    /// Now, in ISO 8601 UTC.
    static func timestamp() -> String {
        ISO8601DateFormatter().string(from: Date())
    }
}
