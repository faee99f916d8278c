/// Size and speed changes to the schema (migrations `perf-*`).
enum SchemaPerf {
    /// Migration `perf-1-drop-affiliation`: drops the `affiliation` table.
    ///
    /// Nothing queried it (search, claims and export read affiliations from the record,
    /// which `ArticleStore.record(_:)` re-parses from the stored original XML), and it held
    /// every affiliation string a second time: about 12% of an index of recent PubMed
    /// files (24 MB of 205 MB for pubmed21n1298). `record(_:)` still returns affiliations.
    static let dropAffiliation: [String] = [
        "DROP TABLE affiliation",
    ]

    /// Migration `perf-2-original-chunk`: originals packed in chunks of consecutive records.
    ///
    /// The ingester deflates the XML of up to 32 consecutive records of a file (at most
    /// 256 KiB) as one stream, so each record compresses with its neighbours as context
    /// (about a quarter smaller than record by record), and the article rows, without their
    /// 2-4 KiB blobs, pack their pages. A chunked article has `original_xml` = X'' and names
    /// its slice: `original_chunk`, byte `original_offset` and `original_length` in the
    /// decompressed chunk. Records stored one at a time (`ArticleStore.store(_:)`) keep
    /// their own blob in `original_xml`, as before. A chunk may hold the slices of records
    /// replaced or deleted since; chunks no article refers to are removed after a file that
    /// replaced or deleted records (`ArticleStore.removeUnreferencedOriginals()`).
    static let originalChunk: [String] = [
        """
        CREATE TABLE original_chunk (
            id INTEGER PRIMARY KEY,
            xml BLOB NOT NULL                -- zlib (RecordCompression) of the records' XML, concatenated
        )
        """,
        "ALTER TABLE article ADD COLUMN original_chunk INTEGER",   // original_chunk.id, or NULL
        "ALTER TABLE article ADD COLUMN original_offset INTEGER",
        "ALTER TABLE article ADD COLUMN original_length INTEGER",
    ]
}
