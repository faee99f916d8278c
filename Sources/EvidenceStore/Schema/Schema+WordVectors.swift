/// Distributional word vectors over Porter stems, built by the Claims module from the index's records
/// (see `WordVectors` there) and cached here: one row per vocabulary stem with its document frequency
/// and its vector (Float32 little-endian), plus one row describing the build. The vectors are valid
/// only for the index snapshot recorded in `word_vector_build`; a different snapshot means a rebuild.
enum SchemaWordVectors {
    static let statements: [String] = [
        """
        CREATE TABLE word_vector (
            stem TEXT PRIMARY KEY,
            df INTEGER NOT NULL,             -- records containing the stem
            vector BLOB NOT NULL             -- dimensions × Float32, little-endian
        ) WITHOUT ROWID
        """,
        """
        CREATE TABLE word_vector_build (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            snapshot TEXT NOT NULL,          -- the index snapshot id the vectors were built from
            dimensions INTEGER NOT NULL,
            records INTEGER NOT NULL,
            stems INTEGER NOT NULL,
            seconds REAL NOT NULL,
            built_at TEXT NOT NULL
        )
        """,
    ]
}
