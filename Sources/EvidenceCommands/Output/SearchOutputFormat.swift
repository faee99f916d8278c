import ArgumentParser

/// The output formats of `evidence search` and `evidence similar`.
enum SearchOutputFormat: String, ExpressibleByArgument, CaseIterable {
    /// A table that fits the terminal, matches in bold on a terminal.
    case table
    /// One JSON object: query, total, hits, facets.
    case json
    /// One JSON object per hit, each with the query and total.
    case jsonl
    /// CSV with a header row; matches marked with [ ].
    case csv
    /// One PMID per line, for `evidence show -`.
    case pmids
}
