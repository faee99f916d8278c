import CSQLite
import Foundation

/// A named schema change: statements run in order, inside the migration's transaction.
public struct Migration: Sendable, Hashable {
    /// A stable, unique name, recorded in `schema_migration` once applied.
    public var name: String
    /// The SQL statements, one per element.
    public var statements: [String]

    /// Creates a migration.
    public init(name: String, statements: [String]) {
        self.name = name
        self.statements = statements
    }
}

/// The index's named, append-only migrations, and the code that applies them.
///
/// Each migration runs once, in list order, inside its own transaction, and is
/// recorded by name in `schema_migration`. `PRAGMA user_version` is set to the number
/// of migrations applied, which is the schema version. Never edit a migration that has
/// shipped: append a new one. Each concern keeps its statements in its own
/// `Schema+Name.swift` and registers them here, by name, at the end of the list.
public enum Migrations {
    /// Every migration, in the order it must run. Append only.
    public static let all: [Migration] = [
        Migration(name: "v1-articles", statements: SchemaV1.statements),
        Migration(name: "search-1", statements: SchemaSearch.statements),
        Migration(name: "search-2", statements: SchemaSearch.packedImpactLists),
        Migration(name: "claims-ledger", statements: SchemaClaims.statements),
        Migration(name: "perf-1-drop-affiliation", statements: SchemaPerf.dropAffiliation),
        Migration(name: "perf-2-original-chunk", statements: SchemaPerf.originalChunk),
        Migration(name: "perf-3-lean-tables", statements: SchemaPerf.leanTables),
        Migration(name: "perf-4-packed-search-text", statements: SchemaPerf.packedSearchText),
        Migration(name: "perf-5-mesh-vocabulary", statements: SchemaPerf.meshVocabulary),
        Migration(name: "perf-6-lean-identifiers", statements: SchemaPerf.leanIdentifiers),
        Migration(name: "perf-7-publication-type-vocabulary", statements: SchemaPerf.publicationTypeVocabulary),
        Migration(name: "perf-8-search-text-in-chunks", statements: SchemaPerf.searchTextInChunks),
        Migration(name: "perf-9-compact-impact-lists", statements: SchemaPerf.compactImpactLists),
        Migration(name: "claims-2-word-vectors", statements: SchemaWordVectors.statements),
    ]

    /// The schema version a fully migrated index has.
    public static var currentVersion: Int { all.count }

    /// Applies the migrations in `migrations` that `database` lacks, in order; returns their names.
    ///
    /// Throws when the database records a migration this build does not know, which
    /// means a newer `evidence` made it.
    @discardableResult
    public static func migrate(_ database: Database, migrations: [Migration] = all) throws -> [String] {
        // Read first: an up-to-date index needs no write lock, so opening one while
        // another process is ingesting into it does not wait.
        let applied = Set(try appliedNames(database))
        let known = Set(migrations.map(\.name))
        if let unknown = applied.subtracting(known).sorted().first {
            throw DatabaseError(
                resultCode: SQLITE_ERROR,
                message: "the index at \(database.path) has migration '\(unknown)', which this version of evidence does not know; use a newer evidence"
            )
        }
        if known.isSubset(of: applied) && !migrations.isEmpty { return [] }
        try database.execute("""
            CREATE TABLE IF NOT EXISTS schema_migration (
                name TEXT PRIMARY KEY,
                applied_at TEXT NOT NULL
            )
            """)
        var ran: [String] = []
        for migration in migrations where !applied.contains(migration.name) {
            let appliedNow: Bool = try database.transaction {
                // Another process may have applied it while this one waited for the lock.
                if try database.scalarInt("SELECT 1 FROM schema_migration WHERE name = ?", arguments: [migration.name]) != nil {
                    return false
                }
                for statement in migration.statements {
                    try database.execute(statement)
                }
                try database.execute(
                    "INSERT INTO schema_migration(name, applied_at) VALUES (?, ?)",
                    arguments: [migration.name, ISO8601DateFormatter().string(from: Date())]
                )
                let count = try database.scalarInt("SELECT count(*) FROM schema_migration") ?? 0
                try database.execute("PRAGMA user_version = \(count)")
                return true
            }
            if appliedNow { ran.append(migration.name) }
        }
        return ran
    }

    /// The names of the migrations applied to `database`, in the order they ran.
    public static func appliedNames(_ database: Database) throws -> [String] {
        let exists = try database.scalarInt(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migration'") ?? 0
        guard exists > 0 else { return [] }
        return try database.query("SELECT name FROM schema_migration ORDER BY rowid") { $0.string(0) ?? "" }
    }
}
