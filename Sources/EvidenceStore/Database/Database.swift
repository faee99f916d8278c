import CFoldTokenizer
import CSQLite
import Foundation

/// A connection to an SQLite database, over SQLite's C API.
///
/// Opening a connection turns on foreign keys, sets a busy timeout, switches a file
/// database to WAL mode (`synchronous = NORMAL`, which is safe against a crashed or
/// killed process), and registers the FTS5 `fold` tokenizer the schema needs.
///
/// ```swift
/// let database = try Database(path: "Index/evidence.sqlite")
/// try database.transaction {
///     try database.execute("INSERT INTO t(a, b) VALUES (?, ?)", arguments: [1, "x"])
/// }
/// let names = try database.query("SELECT name FROM t WHERE a > ?", arguments: [0]) { row in row.string(0) }
/// ```
///
/// A connection is not thread-safe: use it from one thread at a time (it may move
/// between threads). For concurrent readers, open one connection each.
public final class Database {
    /// How to open a database.
    public struct Options: Sendable, Hashable {
        /// Open read-only (the file must exist).
        public var readOnly: Bool
        /// Create the file when missing (ignored when read-only).
        public var create: Bool
        /// How long to wait for a lock held by another connection, in milliseconds.
        public var busyTimeoutMilliseconds: Int32
        /// Switch a file database to WAL journal mode.
        public var walMode: Bool

        /// Creates options; the defaults suit a read-write index.
        public init(readOnly: Bool = false, create: Bool = true, busyTimeoutMilliseconds: Int32 = 10_000, walMode: Bool = true) {
            self.readOnly = readOnly
            self.create = create
            self.busyTimeoutMilliseconds = busyTimeoutMilliseconds
            self.walMode = walMode
        }
    }

    /// The path given when opening (`:memory:` for an in-memory database).
    public let path: String
    /// How long the connection waits for another connection's lock, in milliseconds.
    public let busyTimeoutMilliseconds: Int32
    /// The underlying `sqlite3` connection, for C APIs the wrapper does not cover.
    public private(set) var handle: OpaquePointer?

    private var statementCache: [String: Statement] = [:]
    /// The state of this connection's `evidence_text` function (`PackedSearchText`). Its
    /// `ChunkTextCache` owns the connection's update and rollback hooks: setting others on
    /// `handle` would leave the cache of chunk texts unaware of changes.
    var packedTextCache: PackedTextCache?
    private var savepointCounter = 0

    /// Process-wide SQLite settings, applied once before the first connection opens.
    private static let configured: Void = {
        _ = evidence_sqlite_disable_memory_statistics()
    }()

    /// Opens (and by default creates) the database at `path`; `":memory:"` opens a private in-memory one.
    public init(path: String, options: Options = Options()) throws {
        Database.configured
        self.path = path
        self.busyTimeoutMilliseconds = options.busyTimeoutMilliseconds
        var connection: OpaquePointer?
        var flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI
        flags |= options.readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE
        if options.create && !options.readOnly { flags |= SQLITE_OPEN_CREATE }
        let code = sqlite3_open_v2(path, &connection, flags, nil)
        guard code == SQLITE_OK, let connection else {
            let error = DatabaseError.from(connection, code: code, sql: nil)
            sqlite3_close_v2(connection)
            throw DatabaseError(resultCode: error.extendedResultCode, message: "cannot open \(path): \(error.message)")
        }
        handle = connection
        sqlite3_extended_result_codes(connection, 1)
        sqlite3_busy_timeout(connection, options.busyTimeoutMilliseconds)
        do {
            let tokenizerCode = evidence_register_fold_tokenizer(connection)
            guard tokenizerCode == SQLITE_OK else {
                throw DatabaseError.from(connection, code: tokenizerCode, sql: nil)
            }
            let bm25Code = evidence_register_bm25(connection)
            guard bm25Code == SQLITE_OK else { throw DatabaseError.from(connection, code: bm25Code, sql: nil) }
            try registerPackedTextFunctions()
            try execute("PRAGMA foreign_keys = ON")
            if options.walMode && !options.readOnly && path != ":memory:" && !path.isEmpty {
                // Only a new, empty file takes a page size (WAL fixes it from then on). An article
                // row with its compressed original is 2-4 KiB: 4 KiB pages held one and left ~40%
                // unused, 8 KiB pages two (~25% unused); 16 KiB pages hold five (~10%).
                try execute("PRAGMA page_size = 16384")
                try execute("PRAGMA journal_mode = WAL")
                try execute("PRAGMA synchronous = NORMAL")
            }
        } catch {
            close()
            throw error
        }
    }

    deinit {
        close()
    }

    /// Finalizes cached statements and closes the connection. Safe to call twice.
    public func close() {
        statementCache.removeAll()
        // Its statement would keep a closed connection a zombie.
        packedTextCache?.chunks.close()
        if let handle {
            sqlite3_close_v2(handle)
            self.handle = nil
        }
    }

    /// The open connection, or an error when `close()` was called.
    func connection(for sql: String?) throws -> OpaquePointer {
        guard let handle else { throw DatabaseError(resultCode: SQLITE_MISUSE, message: "the database is closed", sql: sql) }
        return handle
    }

    // MARK: Running SQL

    /// Runs one or more SQL statements separated by semicolons, with no parameters.
    public func execute(_ sql: String) throws {
        let connection = try connection(for: sql)
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(connection, sql, nil, nil, &message)
        if code != SQLITE_OK {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(code))
            sqlite3_free(message)
            throw DatabaseError(resultCode: sqlite3_extended_errcode(connection), message: text, sql: sql)
        }
    }

    /// Runs one statement with `arguments` bound to its parameters in order, using the statement cache.
    public func execute(_ sql: String, arguments: [any DatabaseBindable]) throws {
        try prepare(sql).run(arguments)
    }

    /// A prepared statement for `sql`, from the connection's cache: reset, with bindings cleared.
    ///
    /// If the cached statement is still being stepped (a nested use of the same SQL), a
    /// fresh uncached statement is returned instead, so iterating one query while running
    /// it again is safe.
    public func prepare(_ sql: String) throws -> Statement {
        if let cached = statementCache[sql] {
            if cached.isBusy { return try makeStatement(sql) }
            cached.reset()
            cached.clearBindings()
            return cached
        }
        let statement = try makeStatement(sql)
        statementCache[sql] = statement
        return statement
    }

    /// A new statement for `sql`, not cached: it is finalized when released.
    public func makeStatement(_ sql: String) throws -> Statement {
        try Statement(connection: try connection(for: sql), sql: sql)
    }

    /// Runs a query and maps each row with `row`, returning the results in order.
    ///
    /// The statement passed to `row` is positioned on the current row; read columns
    /// from it (`int(0)`, `string(1)`…) and do not keep it.
    @discardableResult
    public func query<T>(_ sql: String, arguments: [any DatabaseBindable] = [], row: (Statement) throws -> T) throws -> [T] {
        let statement = try prepare(sql)
        defer { statement.reset() }
        try statement.bind(arguments)
        var results: [T] = []
        while try statement.step() {
            results.append(try row(statement))
        }
        return results
    }

    /// The first row mapped with `row`, or `nil` when the query returns none.
    public func queryFirst<T>(_ sql: String, arguments: [any DatabaseBindable] = [], row: (Statement) throws -> T) throws -> T? {
        let statement = try prepare(sql)
        defer { statement.reset() }
        try statement.bind(arguments)
        guard try statement.step() else { return nil }
        return try row(statement)
    }

    /// The integer in the first column of the first row, or `nil` when there is no row or it is NULL.
    public func scalarInt(_ sql: String, arguments: [any DatabaseBindable] = []) throws -> Int64? {
        try queryFirst(sql, arguments: arguments) { $0.isNull(0) ? nil : $0.int64(0) } ?? nil
    }

    /// The text in the first column of the first row, or `nil` when there is no row or it is NULL.
    public func scalarString(_ sql: String, arguments: [any DatabaseBindable] = []) throws -> String? {
        try queryFirst(sql, arguments: arguments) { $0.string(0) } ?? nil
    }

    // MARK: State

    /// The rowid of the last successful INSERT on this connection.
    public var lastInsertedRowID: Int64 { handle.map { sqlite3_last_insert_rowid($0) } ?? 0 }

    /// Rows changed by the last INSERT, UPDATE or DELETE.
    public var changes: Int { handle.map { Int(sqlite3_changes($0)) } ?? 0 }

    /// Whether a transaction is open.
    public var isInTransaction: Bool { handle.map { sqlite3_get_autocommit($0) == 0 } ?? false }

    // MARK: Transactions

    /// Runs `body` in a transaction: commits when it returns, rolls back when it throws.
    ///
    /// The outermost call runs `BEGIN IMMEDIATE` (taking the write lock up front, so a
    /// writer never fails half-way on a lock), then `COMMIT` or `ROLLBACK`. A call inside
    /// an open transaction uses a `SAVEPOINT`, so only its own work is undone on error.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        let connection = try connection(for: nil)
        if sqlite3_get_autocommit(connection) != 0 {
            try execute("BEGIN IMMEDIATE")
            let result: T
            do {
                result = try body()
            } catch {
                rollbackQuietly()
                throw error
            }
            do {
                try execute("COMMIT")
            } catch {
                rollbackQuietly()
                throw error
            }
            return result
        }
        savepointCounter += 1
        let name = "evidence_savepoint_\(savepointCounter)"
        try execute("SAVEPOINT \(name)")
        do {
            let result = try body()
            try execute("RELEASE \(name)")
            return result
        } catch {
            if isInTransaction {
                try? execute("ROLLBACK TO \(name)")
                try? execute("RELEASE \(name)")
            }
            throw error
        }
    }

    private func rollbackQuietly() {
        if isInTransaction { try? execute("ROLLBACK") }
    }
}
