import CSQLite
import Foundation
import Testing
import EvidenceTestSupport
@testable import EvidenceStore

@Suite("Database")
struct DatabaseTests {
    @Test("a file database opens in WAL mode with foreign keys on")
    func pragmas() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = try Database(path: directory.path("wal.sqlite"))
        #expect(try database.scalarString("PRAGMA journal_mode") == "wal")
        #expect(try database.scalarInt("PRAGMA foreign_keys") == 1)
        #expect(try database.scalarInt("PRAGMA synchronous") == 1)
    }

    @Test("binds every value type by index and reads it back")
    func bindByIndex() throws {
        let database = try Database(path: ":memory:")
        try database.execute("CREATE TABLE t(i INTEGER, j INTEGER, r REAL, s TEXT, b BLOB, n TEXT, e TEXT, z BLOB)")
        let blob = Data([0, 1, 2, 255])
        try database.execute("INSERT INTO t VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                             arguments: [42, Int64(1) << 40, 2.5, "Müller – P<0.001", blob, String?.none, "", Data()])
        let row = try #require(try database.queryFirst("SELECT * FROM t") { row in
            (row.int(0), row.int64(1), row.double(2), row.string(3), row.data(4), row.isNull(5), row.string(6), row.data(7), row.isNull(7))
        })
        #expect(row.0 == 42)
        #expect(row.1 == 1 << 40)
        #expect(row.2 == 2.5)
        #expect(row.3 == "Müller – P<0.001")
        #expect(row.4 == blob)
        #expect(row.5)
        #expect(row.6 == "")
        #expect(row.7 == Data())
        #expect(row.8 == false)
    }

    @Test("binds by name, with or without the prefix")
    func bindByName() throws {
        let database = try Database(path: ":memory:")
        try database.execute("CREATE TABLE t(a INTEGER, b TEXT)")
        let insert = try database.prepare("INSERT INTO t VALUES (:a, @b)")
        try insert.bind(7, named: "a")
        try insert.bind("seven", named: "@b")
        try insert.run()
        try insert.bind(["a": 8, "b": "eight"] as [String: any DatabaseBindable])
        try insert.run()
        let rows = try database.query("SELECT a, b FROM t ORDER BY a") { "\($0.int(0)):\($0.string(named: "b") ?? "-")" }
        #expect(rows == ["7:seven", "8:eight"])
        #expect(throws: DatabaseError.self) { try insert.bind(1, named: "missing") }
    }

    @Test("prepared statements are cached and come back reset")
    func statementCache() throws {
        let database = try Database(path: ":memory:")
        let first = try database.prepare("SELECT ?")
        try first.bind(1, at: 1)
        #expect(try first.step())
        #expect(try first.step() == false)
        let again = try database.prepare("SELECT ?")
        #expect(first === again, "a statement that is done or reset is reused")
        #expect(again.isNull(0) || !again.isBusy)
        try again.bind(5, at: 1)
        #expect(try again.step())
        #expect(again.int(0) == 5)
        let nested = try database.prepare("SELECT ?")
        #expect(nested !== again, "a statement still being stepped is not handed out twice")
    }

    @Test("an error carries the result code, message and SQL but never bound values")
    func errorContext() throws {
        let database = try Database(path: ":memory:")
        try database.execute("CREATE TABLE t(a TEXT PRIMARY KEY)")
        try database.execute("INSERT INTO t VALUES (?)", arguments: ["secret value"])
        let error = try #require(throws: DatabaseError.self) {
            try database.execute("INSERT INTO t VALUES (?)", arguments: ["secret value"])
        }
        #expect(error.resultCode == SQLITE_CONSTRAINT)
        #expect(error.extendedResultCode == SQLITE_CONSTRAINT | (6 << 8), "SQLITE_CONSTRAINT_PRIMARYKEY")
        #expect(error.isConstraintViolation)
        #expect(error.sql == "INSERT INTO t VALUES (?)")
        #expect(error.message.contains("UNIQUE"))
        #expect(!error.description.contains("secret"))
        let syntax = try #require(throws: DatabaseError.self) { try database.execute("SELEC 1") }
        #expect(syntax.sql == "SELEC 1")
    }

    @Test("a transaction commits on return and rolls back on throw")
    func transactions() throws {
        struct Failure: Error {}
        let database = try Database(path: ":memory:")
        try database.execute("CREATE TABLE t(a INTEGER)")
        try database.transaction { try database.execute("INSERT INTO t VALUES (1)") }
        #expect(throws: Failure.self) {
            try database.transaction {
                try database.execute("INSERT INTO t VALUES (2)")
                throw Failure()
            }
        }
        #expect(try database.scalarInt("SELECT group_concat(a) FROM t") == 1)
        #expect(!database.isInTransaction)
    }

    @Test("nested transactions use savepoints: an inner failure undoes only the inner work")
    func nestedTransactions() throws {
        struct Failure: Error {}
        let database = try Database(path: ":memory:")
        try database.execute("CREATE TABLE t(a INTEGER)")
        try database.transaction {
            try database.execute("INSERT INTO t VALUES (1)")
            try? database.transaction {
                try database.execute("INSERT INTO t VALUES (2)")
                throw Failure()
            }
            try database.transaction { try database.execute("INSERT INTO t VALUES (3)") }
            #expect(database.isInTransaction)
        }
        #expect(try database.query("SELECT a FROM t ORDER BY a") { $0.int(0) } == [1, 3])
    }

    @Test("foreign keys are enforced")
    func foreignKeys() throws {
        let database = try Database(path: ":memory:")
        try database.execute("""
            CREATE TABLE parent(id INTEGER PRIMARY KEY);
            CREATE TABLE child(parent_id INTEGER REFERENCES parent(id) ON DELETE CASCADE);
            INSERT INTO parent VALUES (1);
            INSERT INTO child VALUES (1);
            """)
        #expect(throws: DatabaseError.self) { try database.execute("INSERT INTO child VALUES (2)") }
        try database.execute("DELETE FROM parent")
        #expect(try database.scalarInt("SELECT count(*) FROM child") == 0)
    }

    @Test("a closed database refuses work with an error, not a crash")
    func closed() throws {
        let database = try Database(path: ":memory:")
        database.close()
        database.close()
        #expect(throws: DatabaseError.self) { try database.execute("SELECT 1") }
    }

    @Test("opening a missing file read-only fails with the path in the message")
    func missingReadOnly() throws {
        let error = try #require(throws: DatabaseError.self) {
            try Database(path: "/nonexistent/dir/x.sqlite", options: .init(readOnly: true))
        }
        #expect(error.message.contains("/nonexistent/dir/x.sqlite"))
    }
}
