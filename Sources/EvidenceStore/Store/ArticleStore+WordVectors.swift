import Foundation

/// One stored word vector: a stem, its document frequency and its vector blob (Float32 little-endian).
public struct WordVectorRow: Hashable, Sendable {
    public var stem: String
    public var documentFrequency: Int
    public var vector: Data

    public init(stem: String, documentFrequency: Int, vector: Data) {
        self.stem = stem
        self.documentFrequency = documentFrequency
        self.vector = vector
    }
}

/// What the stored word vectors were built from, and when.
public struct WordVectorBuild: Hashable, Sendable {
    /// The index snapshot id the vectors were built from.
    public var snapshot: String
    public var dimensions: Int
    /// Records read, and stems stored.
    public var records: Int
    public var stems: Int
    /// Seconds the build took.
    public var seconds: Double
    /// ISO 8601 time of the build.
    public var builtAt: String

    public init(snapshot: String, dimensions: Int, records: Int, stems: Int, seconds: Double, builtAt: String) {
        self.snapshot = snapshot
        self.dimensions = dimensions
        self.records = records
        self.stems = stems
        self.seconds = seconds
        self.builtAt = builtAt
    }
}

extension ArticleStore {
    /// The stored word vectors' build, or nil when none are stored.
    public func wordVectorBuild() throws -> WordVectorBuild? {
        try database.queryFirst(
            "SELECT snapshot, dimensions, records, stems, seconds, built_at FROM word_vector_build WHERE id = 1") { row in
            WordVectorBuild(snapshot: row.string(0) ?? "", dimensions: row.int(1), records: row.int(2), stems: row.int(3),
                            seconds: row.double(4), builtAt: row.string(5) ?? "")
        }
    }

    /// Every stored word vector, by stem.
    public func wordVectorRows() throws -> [WordVectorRow] {
        try database.query("SELECT stem, df, vector FROM word_vector ORDER BY stem") { row in
            WordVectorRow(stem: row.string(0) ?? "", documentFrequency: row.int(1), vector: row.data(2) ?? Data())
        }
    }

    /// Replaces the stored word vectors and their build row, in one transaction.
    public func replaceWordVectors(_ rows: [WordVectorRow], build: WordVectorBuild) throws {
        try database.transaction {
            try database.execute("DELETE FROM word_vector")
            try database.execute("DELETE FROM word_vector_build")
            let insert = try database.prepare("INSERT INTO word_vector(stem, df, vector) VALUES (?, ?, ?)")
            for row in rows {
                try insert.run([row.stem, row.documentFrequency, row.vector])
            }
            try database.execute(
                "INSERT INTO word_vector_build(id, snapshot, dimensions, records, stems, seconds, built_at) VALUES (1, ?, ?, ?, ?, ?, ?)",
                arguments: [build.snapshot, build.dimensions, build.records, build.stems, build.seconds, build.builtAt])
        }
    }
}
