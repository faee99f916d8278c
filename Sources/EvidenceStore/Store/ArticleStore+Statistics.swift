import Foundation

/// Counts describing an index, as `evidence stats` prints them.
public struct IndexStatistics: Hashable, Sendable, Codable {
    /// Stored records, book articles included.
    public var articles: Int
    /// Stored book articles (`PubmedBookArticle`).
    public var books: Int
    /// PMIDs removed by `DeleteCitation`.
    public var deleted: Int
    /// Records with an abstract.
    public var withAbstract: Int
    /// Records marked retracted.
    public var retracted: Int
    /// Distinct normalised author names (`last initials`).
    public var distinctAuthors: Int
    /// The earliest and latest publication years.
    public var earliestYear: Int?
    public var latestYear: Int?
    /// The ingest manifest, in ingest order.
    public var files: [IngestedFile]
    /// The snapshot id (see `ArticleStore.snapshotID`).
    public var snapshot: String
    /// The schema version (number of migrations applied).
    public var schemaVersion: Int
    /// The database file's size in bytes (without its WAL).
    public var databaseBytes: Int64

    private enum CodingKeys: String, CodingKey {
        case articles, books, deleted, withAbstract, retracted, distinctAuthors, earliestYear, latestYear, files, snapshot
        case schemaVersion, databaseBytes
    }

    /// Encodes every key, with `null` for an absent year.
    public func encode(to encoder: Encoder) throws {
        var object = encoder.container(keyedBy: CodingKeys.self)
        try object.encode(articles, forKey: .articles)
        try object.encode(books, forKey: .books)
        try object.encode(deleted, forKey: .deleted)
        try object.encode(withAbstract, forKey: .withAbstract)
        try object.encode(retracted, forKey: .retracted)
        try object.encode(distinctAuthors, forKey: .distinctAuthors)
        try object.encode(earliestYear, forKey: .earliestYear)
        try object.encode(latestYear, forKey: .latestYear)
        try object.encode(files, forKey: .files)
        try object.encode(snapshot, forKey: .snapshot)
        try object.encode(schemaVersion, forKey: .schemaVersion)
        try object.encode(databaseBytes, forKey: .databaseBytes)
    }
}

extension ArticleStore {
    /// Counts for `evidence stats`.
    public func statistics() throws -> IndexStatistics {
        func count(_ sql: String) throws -> Int { Int(try database.scalarInt(sql) ?? 0) }
        let years = try database.queryFirst("SELECT min(pub_year), max(pub_year) FROM article") { row in
            (row.optionalInt(0), row.optionalInt(1))
        }
        let pageCount = try database.scalarInt("PRAGMA page_count") ?? 0
        let pageSize = try database.scalarInt("PRAGMA page_size") ?? 0
        return IndexStatistics(
            articles: try count("SELECT count(*) FROM article"),
            books: try count("SELECT count(*) FROM article WHERE kind = 'book'"),
            deleted: try count("SELECT count(*) FROM deleted_citation"),
            withAbstract: try count("SELECT count(*) FROM article WHERE evidence_text_has(search_text, 0)"),
            retracted: try count("SELECT count(*) FROM article WHERE is_retracted = 1"),
            distinctAuthors: try count("SELECT count(DISTINCT search_name) FROM author"),
            earliestYear: years?.0,
            latestYear: years?.1,
            files: try manifest(),
            snapshot: try snapshotID,
            schemaVersion: Int(try database.scalarInt("PRAGMA user_version") ?? 0),
            databaseBytes: pageCount * pageSize
        )
    }
}

extension ArticleStore {
    /// The problems `PRAGMA integrity_check` and FTS5's `integrity-check` find; empty when the
    /// index is sound.
    ///
    /// Run it here rather than in the `sqlite3` shell: since `perf-4-packed-search-text` the
    /// `article` table has generated columns over `evidence_text`, a function only
    /// `Database` connections register, and the shell's `integrity_check` stops at "unknown
    /// function".
    public func integrityProblems() throws -> [String] {
        var problems = try database.query("PRAGMA integrity_check") { $0.string(0) ?? "" }.filter { $0 != "ok" }
        do {
            try database.execute("INSERT INTO article_fts(article_fts, rank) VALUES ('integrity-check', 1)")
        } catch let error as DatabaseError {
            problems.append("article_fts: \(error.message)")
        }
        return problems
    }
}
