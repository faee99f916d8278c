import CSQLite
import Foundation

/// The writer's map from MeSH names to the integer ids of `mesh_descriptor` and
/// `mesh_subheading` (migration `perf-5-mesh-vocabulary`), adding the names it has not seen.
///
/// A name seen before costs one hash lookup; a new one, one indexed SELECT (and an INSERT
/// when the index lacks it too). Ids found or made inside a transaction are only valid in
/// it (a rollback takes back the rows just added), so a vocabulary belongs to one
/// `ArticleWriter`, which lives inside one transaction. Used on the writing thread only.
final class MeshVocabulary {
    /// A dictionary row's identity: its name and UI as bytes (`name`, 0, `ui`, or 1 for no UI).
    private struct Key: Hashable {
        var bytes: [UInt8]

        init(name: UnsafeRawBufferPointer, ui: UnsafeRawBufferPointer?) {
            bytes = [UInt8]()
            bytes.reserveCapacity(name.count + (ui?.count ?? 0) + 1)
            bytes.append(contentsOf: name)
            if let ui {
                bytes.append(0)
                bytes.append(contentsOf: ui)
            } else {
                bytes.append(1)
            }
        }
    }

    private let database: Database
    private var descriptors: [Key: Int64] = [:]
    private var subheadings: [Key: Int64] = [:]
    private let findDescriptor: Statement
    private let addDescriptor: Statement
    private let findSubheading: Statement
    private let addSubheading: Statement

    init(database: Database) throws {
        self.database = database
        findDescriptor = try database.makeStatement("SELECT id FROM mesh_descriptor WHERE name = ? AND ui IS ?")
        addDescriptor = try database.makeStatement("INSERT INTO mesh_descriptor(name, ui, search_name) VALUES (?, ?, ?)")
        findSubheading = try database.makeStatement("SELECT id FROM mesh_subheading WHERE name = ? AND ui IS ?")
        addSubheading = try database.makeStatement("INSERT INTO mesh_subheading(name, ui) VALUES (?, ?)")
    }

    /// The id of the descriptor `name` with `ui` (nil: none), added with `searchName` (its
    /// folded form) when new.
    func descriptorID(name: UnsafeRawBufferPointer, ui: UnsafeRawBufferPointer?, searchName: UnsafeRawBufferPointer) throws -> Int64 {
        let key = Key(name: name, ui: ui)
        if let id = descriptors[key] { return id }
        let id = try lookUp(name: name, ui: ui, find: findDescriptor, add: addDescriptor, extra: searchName)
        descriptors[key] = id
        return id
    }

    /// The id of the qualifier (subheading) `name` with `ui` (nil: none), added when new.
    func subheadingID(name: UnsafeRawBufferPointer, ui: UnsafeRawBufferPointer?) throws -> Int64 {
        let key = Key(name: name, ui: ui)
        if let id = subheadings[key] { return id }
        let id = try lookUp(name: name, ui: ui, find: findSubheading, add: addSubheading, extra: nil)
        subheadings[key] = id
        return id
    }

    private func lookUp(name: UnsafeRawBufferPointer, ui: UnsafeRawBufferPointer?, find: Statement, add: Statement,
                        extra: UnsafeRawBufferPointer?) throws -> Int64 {
        try bind(name, ui: ui, to: find)
        defer { find.reset() }
        if try find.step() { return find.int64(0) }
        try bind(name, ui: ui, to: add)
        defer { add.reset() }
        if let extra { try bind(text: extra, at: 3, to: add) }
        _ = try add.step()
        return database.lastInsertedRowID
    }

    private func bind(_ name: UnsafeRawBufferPointer, ui: UnsafeRawBufferPointer?, to statement: Statement) throws {
        try bind(text: name, at: 1, to: statement)
        if let ui {
            try bind(text: ui, at: 2, to: statement)
        } else {
            try check(sqlite3_bind_null(statement.handle, 2), statement)
        }
    }

    /// Binds bytes that stay valid until the statement is reset (`SQLITE_STATIC`).
    private func bind(text: UnsafeRawBufferPointer, at index: Int32, to statement: Statement) throws {
        // A valid pointer even for empty text, so it binds '' and not NULL.
        let pointer = text.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!
        try check(sqlite3_bind_text(statement.handle, index, pointer.assumingMemoryBound(to: CChar.self), Int32(text.count), nil), statement)
    }

    private func check(_ code: Int32, _ statement: Statement) throws {
        guard code == SQLITE_OK else {
            throw DatabaseError(resultCode: code, message: String(cString: sqlite3_errstr(code)), sql: statement.sql)
        }
    }
}
