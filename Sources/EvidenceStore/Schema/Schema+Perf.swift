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
}
