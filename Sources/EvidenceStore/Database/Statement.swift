import CSQLite
import Foundation

/// A prepared SQL statement: bind parameters, step through rows, read columns.
///
/// Parameter indexes are 1-based and column indexes 0-based, as in SQLite's C API.
/// Statements from `Database.prepare(_:)` are cached by the connection and come back
/// reset, with their bindings cleared. A statement belongs to its connection and, like
/// it, is used from one thread at a time.
public final class Statement {
    /// The SQL text the statement was prepared from.
    public let sql: String
    /// The underlying `sqlite3_stmt`.
    public let handle: OpaquePointer
    private let connection: OpaquePointer

    init(connection: OpaquePointer, sql: String) throws {
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v3(connection, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard code == SQLITE_OK, let statement else {
            sqlite3_finalize(statement)
            throw DatabaseError.from(connection, code: code, sql: sql)
        }
        self.sql = sql
        self.handle = statement
        self.connection = connection
    }

    deinit {
        sqlite3_finalize(handle)
    }

    // MARK: Binding

    /// Binds `value` to the 1-based parameter `index`; `nil` binds NULL.
    public func bind(_ value: some DatabaseBindable, at index: Int) throws {
        try bindValue(value.databaseValue, at: Int32(index))
    }

    /// Binds `value` to the parameter called `name` (`:name`, `@name` or `$name`; the prefix may be omitted).
    public func bind(_ value: some DatabaseBindable, named name: String) throws {
        try bindValue(value.databaseValue, at: try parameterIndex(named: name))
    }

    /// Binds `values` to parameters 1, 2, 3… in order.
    public func bind(_ values: [any DatabaseBindable]) throws {
        for (offset, value) in values.enumerated() {
            try bindValue(value.databaseValue, at: Int32(offset + 1))
        }
    }

    /// Binds each value to the parameter of that name.
    public func bind(_ values: [String: any DatabaseBindable]) throws {
        for (name, value) in values {
            try bindValue(value.databaseValue, at: try parameterIndex(named: name))
        }
    }

    /// Binds an integer; the fast path for bulk writes.
    public func bind(integer value: Int64, at index: Int) throws {
        try check(sqlite3_bind_int64(handle, Int32(index), value))
    }

    /// Binds text, or NULL when `value` is `nil`; the fast path for bulk writes.
    public func bind(text value: String?, at index: Int) throws {
        guard var value else {
            try check(sqlite3_bind_null(handle, Int32(index)))
            return
        }
        let code = value.withUTF8 { buffer -> Int32 in
            // Text of length 0 still binds '' (not NULL): SQLite only needs a non-null pointer.
            let bytes = UnsafeRawPointer(buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!).assumingMemoryBound(to: CChar.self)
            return sqlite3_bind_text(handle, Int32(index), bytes, Int32(buffer.count), evidence_sqlite_transient())
        }
        try check(code)
    }

    /// The 1-based index of the parameter called `name`, trying `:`, `@` and `$` prefixes when `name` has none.
    public func parameterIndex(named name: String) throws -> Int32 {
        let candidates = name.first.map { ":@$".contains($0) } == true ? [name] : [":" + name, "@" + name, "$" + name]
        for candidate in candidates {
            let index = sqlite3_bind_parameter_index(handle, candidate)
            if index > 0 { return index }
        }
        throw DatabaseError(resultCode: SQLITE_RANGE, message: "no parameter named \(name)", sql: sql)
    }

    /// The number of parameters the statement takes.
    public var parameterCount: Int { Int(sqlite3_bind_parameter_count(handle)) }

    private func bindValue(_ value: DatabaseValue, at index: Int32) throws {
        let code: Int32
        switch value {
        case .null:
            code = sqlite3_bind_null(handle, index)
        case .integer(let integer):
            code = sqlite3_bind_int64(handle, index, integer)
        case .real(let real):
            code = sqlite3_bind_double(handle, index, real)
        case .text(let text):
            try bind(text: text, at: Int(index))
            return
        case .blob(let data):
            code = data.withUnsafeBytes { buffer in
                // A zero-length blob must still bind a blob (not NULL): pass a non-null pointer.
                sqlite3_bind_blob64(handle, index, buffer.baseAddress ?? UnsafeRawPointer(bitPattern: 1), sqlite3_uint64(buffer.count),
                                    evidence_sqlite_transient())
            }
        }
        try check(code)
    }

    // MARK: Stepping

    /// Steps once: `true` when a row is available, `false` when the statement is done.
    ///
    /// On failure the statement is reset and the error thrown.
    @discardableResult
    public func step() throws -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW:
            return true
        case SQLITE_DONE:
            return false
        default:
            let error = DatabaseError.from(connection, code: code, sql: sql)
            sqlite3_reset(handle)
            throw error
        }
    }

    /// Binds `values` (if any), runs the statement to completion and resets it.
    public func run(_ values: [any DatabaseBindable] = []) throws {
        defer { sqlite3_reset(handle) }
        if !values.isEmpty { try bind(values) }
        while try step() {}
    }

    /// Resets the statement so it can run again; bindings are kept.
    public func reset() {
        sqlite3_reset(handle)
    }

    /// Sets every parameter back to NULL.
    public func clearBindings() {
        sqlite3_clear_bindings(handle)
    }

    /// Whether the statement has stepped and not yet been reset or finished.
    public var isBusy: Bool { sqlite3_stmt_busy(handle) != 0 }

    // MARK: Columns of the current row

    /// The number of columns in a result row.
    public var columnCount: Int { Int(sqlite3_column_count(handle)) }

    /// The name of the 0-based column `index`.
    public func columnName(_ index: Int) -> String {
        sqlite3_column_name(handle, Int32(index)).map { String(cString: $0) } ?? ""
    }

    /// The 0-based index of the column called `name` (case-insensitive), or `nil`.
    public func columnIndex(named name: String) -> Int? {
        (0..<columnCount).first { columnName($0).caseInsensitiveCompare(name) == .orderedSame }
    }

    /// Whether the column holds NULL.
    public func isNull(_ index: Int) -> Bool {
        sqlite3_column_type(handle, Int32(index)) == SQLITE_NULL
    }

    /// The column as an `Int` (0 for NULL).
    public func int(_ index: Int) -> Int { Int(sqlite3_column_int64(handle, Int32(index))) }

    /// The column as an `Int64` (0 for NULL).
    public func int64(_ index: Int) -> Int64 { sqlite3_column_int64(handle, Int32(index)) }

    /// The column as a `Double` (0 for NULL).
    public func double(_ index: Int) -> Double { sqlite3_column_double(handle, Int32(index)) }

    /// The column as a `Bool` (non-zero integer); `false` for NULL.
    public func bool(_ index: Int) -> Bool { sqlite3_column_int64(handle, Int32(index)) != 0 }

    /// The column as an optional `Int`: `nil` for NULL.
    public func optionalInt(_ index: Int) -> Int? { isNull(index) ? nil : int(index) }

    /// The column as text, or `nil` for NULL.
    public func string(_ index: Int) -> String? {
        guard let text = sqlite3_column_text(handle, Int32(index)) else { return nil }
        let count = Int(sqlite3_column_bytes(handle, Int32(index)))
        return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
    }

    /// The column as bytes, or `nil` for NULL. An empty blob is empty `Data`.
    public func data(_ index: Int) -> Data? {
        if isNull(index) { return nil }
        let count = Int(sqlite3_column_bytes(handle, Int32(index)))
        guard count > 0, let bytes = sqlite3_column_blob(handle, Int32(index)) else { return Data() }
        return Data(bytes: bytes, count: count)
    }

    /// The column as a `DatabaseValue`, by its storage class.
    public func value(_ index: Int) -> DatabaseValue {
        switch sqlite3_column_type(handle, Int32(index)) {
        case SQLITE_INTEGER: return .integer(int64(index))
        case SQLITE_FLOAT: return .real(double(index))
        case SQLITE_TEXT: return .text(string(index) ?? "")
        case SQLITE_BLOB: return .blob(data(index) ?? Data())
        default: return .null
        }
    }

    /// The column called `name` as text, or `nil` for NULL or no such column.
    public func string(named name: String) -> String? { columnIndex(named: name).flatMap { string($0) } }

    /// The column called `name` as an `Int64`, or `nil` for NULL or no such column.
    public func int64(named name: String) -> Int64? {
        guard let index = columnIndex(named: name), !isNull(index) else { return nil }
        return int64(index)
    }

    private func check(_ code: Int32) throws {
        guard code == SQLITE_OK else { throw DatabaseError.from(connection, code: code, sql: sql) }
    }
}
