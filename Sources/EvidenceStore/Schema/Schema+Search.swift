/// Search additions to the schema (migration `search-1`).
///
/// - `article_sort_date`: ordering by date (`--sort date`) and `[dp]` ranges finer than a year.
/// - `article_journal_ta`: `[ta]` / `[journal]` without a scan of the article table.
/// - `article_fts_vocab`: the FTS5 vocabulary (term, documents, occurrences), read by
///   `similar` for inverse document frequencies and by the term impact lists.
/// - `term_impact`, `term_impact_state`: for each frequent term, the documents with the best
///   single-term bm25 scores, best first (impact-ordered, truncated postings), so that broad
///   queries rank a bounded candidate set instead of every hit. `term_impact_state` records
///   the index state the lists were built for; lists from another state are ignored.
enum SchemaSearch {
    /// Migration `search-2`: impact lists as one packed row per term (pmid as UInt32 and score
    /// as Float64, little-endian, best first), a third of the size of one row per posting, and
    /// the index totals that exact bm25 rescoring needs.
    static let packedImpactLists: [String] = [
        "DROP TABLE term_impact",
        "DROP TABLE term_impact_term",
        "DELETE FROM term_impact_state",
        """
        CREATE TABLE term_impact_list (
            term TEXT PRIMARY KEY,           -- the FTS5 token (folded, stemmed)
            documents INTEGER NOT NULL,      -- its document frequency
            postings BLOB NOT NULL           -- (UInt32 pmid, Float64 bm25 score) pairs, best first
        ) WITHOUT ROWID
        """,
        "ALTER TABLE term_impact_state ADD COLUMN average_length REAL NOT NULL DEFAULT 0",
    ]


    static let statements: [String] = [
        "CREATE INDEX article_sort_date ON article(sort_date)",
        "CREATE INDEX article_journal_ta ON article(journal_ta COLLATE NOCASE)",
        "CREATE VIRTUAL TABLE IF NOT EXISTS article_fts_vocab USING fts5vocab(article_fts, 'row')",
        """
        CREATE TABLE term_impact (
            term TEXT NOT NULL,              -- the FTS5 token (folded, stemmed)
            rank INTEGER NOT NULL,           -- 0 = best
            pmid INTEGER NOT NULL,
            score REAL NOT NULL,             -- bm25() with the search column weights (negative; lower is better)
            PRIMARY KEY (term, rank)
        ) WITHOUT ROWID
        """,
        """
        CREATE TABLE term_impact_state (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            state TEXT NOT NULL,             -- article count, max pmid and weights the lists were built for
            documents INTEGER NOT NULL,      -- documents in the index when built
            min_documents INTEGER NOT NULL,  -- terms in at least this many documents have lists
            list_length INTEGER NOT NULL,    -- documents kept per term
            built_at TEXT NOT NULL
        )
        """,
        """
        CREATE TABLE term_impact_term (
            term TEXT PRIMARY KEY,           -- a term that has a list
            documents INTEGER NOT NULL,      -- its document frequency
            cutoff REAL NOT NULL             -- the score of its last kept document
        ) WITHOUT ROWID
        """,
    ]
}
