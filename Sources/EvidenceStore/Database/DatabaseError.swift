import CSQLite

/// An SQLite failure: the result code, SQLite's message and the SQL that failed.
///
/// Bound values are never included, so an error can be printed or logged without
/// leaking record text or user input.
public struct DatabaseError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The extended SQLite result code (`SQLITE_CONSTRAINT_UNIQUE`, `SQLITE_BUSY`…).
    public var extendedResultCode: Int32
    /// SQLite's error message, or a description of a misuse found by the wrapper.
    public var message: String
    /// The SQL being run, when there was one.
    public var sql: String?

    /// Creates an error from a result code, a message and the SQL that failed.
    public init(resultCode: Int32, message: String, sql: String? = nil) {
        self.extendedResultCode = resultCode
        self.message = message
        self.sql = sql
    }

    /// The primary result code (`SQLITE_CONSTRAINT`, `SQLITE_BUSY`…).
    public var resultCode: Int32 { extendedResultCode & 0xFF }

    /// Whether the failure is a constraint violation (unique, foreign key, check…).
    public var isConstraintViolation: Bool { resultCode == SQLITE_CONSTRAINT }

    public var description: String {
        var text = "SQLite error \(extendedResultCode): \(message)"
        if let sql { text += " (while running: \(sql.trimmingCharacters(in: .whitespacesAndNewlines)))" }
        return text
    }
}

extension DatabaseError {
    /// The error SQLite reports on `handle` for `code`, with `sql`.
    static func from(_ handle: OpaquePointer?, code: Int32, sql: String?) -> DatabaseError {
        let message = handle.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(code))
        let extended = handle.map { sqlite3_extended_errcode($0) } ?? code
        return DatabaseError(resultCode: extended == 0 ? code : extended, message: message, sql: sql)
    }
}
