import Foundation
import PubMed

/// The article index: an SQLite database holding every stored PubMed record, its
/// normalised parts, the FTS5 index and the ingest manifest.
///
/// The compressed original XML of each record is the single source of truth: `record(_:)`
/// re-parses it, so anything can be re-derived later. The other columns and tables are
/// derived from it for searching and listing.
///
/// An `ArticleStore` wraps one `Database` connection and shares its threading rule: use it
/// from one thread at a time.
public final class ArticleStore {
    /// The index's path.
    public let path: String
    /// The connection, for queries the store does not wrap (search, claims, export).
    public let database: Database

    /// The page cache of a store's connection, as `PRAGMA cache_size` takes it (negative: KiB).
    static let cacheSizeKiB = -32000

    /// Opens the index at `path`, creating it (and its parent folders) when `create` is true,
    /// and applies any missing migrations.
    ///
    /// Throws `ArticleStoreError.missingIndex` when the file does not exist and `create` is false.
    public init(path: String, create: Bool = true) throws {
        self.path = path
        let fileManager = FileManager.default
        if path != ":memory:" {
            if !fileManager.fileExists(atPath: path) {
                guard create else { throw ArticleStoreError.missingIndex(path: path) }
                let parent = URL(fileURLWithPath: path).deletingLastPathComponent()
                try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
            }
        }
        database = try Database(path: path)
        try database.execute("PRAGMA cache_size = \(ArticleStore.cacheSizeKiB); PRAGMA temp_store = MEMORY")
        try Migrations.migrate(database)
    }

    /// Closes the connection.
    public func close() {
        database.close()
    }

    // MARK: Reading records

    /// The stored original XML of `pmid`, decompressed, or `nil` when it is not in the index.
    public func originalXML(_ pmid: PMID) throws -> String? {
        switch try storedOriginal(pmid) {
        case nil:
            return nil
        case .chunk(let chunkID, let range):
            let bytes = try Self.decompressed(try originalChunk(chunkID, of: pmid), of: pmid, chunkID: chunkID)
            guard range.upperBound <= bytes.count else { throw StoredOriginal.outOfRange(pmid: pmid, chunkID: chunkID) }
            return String(decoding: bytes[range], as: UTF8.self)
        case .blob(let blob):
            return String(decoding: try Self.decompressed(blob, of: pmid, chunkID: nil), as: UTF8.self)
        }
    }

    /// Where the original of a record is stored.
    enum StoredOriginal {
        /// A byte range in the decompressed chunk `id` of `original_chunk`.
        case chunk(id: Int64, range: Range<Int>)
        /// A compressed blob of its own (`article.original_xml`).
        case blob(Data)

        static func outOfRange(pmid: PMID, chunkID: Int64) -> ArticleStoreError {
            .unreadableRecord(pmid: pmid, reason: "its place in chunk \(chunkID) is out of range")
        }
    }

    /// Where the original of `pmid` is stored; `nil` when the record is not in the index (or
    /// has no original).
    func storedOriginal(_ pmid: PMID) throws -> StoredOriginal? {
        typealias Stored = (blob: Data?, chunk: Int64?, offset: Int?, length: Int?)
        guard let stored: Stored = try database.queryFirst(
            "SELECT original_xml, original_chunk, original_offset, original_length FROM article WHERE pmid = ?",
            arguments: [pmid], row: { row in (row.data(0), row.optionalInt(1).map(Int64.init), row.optionalInt(2), row.optionalInt(3)) }
        ) else { return nil }
        if let chunkID = stored.chunk, let offset = stored.offset, let length = stored.length {
            guard offset >= 0, length >= 0 else { throw StoredOriginal.outOfRange(pmid: pmid, chunkID: chunkID) }
            return .chunk(id: chunkID, range: offset..<(offset + length))
        }
        return stored.blob.map(StoredOriginal.blob)
    }

    /// The compressed chunk of originals `chunkID`, which holds `pmid`'s.
    func originalChunk(_ chunkID: Int64, of pmid: PMID) throws -> Data {
        guard let chunk = try database.queryFirst("SELECT xml FROM original_chunk WHERE id = ?", arguments: [chunkID],
                                                  row: { $0.data(0) }) ?? nil else {
            throw ArticleStoreError.unreadableRecord(pmid: pmid, reason: "its chunk of originals \(chunkID) is missing")
        }
        return chunk
    }

    /// The bytes of a compressed chunk or blob; a failure names `pmid` (and the chunk).
    static func decompressed(_ compressed: Data, of pmid: PMID, chunkID: Int64?) throws -> [UInt8] {
        do {
            return try RecordCompression.decompressBytes(compressed)
        } catch {
            let reason = chunkID.map { "its chunk of originals \($0) cannot be decompressed: \(error)" } ?? "\(error)"
            throw ArticleStoreError.unreadableRecord(pmid: pmid, reason: reason)
        }
    }

    /// The record `pmid` parsed from the bytes of its stored original.
    static func parsedRecord(_ bytes: [UInt8], pmid: PMID, parser: PubMedParser = PubMedParser()) throws -> PubMedRecord {
        let records: [PubMedRecord]
        do {
            records = try parser.records(fromBytes: bytes)
        } catch {
            throw ArticleStoreError.unreadableRecord(pmid: pmid, reason: "\(error)")
        }
        guard let record = records.first(where: { $0.pmid == pmid }) ?? records.first else {
            throw ArticleStoreError.unreadableRecord(pmid: pmid, reason: "the stored XML holds no record")
        }
        return record
    }

    /// Removes chunks of originals that no article refers to any more (every record in them was
    /// replaced or deleted); returns how many. The ingester runs it after a file that replaced
    /// or deleted records. A chunk that still holds one live record stays whole.
    @discardableResult
    public func removeUnreferencedOriginals() throws -> Int {
        try database.execute("""
            DELETE FROM original_chunk WHERE id NOT IN
                (SELECT original_chunk FROM article WHERE original_chunk IS NOT NULL)
            """)
        return database.changes
    }

    /// The record `pmid`, re-parsed from its stored original XML, or `nil` when it is not in the index.
    public func record(_ pmid: PMID) throws -> PubMedRecord? {
        guard let xml = try originalXML(pmid) else { return nil }
        return try Self.parsedRecord(Array(xml.utf8), pmid: pmid)
    }

    /// Whether `pmid` is in the index.
    public func contains(_ pmid: PMID) throws -> Bool {
        try database.scalarInt("SELECT 1 FROM article WHERE pmid = ?", arguments: [pmid]) != nil
    }

    /// The stored version of `pmid`, or `nil` when it is not in the index.
    public func version(of pmid: PMID) throws -> Int? {
        try database.scalarInt("SELECT version FROM article WHERE pmid = ?", arguments: [pmid]).map(Int.init)
    }

    /// Every stored PMID, in ascending order.
    public func pmids() throws -> [PMID] {
        try database.query("SELECT pmid FROM article ORDER BY pmid") { PMID($0.int64(0)) }
    }

    /// The number of stored records, book articles included.
    public func articleCount() throws -> Int {
        Int(try database.scalarInt("SELECT count(*) FROM article") ?? 0)
    }

    /// Whether the index holds no article (one row probe, where `articleCount()` scans).
    public func isEmpty() throws -> Bool {
        try database.scalarInt("SELECT EXISTS (SELECT 1 FROM article)") == 0
    }

    /// PMIDs removed by `DeleteCitation`, in ascending order.
    public func deletedPMIDs() throws -> [PMID] {
        try database.query("SELECT pmid FROM deleted_citation ORDER BY pmid") { PMID($0.int64(0)) }
    }
}

/// What can go wrong opening or reading the index.
public enum ArticleStoreError: Error, CustomStringConvertible, Equatable {
    /// There is no index at the path (and it was not to be created).
    case missingIndex(path: String)
    /// A stored record cannot be decompressed or re-parsed.
    case unreadableRecord(pmid: PMID, reason: String)

    public var description: String {
        switch self {
        case .missingIndex(let path):
            return "no index at \(path); run 'evidence ingest' first (or pass --index PATH)"
        case .unreadableRecord(let pmid, let reason):
            return "PMID \(pmid): the stored record cannot be read: \(reason)"
        }
    }
}
