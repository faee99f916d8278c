import CSQLite
import Foundation

extension ArticleStore {
    /// The tables the ingester fills, whose secondary indexes a bulk load may defer.
    static let articleTables: Set<String> = [
        "article", "author", "article_mesh", "article_mesh_qualifier", "article_publication_type", "language",
        "article_identifier", "comment_correction",
    ]

    /// Drops the explicit secondary indexes on the article tables and returns the SQL that
    /// recreates them. Runs inside the caller's transaction, so a rollback restores them.
    ///
    /// Filling an empty index is about twice as fast when its indexes are built once at the
    /// end (one sort each) instead of updated row by row at random positions.
    func dropSecondaryIndexes() throws -> [String] {
        let indexes = try database.query(
            "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name"
        ) { row in (row.string(0) ?? "", row.string(1) ?? "", row.string(2) ?? "") }
            .filter { ArticleStore.articleTables.contains($0.1) }
        for (name, _, _) in indexes {
            try database.execute("DROP INDEX \"\(name.replacingOccurrences(of: "\"", with: "\"\""))\"")
        }
        return indexes.map(\.2)
    }

    /// Recreates indexes dropped by `dropSecondaryIndexes()`.
    ///
    /// The writer runs alone by then (the parser and packer have finished), so the sorts
    /// may use a helper thread on the idle core (`PRAGMA threads`).
    func recreateIndexes(_ statements: [String]) throws {
        guard !statements.isEmpty else { return }
        try database.execute("PRAGMA threads = 2")
        // Each sort keeps up to cache_size of rows in memory per thread before it spills to a
        // temporary file: with the connection's 32 MB cache, a 250,000-record file peaked at
        // 211 MB here, 145 MB with 8 MB, 136 MB with 4 MB (no slower on pubmed20n0014).
        try database.execute("PRAGMA cache_size = -4000")
        defer {
            try? database.execute("PRAGMA cache_size = \(ArticleStore.cacheSizeKiB)")
            try? database.execute("PRAGMA threads = 0")
        }
        for statement in statements { try database.execute(statement) }
    }

    /// Switches a file index that holds no article (the caller has checked) from WAL to a
    /// rollback journal for a bulk load, and returns whether it did (then call
    /// `endBulkLoadJournal()` afterwards).
    ///
    /// In WAL mode every page of a fresh index is written twice: into the WAL during the
    /// file's transaction, then into the database by the checkpoint after it. A rollback
    /// journal saves only pages that existed when the transaction began, so an empty index is
    /// written once. The commit is just as atomic: a killed load leaves a hot journal that
    /// the next connection rolls back, and opening switches the file back to WAL.
    ///
    /// Only one connection may leave WAL mode; when another is open, nothing changes (no wait)
    /// and the load runs in WAL mode as before.
    func beginBulkLoadJournal() -> Bool {
        guard database.path != ":memory:", !database.path.isEmpty,
              (try? database.scalarString("PRAGMA journal_mode")) == "wal",
              let handle = database.handle else { return false }
        sqlite3_busy_timeout(handle, 0)
        defer { sqlite3_busy_timeout(handle, database.busyTimeoutMilliseconds) }
        return (try? database.scalarString("PRAGMA journal_mode = DELETE")) == "delete"
    }

    /// Returns the index to WAL mode after `beginBulkLoadJournal()` switched it.
    func endBulkLoadJournal() {
        _ = try? database.scalarString("PRAGMA journal_mode = WAL")
    }
}
