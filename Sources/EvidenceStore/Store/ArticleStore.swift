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
        guard let blob = try database.queryFirst("SELECT original_xml FROM article WHERE pmid = ?",
                                                 arguments: [pmid], row: { $0.data(0) }) ?? nil else { return nil }
        do {
            return try RecordCompression.decompress(blob)
        } catch {
            throw ArticleStoreError.unreadableRecord(pmid: pmid, reason: "\(error)")
        }
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
