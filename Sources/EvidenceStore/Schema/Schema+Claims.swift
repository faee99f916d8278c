/// The claims ledger: checked articles, their claims, and claim–citation links with
/// stance, quote, method (auto or human), the reviewer's decision and the index snapshot.
///
/// `checked_article` is the patient-facing article (not a PubMed `article`).
/// `claim.claim_key` identifies a claim across runs (type, effect and normalised text), so
/// a rerun finds the same row and never overwrites a human decision. `claim_citation.pmid`
/// is deliberately not a foreign key: a reviewed link survives its record leaving the index.
/// Claims read FTS5 document frequencies from `article_fts_vocab` (created by the search migration).
enum SchemaClaims {
    static let statements: [String] = [
        """
        CREATE TABLE checked_article (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL UNIQUE,     -- the path or name it was checked as
            title TEXT,
            sha256 TEXT NOT NULL,            -- of the text last checked
            first_checked_at TEXT NOT NULL,
            last_checked_at TEXT NOT NULL
        )
        """,
        """
        CREATE TABLE claim_check_run (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES checked_article(id) ON DELETE CASCADE,
            snapshot TEXT NOT NULL,          -- the index snapshot id the run linked against
            lexicon TEXT,                    -- lexicon name and version
            checked_at TEXT NOT NULL
        )
        """,
        "CREATE INDEX claim_check_run_article ON claim_check_run(article_id)",
        """
        CREATE TABLE claim (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES checked_article(id) ON DELETE CASCADE,
            claim_key TEXT NOT NULL,
            label TEXT NOT NULL,             -- c1, c2… in the latest run
            text TEXT NOT NULL,
            start INTEGER NOT NULL,          -- Unicode scalar offsets in the article
            end INTEGER NOT NULL,
            type TEXT NOT NULL,
            slots TEXT NOT NULL,             -- JSON
            verdict TEXT NOT NULL,
            reason TEXT NOT NULL,
            present INTEGER NOT NULL DEFAULT 1,  -- found by the latest run
            last_run_id INTEGER REFERENCES claim_check_run(id),
            UNIQUE (article_id, claim_key)
        )
        """,
        """
        CREATE TABLE claim_citation (
            claim_id INTEGER NOT NULL REFERENCES claim(id) ON DELETE CASCADE,
            pmid INTEGER NOT NULL,
            stance TEXT NOT NULL CHECK (stance IN ('supports', 'contradicts', 'mixed', 'mentions')),
            quote TEXT,
            quote_location TEXT,             -- 'title' or 'abstract'
            quote_start INTEGER,             -- Unicode scalar offsets in that field
            quote_end INTEGER,
            score REAL NOT NULL DEFAULT 0,
            confidence REAL NOT NULL DEFAULT 0,
            design TEXT,
            sample_size INTEGER,
            year INTEGER,
            method TEXT NOT NULL CHECK (method IN ('auto', 'human')),
            decision TEXT CHECK (decision IN ('confirmed', 'rejected')),
            note TEXT,
            snapshot TEXT NOT NULL,
            present INTEGER NOT NULL DEFAULT 1,  -- found by the latest automatic run
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (claim_id, pmid)
        ) WITHOUT ROWID
        """,
        "CREATE INDEX claim_citation_pmid ON claim_citation(pmid)",
    ]
}
