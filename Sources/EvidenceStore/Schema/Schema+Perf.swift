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

    /// Migration `perf-3-lean-tables`: drops what nothing reads and what costs the ingest most.
    ///
    /// - `keyword`, `chemical`, `grant_support`, `history_date`: no search, claim or export
    ///   reads them (they take these fields from the record, re-parsed from the stored
    ///   original, as `ArticleStore.record(_:)` does); they were a fifth of the rows an
    ///   ingest wrote (143,000 of 816,000 for pubmed20n0014).
    /// - `article_identifier` keeps only DOIs (`doi` from ArticleIdList, `elocation:doi`),
    ///   which `[doi]` searches; the other ids (`pubmed`, `pii`, `pmc`, `mid`…) are in the
    ///   original, and `article.pmcid` keeps the PMC id.
    /// - `mesh_heading_ui` and `mesh_qualifier_name`: no query reads them (`[sh]` compares
    ///   `lower(name)`, which an index on `name` cannot serve).
    /// - FTS5: a 4 MB pending-term buffer (`hashsize`, default 1 MB) and `automerge` 8
    ///   (default 4) write fewer, larger segments and merge them less often during a bulk
    ///   ingest: about a quarter less FTS5 time, for a few MB more memory.
    static let leanTables: [String] = [
        "DROP TABLE keyword",
        "DROP TABLE chemical",
        "DROP TABLE grant_support",
        "DROP TABLE history_date",
        "DELETE FROM article_identifier WHERE type NOT IN ('doi', 'elocation:doi')",
        "DROP INDEX mesh_heading_ui",
        "DROP INDEX mesh_qualifier_name",
        "INSERT INTO article_fts(article_fts, rank) VALUES ('hashsize', 4194304)",
        "INSERT INTO article_fts(article_fts, rank) VALUES ('automerge', 8)",
    ]

    /// Migration `perf-4-packed-search-text`: the long search texts packed into one blob.
    ///
    /// `abstract`, `mesh_terms`, `keyword_terms` and `author_names` move into
    /// `article.search_text` (`PackedSearchText`: one deflated blob, about half their size) and
    /// come back as virtual generated columns of the same names, so every `SELECT` of them and
    /// FTS5's external-content reads (snippets, `highlight()`) work unchanged on connections
    /// opened by `Database`, which registers `evidence_text`. The ingester inserts into
    /// `article_fts` itself, with the plain text it already has, so the writing thread never
    /// inflates; the delete and update triggers read the old text through the generated
    /// columns. Existing rows are packed by `evidence_pack_text`.
    static let packedSearchText: [String] = [
        "DROP TRIGGER article_fts_insert",
        "DROP TRIGGER article_fts_update",
        "DROP TRIGGER article_fts_delete",
        "ALTER TABLE article ADD COLUMN search_text BLOB",
        "UPDATE article SET search_text = evidence_pack_text(abstract, mesh_terms, keyword_terms, author_names)",
        "ALTER TABLE article DROP COLUMN abstract",
        "ALTER TABLE article DROP COLUMN mesh_terms",
        "ALTER TABLE article DROP COLUMN keyword_terms",
        "ALTER TABLE article DROP COLUMN author_names",
        "ALTER TABLE article ADD COLUMN abstract TEXT GENERATED ALWAYS AS (evidence_text(search_text, 0)) VIRTUAL",
        "ALTER TABLE article ADD COLUMN mesh_terms TEXT GENERATED ALWAYS AS (evidence_text(search_text, 1)) VIRTUAL",
        "ALTER TABLE article ADD COLUMN keyword_terms TEXT GENERATED ALWAYS AS (evidence_text(search_text, 2)) VIRTUAL",
        "ALTER TABLE article ADD COLUMN author_names TEXT GENERATED ALWAYS AS (evidence_text(search_text, 3)) VIRTUAL",
        """
        CREATE TRIGGER article_fts_delete AFTER DELETE ON article BEGIN
            INSERT INTO article_fts(article_fts, rowid, title, abstract, mesh_terms, keyword_terms, author_names)
            VALUES ('delete', old.pmid, old.title, old.abstract, old.mesh_terms, old.keyword_terms, old.author_names);
        END
        """,
        """
        CREATE TRIGGER article_fts_update AFTER UPDATE OF title, search_text ON article BEGIN
            INSERT INTO article_fts(article_fts, rowid, title, abstract, mesh_terms, keyword_terms, author_names)
            VALUES ('delete', old.pmid, old.title, old.abstract, old.mesh_terms, old.keyword_terms, old.author_names);
            INSERT INTO article_fts(rowid, title, abstract, mesh_terms, keyword_terms, author_names)
            VALUES (new.pmid, new.title, new.abstract, new.mesh_terms, new.keyword_terms, new.author_names);
        END
        """,
    ]

    /// Migration `perf-5-mesh-vocabulary`: MeSH headings as integer ids into two small dictionaries.
    ///
    /// Each heading row held its descriptor's name, UI and folded name (about 50 bytes of text
    /// repeated in every one of ~10 headings per record), and `mesh_heading_search` copied the
    /// folded name again: 28 MB of a 98 MB index of pubmed20n0014. Now `mesh_descriptor` and
    /// `mesh_subheading` hold each distinct (name, UI) once, and `article_mesh` /
    /// `article_mesh_qualifier` hold only integers (pmid, position, id, flags). `mesh_heading`
    /// and `mesh_qualifier` are views with the columns the tables had, so every reader (`[mh]`,
    /// `[majr]`, `[sh]`, facets, `similar`, claims) runs the same SQL and gets the same rows;
    /// `[mh]` looks the folded name up in the dictionary, then the articles by descriptor id
    /// (`article_mesh_descriptor`). The writer turns names into ids (`NameVocabulary`).
    /// Dictionary rows are never deleted (a few thousand short rows), so the ids need no foreign
    /// key: declaring one cost the writer a random B-tree probe per heading (about 3% of the
    /// ingest CPU).
    static let meshVocabulary: [String] = [
        """
        CREATE TABLE mesh_descriptor (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,              -- DescriptorName as written
            ui TEXT,
            search_name TEXT NOT NULL        -- folded, lower-case (TextFolding.fold)
        )
        """,
        "CREATE UNIQUE INDEX mesh_descriptor_name ON mesh_descriptor(name, ui)",
        "CREATE INDEX mesh_descriptor_search ON mesh_descriptor(search_name)",
        """
        CREATE TABLE mesh_subheading (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,              -- QualifierName as written
            ui TEXT
        )
        """,
        "CREATE UNIQUE INDEX mesh_subheading_name ON mesh_subheading(name, ui)",
        """
        CREATE TABLE article_mesh (
            pmid INTEGER NOT NULL REFERENCES article(pmid) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            descriptor_id INTEGER NOT NULL,  -- mesh_descriptor.id
            major INTEGER NOT NULL,          -- descriptor's MajorTopicYN
            major_topic INTEGER NOT NULL,    -- descriptor or any qualifier is major ([majr])
            PRIMARY KEY (pmid, position)
        ) WITHOUT ROWID
        """,
        """
        CREATE TABLE article_mesh_qualifier (
            pmid INTEGER NOT NULL REFERENCES article(pmid) ON DELETE CASCADE,
            heading_position INTEGER NOT NULL,
            position INTEGER NOT NULL,
            subheading_id INTEGER NOT NULL,  -- mesh_subheading.id
            major INTEGER NOT NULL,
            PRIMARY KEY (pmid, heading_position, position)
        ) WITHOUT ROWID
        """,
        """
        INSERT INTO mesh_descriptor(name, ui, search_name)
        SELECT descriptor, ui, min(search_descriptor) FROM mesh_heading GROUP BY descriptor, ui ORDER BY descriptor, ui
        """,
        """
        INSERT INTO mesh_subheading(name, ui)
        SELECT name, ui FROM mesh_qualifier GROUP BY name, ui ORDER BY name, ui
        """,
        """
        INSERT INTO article_mesh(pmid, position, descriptor_id, major, major_topic)
        SELECT h.pmid, h.position, d.id, h.major, h.major_topic
        FROM mesh_heading h JOIN mesh_descriptor d ON d.name = h.descriptor AND d.ui IS h.ui
        ORDER BY h.pmid, h.position
        """,
        """
        INSERT INTO article_mesh_qualifier(pmid, heading_position, position, subheading_id, major)
        SELECT q.pmid, q.heading_position, q.position, s.id, q.major
        FROM mesh_qualifier q JOIN mesh_subheading s ON s.name = q.name AND s.ui IS q.ui
        ORDER BY q.pmid, q.heading_position, q.position
        """,
        "DROP TABLE mesh_qualifier",
        "DROP TABLE mesh_heading",
        "CREATE INDEX article_mesh_descriptor ON article_mesh(descriptor_id)",
        """
        CREATE VIEW mesh_heading(pmid, position, descriptor, ui, major, major_topic, search_descriptor) AS
        SELECT m.pmid, m.position, d.name, d.ui, m.major, m.major_topic, d.search_name
        FROM article_mesh m JOIN mesh_descriptor d ON d.id = m.descriptor_id
        """,
        """
        CREATE VIEW mesh_qualifier(pmid, heading_position, position, name, ui, major) AS
        SELECT q.pmid, q.heading_position, q.position, s.name, s.ui, q.major
        FROM article_mesh_qualifier q JOIN mesh_subheading s ON s.id = q.subheading_id
        """,
    ]

    /// Migration `perf-6-lean-identifiers`: drops the `article_identifier` rows that repeat `article.doi`.
    ///
    /// `[doi]` looks a DOI up in `article.doi` and in `article_identifier`, with the same
    /// values, so a row equal to its article's `doi` finds nothing the first look-up does
    /// not. Most records have one DOI, listed as ArticleId and as ELocationID: these rows and
    /// their index were 19 MB of a 565 MB index of 100,000 gen_pubmed records. What is kept is
    /// each DOI that differs from `article.doi` (a second DOI, or an erratum's).
    static let leanIdentifiers: [String] = [
        """
        DELETE FROM article_identifier
        WHERE value = (SELECT doi FROM article WHERE article.pmid = article_identifier.pmid)
        """,
    ]

    /// Migration `perf-7-publication-type-vocabulary`: publication types as integer ids.
    ///
    /// As `perf-5-mesh-vocabulary` did for MeSH: `publication_type_term` holds each distinct
    /// (name, UI) once (a few hundred rows), `article_publication_type` one row of integers per
    /// type of each article, and `publication_type` is a view with the old columns. `[pt]`
    /// (`name = ? COLLATE NOCASE`) finds the term through `publication_type_term_nocase`, then
    /// the articles through `article_publication_type_term`. The rows and their index were
    /// 14 MB of an index of 100,000 gen_pubmed records.
    static let publicationTypeVocabulary: [String] = [
        """
        CREATE TABLE publication_type_term (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            ui TEXT
        )
        """,
        "CREATE UNIQUE INDEX publication_type_term_name ON publication_type_term(name, ui)",
        "CREATE INDEX publication_type_term_nocase ON publication_type_term(name COLLATE NOCASE)",
        """
        CREATE TABLE article_publication_type (
            pmid INTEGER NOT NULL REFERENCES article(pmid) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            type_id INTEGER NOT NULL,        -- publication_type_term.id
            PRIMARY KEY (pmid, position)
        ) WITHOUT ROWID
        """,
        "INSERT INTO publication_type_term(name, ui) SELECT name, ui FROM publication_type GROUP BY name, ui ORDER BY name, ui",
        """
        INSERT INTO article_publication_type(pmid, position, type_id)
        SELECT p.pmid, p.position, t.id
        FROM publication_type p JOIN publication_type_term t ON t.name = p.name AND t.ui IS p.ui
        ORDER BY p.pmid, p.position
        """,
        "DROP TABLE publication_type",
        "CREATE INDEX article_publication_type_term ON article_publication_type(type_id)",
        """
        CREATE VIEW publication_type(pmid, position, name, ui) AS
        SELECT p.pmid, p.position, t.name, t.ui
        FROM article_publication_type p JOIN publication_type_term t ON t.id = p.type_id
        """,
    ]

    /// Migration `perf-8-search-text-in-chunks`: search texts stored in the chunks of originals.
    ///
    /// The ingester now writes each record's search texts right after its XML in the chunk's
    /// zlib stream, and `article.search_text` becomes a small reference (`PackedSearchText`,
    /// header `0xA0 | present`: chunk id, offset, length), which `evidence_text` resolves
    /// through `ChunkTextCache`. The schema does not change and existing rows are not
    /// rewritten (inline blobs keep working); the migration only marks the index, so that an
    /// older `evidence`, whose `evidence_text` would return NULL for the references, refuses it
    /// ("has migration … which this version of evidence does not know") instead of searching
    /// and deleting FTS entries with empty texts.
    static let searchTextInChunks: [String] = []

    /// Migration `perf-9-compact-impact-lists`: term impact lists in the compact format of
    /// `ImpactListCodec` (ascending PMIDs as varint gaps, scores as 1-byte levels rounded down,
    /// cut-off and best score exact), ~3 bytes a posting instead of 12.
    ///
    /// Lists in the old format (UInt32 pmid, Float64 score pairs) are dropped: they are
    /// optional, and `evidence ingest --optimize` rebuilds them. The migration's name also makes
    /// an older `evidence`, which would misread the new blobs, refuse the index.
    ///
    /// The table becomes a rowid table (same columns, `term` still unique): in a `WITHOUT
    /// ROWID` table a row over ~4 KB keeps only 2 KB on its leaf and spills the rest to an
    /// overflow page it leaves part empty (5.7 of 14.6 MB unused at gen_pubmed 100k); a rowid
    /// table keeps rows up to ~16 KB whole on the leaf.
    static let compactImpactLists: [String] = [
        "DROP TABLE term_impact_list",
        """
        CREATE TABLE term_impact_list (
            term TEXT PRIMARY KEY,           -- the FTS5 token (folded, stemmed)
            documents INTEGER NOT NULL,      -- its document frequency
            postings BLOB NOT NULL           -- ImpactListCodec: score levels, then ascending PMID gaps
        )
        """,
        "DELETE FROM term_impact_state",
    ]
}
