import Foundation
import Testing
import EvidenceTestSupport
@testable import EvidenceStore

@Suite("Migrations")
struct MigrationsTests {
    @Test("a fresh database gets every migration, in order, once")
    func freshDatabase() throws {
        let database = try Database(path: ":memory:")
        let ran = try Migrations.migrate(database)
        #expect(ran == Migrations.all.map(\.name))
        #expect(try Migrations.appliedNames(database) == Migrations.all.map(\.name))
        #expect(try database.scalarInt("PRAGMA user_version") == Int64(Migrations.currentVersion))
        #expect(try Migrations.migrate(database).isEmpty)
        for table in ["article", "author", "mesh_heading", "mesh_qualifier", "ingested_file", "deleted_citation", "article_fts"] {
            #expect(try database.scalarInt("SELECT count(*) FROM sqlite_master WHERE name = ?", arguments: [table]) == 1, "\(table)")
        }
    }

    @Test("later migrations are applied after earlier ones on an existing database")
    func appendOnly() throws {
        let database = try Database(path: ":memory:")
        let first = Migration(name: "a", statements: ["CREATE TABLE a(x)"])
        let second = Migration(name: "b", statements: ["CREATE TABLE b(y)", "INSERT INTO a VALUES (1)"])
        #expect(try Migrations.migrate(database, migrations: [first]) == ["a"])
        #expect(try Migrations.migrate(database, migrations: [first, second]) == ["b"])
        #expect(try database.scalarInt("SELECT count(*) FROM a") == 1)
        #expect(try database.scalarInt("PRAGMA user_version") == 2)
    }

    @Test("a failing migration leaves nothing behind")
    func failingMigration() throws {
        let database = try Database(path: ":memory:")
        let broken = Migration(name: "broken", statements: ["CREATE TABLE ok(x)", "CREATE TABLE nope("])
        #expect(throws: DatabaseError.self) { try Migrations.migrate(database, migrations: [broken]) }
        #expect(try database.scalarInt("SELECT count(*) FROM sqlite_master WHERE name = 'ok'") == 0)
        #expect(try Migrations.appliedNames(database).isEmpty)
    }

    @Test("an index migrated by a newer version is refused")
    func unknownMigration() throws {
        let database = try Database(path: ":memory:")
        try Migrations.migrate(database, migrations: [Migration(name: "from-the-future", statements: [])])
        let error = try #require(throws: DatabaseError.self) { try Migrations.migrate(database, migrations: []) }
        #expect(error.message.contains("from-the-future"))
    }
}
