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
        try database.execute("PRAGMA cache_size = -32000; PRAGMA temp_store = MEMORY")
        try Migrations.migrate(database)
    }

    /// Closes the connection.
    public func close() {
        database.close()
    }

    // MARK: Reading records

    /// The stored original XML of `pmid`, decompressed, or `nil` when it is not in the index.
    public func originalXML(_ pmid: PMID) throws -> String? {
        typealias Stored = (blob: Data?, chunk: Int64?, offset: Int64?, length: Int64?)
        guard let stored: Stored = try database.queryFirst(
            "SELECT original_xml, original_chunk, original_offset, original_length FROM article WHERE pmid = ?",
            arguments: [pmid], row: { row in (row.data(0), row.optionalInt(1).map(Int64.init), row.optionalInt(2).map(Int64.init), row.optionalInt(3).map(Int64.init)) }
        ) else { return nil }
        do {
            if let chunkID = stored.chunk, let offset = stored.offset.map(Int.init), let length = stored.length.map(Int.init) {
                guard let chunk = try database.queryFirst("SELECT xml FROM original_chunk WHERE id = ?", arguments: [chunkID],
                                                          row: { $0.data(0) }) ?? nil else {
                    throw ArticleStoreError.unreadableRecord(pmid: pmid, reason: "its chunk of originals \(chunkID) is missing")
                }
                let bytes = try RecordCompression.decompressBytes(chunk)
                guard offset >= 0, length >= 0, offset + length <= bytes.count else {
                    throw ArticleStoreError.unreadableRecord(pmid: pmid, reason: "its place in chunk \(chunkID) is out of range")
                }
                return String(decoding: bytes[offset..<(offset + length)], as: UTF8.self)
            }
            guard let blob = stored.blob else { return nil }
            return try RecordCompression.decompress(blob)
        } catch let error as ArticleStoreError {
            throw error
        } catch {
            throw ArticleStoreError.unreadableRecord(pmid: pmid, reason: "\(error)")
        }
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
        let records: [PubMedRecord]
        do {
            records = try PubMedParser().records(fromXML: xml)
        } catch {
            throw ArticleStoreError.unreadableRecord(pmid: pmid, reason: "\(error)")
        }
        guard let record = records.first(where: { $0.pmid == pmid }) ?? records.first else {
            throw ArticleStoreError.unreadableRecord(pmid: pmid, reason: "the stored XML holds no record")
        }
        return record
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
