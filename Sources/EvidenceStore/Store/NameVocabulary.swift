import CSQLite
import Foundation

/// The writer's map from MeSH and publication type names to the integer ids of
/// `mesh_descriptor`, `mesh_subheading` (migration `perf-5-mesh-vocabulary`) and
/// `publication_type_term` (`perf-7-publication-type-vocabulary`), adding the names it has not seen.
///
/// A name seen before costs one hash of its bytes and a comparison; a new one, one indexed SELECT (and an INSERT
/// when the index lacks it too). Ids found or made inside a transaction are only valid in
/// it (a rollback takes back the rows just added), so a vocabulary belongs to one
/// `ArticleWriter`, which lives inside one transaction. Used on the writing thread only.
final class NameVocabulary {
    /// A dictionary row's identity, `name`, 0, `ui` (or `name`, 1 without UI), with its
    /// FNV-1a hash: looking a name up hashes and compares its bytes in place, no allocation.
    private struct Key {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325

        init(name: UnsafeRawBufferPointer, ui: UnsafeRawBufferPointer?) {
            add(name)
            if let ui {
                add(0)
                add(ui)
            } else {
                add(1)
            }
        }

        private mutating func add(_ byte: UInt8) {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }

        private mutating func add(_ bytes: UnsafeRawBufferPointer) {
            for byte in bytes { add(byte) }
        }

        /// The bytes the key stands for, kept with a cached id to rule out hash collisions.
        static func bytes(name: UnsafeRawBufferPointer, ui: UnsafeRawBufferPointer?) -> [UInt8] {
            var bytes = [UInt8](name)
            if let ui {
                bytes.append(0)
                bytes.append(contentsOf: ui)
            } else {
                bytes.append(1)
            }
            return bytes
        }

        /// Whether `bytes` is `name` and `ui` as `bytes(name:ui:)` spells them.
        static func matches(_ bytes: [UInt8], name: UnsafeRawBufferPointer, ui: UnsafeRawBufferPointer?) -> Bool {
            guard bytes.count == name.count + 1 + (ui?.count ?? 0) else { return false }
            return bytes.withUnsafeBytes { stored in
                guard memcmp(stored.baseAddress!, name.baseAddress ?? stored.baseAddress!, name.count) == 0 else { return false }
                guard let ui else { return stored[name.count] == 1 }
                return stored[name.count] == 0
                    && memcmp(stored.baseAddress! + name.count + 1, ui.baseAddress ?? stored.baseAddress!, ui.count) == 0
            }
        }
    }

    /// A remembered id and the bytes of its key.
    private struct Entry {
        var bytes: [UInt8]
        var id: Int64
    }

    private let database: Database
    private var descriptors: [UInt64: Entry] = [:]
    private var subheadings: [UInt64: Entry] = [:]
    private var publicationTypes: [UInt64: Entry] = [:]
    private let findDescriptor: Statement
    private let addDescriptor: Statement
    private let findSubheading: Statement
    private let addSubheading: Statement
    private let findPublicationType: Statement
    private let addPublicationType: Statement

    init(database: Database) throws {
        self.database = database
        findDescriptor = try database.makeStatement("SELECT id FROM mesh_descriptor WHERE name = ? AND ui IS ?")
        addDescriptor = try database.makeStatement("INSERT INTO mesh_descriptor(name, ui, search_name) VALUES (?, ?, ?)")
        findSubheading = try database.makeStatement("SELECT id FROM mesh_subheading WHERE name = ? AND ui IS ?")
        addSubheading = try database.makeStatement("INSERT INTO mesh_subheading(name, ui) VALUES (?, ?)")
        findPublicationType = try database.makeStatement("SELECT id FROM publication_type_term WHERE name = ? AND ui IS ?")
        addPublicationType = try database.makeStatement("INSERT INTO publication_type_term(name, ui) VALUES (?, ?)")
    }

    /// The id of the descriptor `name` with `ui` (nil: none), added with `searchName` (its
    /// folded form) when new.
    func descriptorID(name: UnsafeRawBufferPointer, ui: UnsafeRawBufferPointer?, searchName: UnsafeRawBufferPointer) throws -> Int64 {
        try cachedID(in: &descriptors, name: name, ui: ui, find: findDescriptor, add: addDescriptor, extra: searchName)
    }

    /// The id of the qualifier (subheading) `name` with `ui` (nil: none), added when new.
    func subheadingID(name: UnsafeRawBufferPointer, ui: UnsafeRawBufferPointer?) throws -> Int64 {
        try cachedID(in: &subheadings, name: name, ui: ui, find: findSubheading, add: addSubheading, extra: nil)
    }

    /// The id of the publication type `name` with `ui` (nil: none), added when new.
    func publicationTypeID(name: UnsafeRawBufferPointer, ui: UnsafeRawBufferPointer?) throws -> Int64 {
        try cachedID(in: &publicationTypes, name: name, ui: ui, find: findPublicationType, add: addPublicationType, extra: nil)
    }

    /// The id of `name` with `ui` from `cache`, else from (or added to) the table behind `find` and `add`.
    private func cachedID(in cache: inout [UInt64: Entry], name: UnsafeRawBufferPointer, ui: UnsafeRawBufferPointer?,
                          find: Statement, add: Statement, extra: UnsafeRawBufferPointer?) throws -> Int64 {
        let hash = Key(name: name, ui: ui).hash
        if let entry = cache[hash], Key.matches(entry.bytes, name: name, ui: ui) { return entry.id }
        let id = try lookUp(name: name, ui: ui, find: find, add: add, extra: extra)
        // On a hash collision the first name keeps the slot; the other is looked up each time.
        if cache[hash] == nil { cache[hash] = Entry(bytes: Key.bytes(name: name, ui: ui), id: id) }
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
