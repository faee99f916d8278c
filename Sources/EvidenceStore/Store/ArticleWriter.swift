import CSQLite
import Foundation
import PubMed

/// How storing one record went.
public enum UpsertOutcome: Sendable, Hashable {
    /// The PMID was new.
    case inserted
    /// An older or equal version was replaced.
    case replaced
    /// A higher version is already stored; the record was not stored.
    case skippedOlder
}

/// Writes records into the index with statements prepared once: the bulk-ingest path.
///
/// Update rules: upsert by PMID; a higher `Version` wins; at an equal version the record
/// written later wins; a lower version is skipped. A record replaces the old one in every
/// table and in the FTS index (delete, then insert). Writing a record whose PMID was
/// deleted earlier brings it back and clears the deletion.
///
/// The writer does not open transactions: callers wrap a batch (a file) in
/// `Database.transaction`, and use a writer within the one transaction it was made in (its
/// `NameVocabulary` remembers ids the transaction made).
final class ArticleWriter {
    private let database: Database
    private let selectVersion: Statement
    private let deleteArticle: Statement
    private let clearDeletion: Statement
    private let recordDeletion: Statement
    private let insertChunk: Statement
    /// The id of the chunk of originals written last; the rows after it point into it.
    private var currentChunkID: Int64?
    /// The INSERT statements, indexed by `RowOperations.Target.rawValue`.
    private let inserts: [Statement]
    /// MeSH and publication type names to dictionary ids; valid within the caller's transaction, like the writer.
    private let vocabulary: NameVocabulary

    /// Whether `deleted_citation` may hold rows; while it is empty (the usual case on a fresh
    /// index), clearing a deletion mark for every record written is skipped.
    private var mayHaveDeletions: Bool

    init(database: Database) throws {
        self.database = database
        mayHaveDeletions = try database.scalarInt("SELECT 1 FROM deleted_citation LIMIT 1") != nil
        func make(_ sql: String) throws -> Statement { try database.makeStatement(sql) }
        selectVersion = try make("SELECT version FROM article WHERE pmid = ?")
        deleteArticle = try make("DELETE FROM article WHERE pmid = ?")
        clearDeletion = try make("DELETE FROM deleted_citation WHERE pmid = ?")
        recordDeletion = try make("INSERT OR REPLACE INTO deleted_citation(pmid, file_id, deleted_at) VALUES (?, ?, ?)")
        insertChunk = try make("INSERT INTO original_chunk(xml) VALUES (?)")
        inserts = try RowOperations.Target.allCases.map { try make($0.sql) }
        vocabulary = try NameVocabulary(database: database)
    }

    /// Stores `row` under the update rules, with `sourceFileID` naming the manifest row it came from.
    func write(_ row: ArticleRow, sourceFileID: Int64?) throws -> UpsertOutcome {
        let pmid = row.pmid.value
        // Before the version check: the chunk holds the next rows' originals too.
        if let chunk = row.chunk {
            try run(insertChunk) { try $0.bind(chunk, at: 1) }
            currentChunkID = database.lastInsertedRowID
        }
        var slice: ArticleRow.ChunkSlice?
        if let place = row.chunkPlace {
            guard let chunkID = currentChunkID else {
                throw DatabaseError(resultCode: SQLITE_MISUSE, message: "a chunked original came before its chunk")
            }
            slice = ArticleRow.ChunkSlice(chunkID: chunkID, offset: place.offset, length: place.length,
                                          searchText: row.textPlace.map {
                                              PackedSearchText.Reference(present: $0.present, chunkID: chunkID, offset: $0.offset, length: $0.length)
                                          })
        }
        try selectVersion.bind(integer: pmid, at: 1)
        let existing: Int64? = try selectVersion.step() ? selectVersion.int64(0) : nil
        selectVersion.reset()
        if let existing {
            if existing > Int64(row.version) { return .skippedOlder }
            try run(deleteArticle) { try $0.bind(integer: pmid, at: 1) }
        }
        if mayHaveDeletions {
            try run(clearDeletion) { try $0.bind(integer: pmid, at: 1) }
        }
        // INSERTs only (the replaced row was deleted above, with its text): skip inflating texts.
        try database.withoutPackedTexts {
            try row.operations.run(on: inserts, vocabulary: vocabulary, sourceFileID: sourceFileID, original: slice)
        }
        return existing == nil ? .inserted : .replaced
    }

    /// Removes `pmid` from every table and the FTS index and records the deletion; returns
    /// whether a stored record was removed.
    func delete(_ pmid: PMID, fileID: Int64?, at timestamp: String) throws -> Bool {
        mayHaveDeletions = true
        try run(deleteArticle) { try $0.bind(integer: pmid.value, at: 1) }
        let removed = database.changes > 0
        try run(recordDeletion) { statement in
            try statement.bind(integer: pmid.value, at: 1)
            try statement.bind(fileID, at: 2)
            try statement.bind(text: timestamp, at: 3)
        }
        return removed
    }

    private func run(_ statement: Statement, bind: (Statement) throws -> Void) throws {
        defer { statement.reset() }
        try bind(statement)
        try statement.step()
    }
}

extension ArticleStore {
    /// Stores one record under the update rules (see `UpsertOutcome`), in its own transaction
    /// (or a savepoint of the caller's).
    @discardableResult
    public func store(_ record: PubMedRecord, sourceFileID: Int64? = nil) throws -> UpsertOutcome {
        let row = try ArticleRow(record)
        let writer = try ArticleWriter(database: database)
        return try database.transaction { try writer.write(row, sourceFileID: sourceFileID) }
    }

    /// Removes each PMID from every table and the FTS index and records it as deleted; returns
    /// how many stored records were removed.
    @discardableResult
    public func delete(_ pmids: [PMID], fileID: Int64? = nil) throws -> Int {
        let writer = try ArticleWriter(database: database)
        let now = ArticleStore.timestamp()
        return try database.transaction {
            try pmids.reduce(0) { count, pmid in try writer.delete(pmid, fileID: fileID, at: now) ? count + 1 : count }
        }
    }
}
