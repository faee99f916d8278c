/// Version 1 of the schema: articles, their normalised parts, the FTS5 index and the
/// ingest manifest.
///
/// Conventions: singular table names; `pmid` is the `INTEGER PRIMARY KEY` of `article`
/// and a foreign key (ON DELETE CASCADE) everywhere else; child rows keep document order
/// in `position`. Text columns hold plain text; absent values are NULL, never ''.
///
/// `article_fts` is an external-content FTS5 table over `article`, kept in step by
/// triggers. Its columns are the article's `title`, `abstract`, `mesh_terms`,
/// `keyword_terms` and `author_names`, denormalised for search. The `fold` tokenizer
/// (CFoldTokenizer) wraps unicode61 and folds letters it keeps (ø→o, ł→l, ı→i, ß→ss…).
enum SchemaV1 {
    static let statements: [String] = [
        """
        CREATE TABLE ingested_file (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,              -- file name as given (basename)
            path TEXT NOT NULL,              -- path as given on the command line
            sha256 TEXT NOT NULL UNIQUE,     -- of the bytes as stored on disk (gzip or not)
            bytes INTEGER NOT NULL,
            records INTEGER NOT NULL,        -- records read (inserted, replaced or skipped as older)
            deletions INTEGER NOT NULL,      -- PMIDs in DeleteCitation blocks
            ingested_at TEXT NOT NULL        -- ISO 8601, UTC
        )
        """,
        """
        CREATE TABLE article (
            pmid INTEGER PRIMARY KEY,
            version INTEGER NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('article', 'book')),
            status TEXT,
            owner TEXT,
            title TEXT,
            vernacular_title TEXT,
            abstract TEXT,                   -- sections joined, 'LABEL: text' one per line
            mesh_terms TEXT,                 -- descriptors and 'descriptor/qualifier', for FTS
            keyword_terms TEXT,              -- keywords, for FTS
            author_names TEXT,               -- 'Last FM' / collective names, for FTS
            journal_title TEXT,
            journal_iso TEXT,
            journal_ta TEXT,                 -- MedlineTA
            issn TEXT,
            volume TEXT,
            issue TEXT,
            pub_year INTEGER,
            pub_month INTEGER,
            pub_day INTEGER,
            pub_date TEXT,                   -- as printed ('2019 Feb 24', '1998 Dec-1999 Jan')
            sort_date TEXT,                  -- 'YYYY-MM-DD' with missing parts as 01, for ordering
            pages TEXT,                      -- expanded: '148-152'
            doi TEXT,
            pmcid TEXT,
            first_author TEXT,
            last_author TEXT,
            is_retracted INTEGER NOT NULL DEFAULT 0,
            source_file_id INTEGER REFERENCES ingested_file(id),
            original_xml BLOB NOT NULL       -- the record's XML, zlib-compressed
        )
        """,
        "CREATE INDEX article_pub_year ON article(pub_year)",
        "CREATE INDEX article_doi ON article(doi)",
        """
        CREATE TABLE author (
            pmid INTEGER NOT NULL REFERENCES article(pmid) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            last_name TEXT,
            fore_name TEXT,
            initials TEXT,
            suffix TEXT,
            collective_name TEXT,
            orcid TEXT,
            valid INTEGER NOT NULL,
            search_name TEXT NOT NULL,       -- folded, lower-case 'last initials' or collective name
            PRIMARY KEY (pmid, position)
        ) WITHOUT ROWID
        """,
        "CREATE INDEX author_search_name ON author(search_name)",
        """
        CREATE TABLE affiliation (
            pmid INTEGER NOT NULL,
            author_position INTEGER NOT NULL,
            position INTEGER NOT NULL,
            text TEXT NOT NULL,
            PRIMARY KEY (pmid, author_position, position),
            FOREIGN KEY (pmid, author_position) REFERENCES author(pmid, position) ON DELETE CASCADE
        ) WITHOUT ROWID
        """,
        """
        CREATE TABLE mesh_heading (
            pmid INTEGER NOT NULL REFERENCES article(pmid) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            descriptor TEXT NOT NULL,
            ui TEXT,
            major INTEGER NOT NULL,          -- descriptor's MajorTopicYN
            major_topic INTEGER NOT NULL,    -- descriptor or any qualifier is major ([majr])
            search_descriptor TEXT NOT NULL, -- folded, lower-case
            PRIMARY KEY (pmid, position)
        ) WITHOUT ROWID
        """,
        "CREATE INDEX mesh_heading_search ON mesh_heading(search_descriptor)",
        "CREATE INDEX mesh_heading_ui ON mesh_heading(ui)",
        """
        CREATE TABLE mesh_qualifier (
            pmid INTEGER NOT NULL,
            heading_position INTEGER NOT NULL,
            position INTEGER NOT NULL,
            name TEXT NOT NULL,
            ui TEXT,
            major INTEGER NOT NULL,
            PRIMARY KEY (pmid, heading_position, position),
            FOREIGN KEY (pmid, heading_position) REFERENCES mesh_heading(pmid, position) ON DELETE CASCADE
        ) WITHOUT ROWID
        """,
        "CREATE INDEX mesh_qualifier_name ON mesh_qualifier(name)",
        """
        CREATE TABLE publication_type (
            pmid INTEGER NOT NULL REFERENCES article(pmid) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            name TEXT NOT NULL,
            ui TEXT,
            PRIMARY KEY (pmid, position)
        ) WITHOUT ROWID
        """,
        "CREATE INDEX publication_type_name ON publication_type(name COLLATE NOCASE)",
        """
        CREATE TABLE language (
            pmid INTEGER NOT NULL REFERENCES article(pmid) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            code TEXT NOT NULL,
            PRIMARY KEY (pmid, position)
        ) WITHOUT ROWID
        """,
        "CREATE INDEX language_code ON language(code)",
        """
        CREATE TABLE keyword (
            pmid INTEGER NOT NULL REFERENCES article(pmid) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            text TEXT NOT NULL,
            major INTEGER NOT NULL,
            owner TEXT,
            PRIMARY KEY (pmid, position)
        ) WITHOUT ROWID
        """,
        """
        CREATE TABLE chemical (
            pmid INTEGER NOT NULL REFERENCES article(pmid) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            name TEXT NOT NULL,
            ui TEXT,
            registry_number TEXT,
            PRIMARY KEY (pmid, position)
        ) WITHOUT ROWID
        """,
        """
        CREATE TABLE article_identifier (
            pmid INTEGER NOT NULL REFERENCES article(pmid) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            type TEXT NOT NULL,              -- pubmed, doi, pmc, pii, mid… and elocation:doi
            value TEXT NOT NULL,
            PRIMARY KEY (pmid, position)
        ) WITHOUT ROWID
        """,
        "CREATE INDEX article_identifier_value ON article_identifier(type, value)",
        """
        CREATE TABLE comment_correction (
            pmid INTEGER NOT NULL REFERENCES article(pmid) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            type TEXT NOT NULL,
            ref_pmid INTEGER,
            ref_source TEXT,
            PRIMARY KEY (pmid, position)
        ) WITHOUT ROWID
        """,
        "CREATE INDEX comment_correction_ref ON comment_correction(ref_pmid)",
        """
        CREATE TABLE grant_support (
            pmid INTEGER NOT NULL REFERENCES article(pmid) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            grant_id TEXT,
            acronym TEXT,
            agency TEXT,
            country TEXT,
            PRIMARY KEY (pmid, position)
        ) WITHOUT ROWID
        """,
        """
        CREATE TABLE history_date (
            pmid INTEGER NOT NULL REFERENCES article(pmid) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            status TEXT NOT NULL,
            date TEXT NOT NULL,              -- 'YYYY[-MM[-DD]]'
            PRIMARY KEY (pmid, position)
        ) WITHOUT ROWID
        """,
        """
        CREATE TABLE deleted_citation (
            pmid INTEGER PRIMARY KEY,
            file_id INTEGER REFERENCES ingested_file(id),
            deleted_at TEXT NOT NULL
        )
        """,
        """
        CREATE VIRTUAL TABLE article_fts USING fts5(
            title, abstract, mesh_terms, keyword_terms, author_names,
            content='article', content_rowid='pmid',
            tokenize='porter fold unicode61 remove_diacritics 2'
        )
        """,
        """
        CREATE TRIGGER article_fts_insert AFTER INSERT ON article BEGIN
            INSERT INTO article_fts(rowid, title, abstract, mesh_terms, keyword_terms, author_names)
            VALUES (new.pmid, new.title, new.abstract, new.mesh_terms, new.keyword_terms, new.author_names);
        END
        """,
        """
        CREATE TRIGGER article_fts_delete AFTER DELETE ON article BEGIN
            INSERT INTO article_fts(article_fts, rowid, title, abstract, mesh_terms, keyword_terms, author_names)
            VALUES ('delete', old.pmid, old.title, old.abstract, old.mesh_terms, old.keyword_terms, old.author_names);
        END
        """,
        """
        CREATE TRIGGER article_fts_update AFTER UPDATE ON article BEGIN
            INSERT INTO article_fts(article_fts, rowid, title, abstract, mesh_terms, keyword_terms, author_names)
            VALUES ('delete', old.pmid, old.title, old.abstract, old.mesh_terms, old.keyword_terms, old.author_names);
            INSERT INTO article_fts(rowid, title, abstract, mesh_terms, keyword_terms, author_names)
            VALUES (new.pmid, new.title, new.abstract, new.mesh_terms, new.keyword_terms, new.author_names);
        END
        """,
    ]
}
