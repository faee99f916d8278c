import Foundation
import PubMed

/// Runs parsed queries against an index: totals, ranked pages with snippets, facets.
///
/// ```swift
/// let searcher = ArticleSearcher(database: store.database)
/// let results = try searcher.search("ketamine[tiab] AND depress*", options: SearchOptions(limit: 10))
/// ```
///
/// Ranking is bm25 with `SearchWeights` column weights. Broad queries (flat ORs of single
/// words, or one word, matching a large share of the index) rank a bounded candidate set
/// drawn from term impact lists when they are built and current (see `TermImpactIndex`);
/// everything else ranks every hit exactly. Uses the connection from one thread at a time.
public final class ArticleSearcher {
    /// The index connection.
    public let database: Database
    /// Column weights for bm25.
    public var weights: SearchWeights
    /// Whether this searcher created the temporary table `markedPassages` fills.
    var pageProbeReady = false

    /// Creates a searcher over `database` (an evidence index).
    public init(database: Database, weights: SearchWeights = .default) {
        self.database = database
        self.weights = weights
    }

    // MARK: Public entry points

    /// Parses `text` and searches; throws `SearchError`.
    public func search(_ text: String, options: SearchOptions = SearchOptions()) throws -> SearchResults {
        try search(Self.parse(text), options: options)
    }

    /// Searches with a parsed query; throws `SearchError`.
    public func search(_ query: SearchQuery, options: SearchOptions = SearchOptions()) throws -> SearchResults {
        let filtered = options.filtered(query)
        let compiled = QueryCompiler.compile(filtered)
        return try guarded("searching") {
            var ranking: RankingMethod = compiled.rankingExpression == nil || options.sort != .relevance ? .unranked : .exact
            var ranked: [(PMID, Double?)] = []
            var total: Int?
            if options.limit > 0 {
                let page = try page(compiled, root: filtered.root, options: options)
                ranked = page.hits
                ranking = page.method
                total = page.total
            }
            let resolvedTotal = try total ?? count(compiled)
            let marked = options.snippets ? try markedPassages(ranked.map(\.0), ranking: compiled.rankingExpression) : [:]
            let hits = try self.hits(ranked, marked: marked, snippets: options.snippets)
            var facets: [SearchFacet: [FacetCount]] = [:]
            for facet in options.facets {
                facets[facet] = try facetCounts(facet, compiled: compiled, limit: options.facetLimit)
            }
            return SearchResults(query: filtered, total: resolvedTotal, hits: hits, facets: facets, options: options, ranking: ranking)
        }
    }

    /// The number of matching records, without ranking (the `--count` fast path).
    public func count(_ text: String, options: SearchOptions = SearchOptions()) throws -> Int {
        let query = options.filtered(try Self.parse(text))
        // A text-only query is the plain FTS5 count of its expression: no compiling of the
        // PMID-set SQL it would not use.
        if let match = FTS5Expression.expression(for: query.root) {
            return try guarded("counting") { try count(match: match) }
        }
        let compiled = QueryCompiler.compile(query)
        return try guarded("counting") { try count(compiled) }
    }

    /// Every matching PMID, ascending.
    public func pmids(_ query: SearchQuery, options: SearchOptions = SearchOptions()) throws -> [PMID] {
        let compiled = QueryCompiler.compile(options.filtered(query))
        return try guarded("listing PMIDs") {
            try database.query("SELECT pmid FROM (\(compiled.pmidSQL)) ORDER BY pmid", arguments: Self.bindable(compiled.arguments)) {
                PMID($0.int64(0))
            }
        }
    }

    /// Parses `text`, turning a `QueryError` into `SearchError.query`.
    public static func parse(_ text: String) throws -> SearchQuery {
        do {
            return try SearchQuery(text)
        } catch let error as QueryError {
            throw SearchError.query(error)
        }
    }

    // MARK: Steps

    /// The number of records matching an FTS5 expression.
    func count(match: String) throws -> Int {
        Int(try database.scalarInt("SELECT count(*) FROM article_fts WHERE article_fts MATCH ?", arguments: [match]) ?? 0)
    }

    func count(_ compiled: CompiledQuery) throws -> Int {
        if let match = compiled.matchExpression { return try count(match: match) }
        if let filtered = compiled.filteredMatch {
            return Int(try database.scalarInt(filtered.sql(columns: "count(*)"),
                                              arguments: [filtered.expression] + Self.bindable(filtered.arguments)) ?? 0)
        }
        return Int(try database.scalarInt("SELECT count(*) FROM (\(compiled.pmidSQL))", arguments: Self.bindable(compiled.arguments)) ?? 0)
    }

    /// A page of hits, how they were ranked, and the total when the page query could count it
    /// on the way (a window `count(*) OVER ()` over the rows it ranks anyway).
    struct Page {
        var hits: [(PMID, Double?)]
        var method: RankingMethod
        var total: Int?
    }

    /// The page of PMIDs with scores, and how they were ranked.
    func page(_ compiled: CompiledQuery, root: QueryNode, options: SearchOptions) throws -> Page {
        let arguments = Self.bindable(compiled.arguments)
        let limit = options.limit, offset = options.offset
        /// Rows of (pmid, score?, total) → a page; the total is known only if a row came back.
        func page(_ sql: String, _ arguments: [any DatabaseBindable], scored: Bool, method: RankingMethod) throws -> Page {
            var total: Int?
            let hits = try database.query(sql, arguments: arguments) { row -> (PMID, Double?) in
                total = row.isNull(2) ? nil : row.int(2)
                return (PMID(row.int64(0)), scored ? row.double(1) : nil)
            }
            return Page(hits: hits, method: method, total: total)
        }
        switch options.sort {
        case .relevance:
            guard let ranking = compiled.rankingExpression else { return try byDate(compiled, limit: limit, offset: offset) }
            if options.allowsCandidateRanking, compiled.matchExpression != nil,
               let words = BroadQueryShape.words(in: root),
               let candidates = try TermImpactIndex(database: database, weights: weights).rankedHits(words: words, limit: limit + offset) {
                return Page(hits: candidates.hits.dropFirst(offset).map { ($0.0, Optional($0.1)) },
                            method: candidates.isExact ? .candidates : .approximate, total: candidates.total)
            }
            if let match = compiled.matchExpression {
                return try streamedPage("SELECT rowid, \(weights.bm25Call) FROM article_fts WHERE article_fts MATCH ?",
                                        [match], limit: limit, offset: offset)
            }
            if let filtered = compiled.filteredMatch {
                // Text ANDed with field criteria: the same single pass, each hit checked
                // against the fields by PMID as it streams.
                return try streamedPage(filtered.sql(columns: "rowid, \(weights.bm25Call)"),
                                        [filtered.expression] + Self.bindable(filtered.arguments), limit: limit, offset: offset)
            }
            let sql = "SELECT rowid, \(weights.bm25Call) AS score, NULL FROM article_fts WHERE article_fts MATCH ?"
                + " AND +rowid IN (\(compiled.pmidSQL)) ORDER BY score LIMIT ? OFFSET ?"
            // Records matching only through field criteria (e.g. `x OR Smith J[au]`) have no
            // text match to rank: they follow the ranked ones, newest first.
            var ranked = try page(sql, [ranking] + arguments + [limit, offset], scored: true, method: .exact)
            let total = try count(compiled)
            if ranked.hits.count < limit, total > offset + ranked.hits.count {
                let rankedTotal = Int(try database.scalarInt(
                    "SELECT count(*) FROM article_fts WHERE article_fts MATCH ? AND +rowid IN (\(compiled.pmidSQL))",
                    arguments: [ranking] + arguments) ?? 0)
                let unrankedOffset = max(0, offset - rankedTotal)
                let rest = try database.query("""
                    SELECT a.pmid FROM article a WHERE a.pmid IN (\(compiled.pmidSQL))
                    AND a.pmid NOT IN (SELECT rowid FROM article_fts WHERE article_fts MATCH ?)
                    ORDER BY a.sort_date DESC, a.pmid DESC LIMIT ? OFFSET ?
                    """, arguments: arguments + [ranking, limit - ranked.hits.count, unrankedOffset]) { (PMID($0.int64(0)), Double?.none) }
                ranked.hits += rest
            }
            ranked.total = total
            return ranked
        case .date:
            return try byDate(compiled, limit: limit, offset: offset)
        case .pmid:
            let sql = "SELECT pmid, NULL, count(*) OVER () FROM (\(compiled.pmidSQL)) ORDER BY pmid LIMIT ? OFFSET ?"
            return try page(sql, arguments + [limit, offset], scored: false, method: .unranked)
        }
    }

    /// The best `limit` hits after `offset` of a statement returning (rowid, bm25 score) for
    /// every hit, with their number. One pass over the hits gives both the total and the
    /// best `limit + offset` (bm25() cannot run under a window function, and a separate
    /// count(*) would walk the doclists a second time).
    func streamedPage(_ sql: String, _ arguments: [any DatabaseBindable], limit: Int, offset: Int) throws -> Page {
        var best = BestScores(capacity: limit + offset)
        var total = 0
        let statement = try database.prepare(sql)
        defer { statement.reset() }
        try statement.bind(arguments)
        while try statement.step() {
            total += 1
            best.insert(statement.int64(0), score: statement.double(1))
        }
        return Page(hits: best.ordered.dropFirst(offset).map { (PMID($0.0), Optional($0.1)) }, method: .exact, total: total)
    }

    /// Newest first. Walks the `sort_date` index backwards and keeps the matching records, so
    /// a large result set stops after the page instead of sorting every match.
    func byDate(_ compiled: CompiledQuery, limit: Int, offset: Int) throws -> Page {
        let sql = "SELECT a.pmid FROM article a INDEXED BY article_sort_date WHERE a.pmid IN (\(compiled.pmidSQL))"
            + " ORDER BY a.sort_date DESC, a.pmid DESC LIMIT ? OFFSET ?"
        let hits = try database.query(sql, arguments: Self.bindable(compiled.arguments) + [limit, offset]) { row -> (PMID, Double?) in
            (PMID(row.int64(0)), nil)
        }
        return Page(hits: hits, method: .unranked, total: nil)
    }

    /// The display fields of one hit; `marked` holds its highlighted title and snippet
    /// (from `markedPassages`), when the query had text terms that matched.
    func hit(_ pmid: PMID, score: Double?, marked: (title: String?, snippet: String?)?, snippets: Bool) throws -> SearchHit {
        try hits([(pmid, score)], marked: marked.map { [pmid: $0] } ?? [:], snippets: snippets).first
            ?? SearchHit(pmid: pmid, year: nil, firstAuthor: nil, journal: nil, title: HighlightedText(plain: ""), publicationTypes: [],
                         design: StudyDesign(publicationTypes: [], meshDescriptors: [], title: "", abstract: ""),
                         doi: nil, snippet: HighlightedText(plain: ""), score: score)
    }

    /// The display fields of a page of hits, in the page's order, read with one statement:
    /// the article row with its publication types and MeSH descriptors gathered in the same
    /// row (joined by U+001F, which XML text cannot hold).
    func hits(_ page: [(PMID, Double?)], marked: [PMID: (title: String?, snippet: String?)], snippets: Bool) throws -> [SearchHit] {
        guard !page.isEmpty else { return [] }
        typealias Row = (year: Int?, author: String?, journal: String?, title: String?, doi: String?, abstract: String?,
                         types: [String], mesh: [String])
        var rows: [Int64: Row] = [:]
        rows.reserveCapacity(page.count)
        func list(_ text: String?) -> [String] {
            guard let text, !text.isEmpty else { return [] }
            return text.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
        }
        let ids = "[" + page.map { String($0.0.value) }.joined(separator: ",") + "]"
        try database.query("""
            SELECT a.pmid, a.pub_year, a.first_author, coalesce(a.journal_ta, a.journal_iso, a.journal_title), a.title, a.doi, a.abstract,
                (SELECT group_concat(name, char(31)) FROM (SELECT name FROM publication_type WHERE pmid = a.pmid ORDER BY position)),
                (SELECT group_concat(descriptor, char(31)) FROM (SELECT descriptor FROM mesh_heading WHERE pmid = a.pmid ORDER BY position))
            FROM article a WHERE a.pmid IN (SELECT value FROM json_each(?))
            """, arguments: [ids]) { row in
            rows[row.int64(0)] = (row.optionalInt(1), row.string(2), row.string(3), row.string(4), row.string(5), row.string(6),
                                  list(row.string(7)), list(row.string(8)))
        }
        return page.map { pmid, score in
            let row = rows[pmid.value]
            var title = HighlightedText(plain: row?.title ?? "")
            if let text = marked[pmid]?.title, !text.isEmpty { title = HighlightedText(markedText: text) }
            // The leading passage only for hits without a marked snippet.
            let snippet: HighlightedText
            if !snippets {
                snippet = HighlightedText(plain: "")
            } else if let text = marked[pmid]?.snippet, !text.isEmpty {
                snippet = HighlightedText(markedText: text)
            } else {
                snippet = HighlightedText(plain: Self.leadingPassage(row?.abstract))
            }
            let types = row?.types ?? []
            return SearchHit(pmid: pmid, year: row?.year, firstAuthor: row?.author, journal: row?.journal, title: title,
                             publicationTypes: types, design: StudyDesign(publicationTypes: types, meshDescriptors: row?.mesh ?? [],
                                                                        title: row?.title ?? "", abstract: row?.abstract ?? ""),
                             doi: row?.doi, snippet: snippet, score: score)
        }
    }

    /// Highlighted titles and abstract snippets for a page of hits, with matches wrapped in
    /// U+0001/U+0002.
    ///
    /// The page's records are copied into a temporary FTS5 table with the same columns and
    /// tokenizer, and FTS5's `highlight()`/`snippet()` run there with the same expression: the
    /// result is what they would give on the index, without re-opening the index's (possibly
    /// long, prefix- or phrase-merged) doclists once per hit. The table takes its text from a
    /// temporary content table, so emptying it after the page is FTS5's `delete-all` (no second
    /// tokenizing of the records, which deleting rows of an ordinary FTS5 table costs).
    func markedPassages(_ pmids: [PMID], ranking: String?) throws -> [PMID: (title: String?, snippet: String?)] {
        guard let ranking, !pmids.isEmpty else { return [:] }
        if !pageProbeReady {
            try database.execute("""
                CREATE TABLE IF NOT EXISTS temp.page_passage_text(id INTEGER PRIMARY KEY, title, abstract, mesh_terms, keyword_terms,
                    author_names);
                CREATE VIRTUAL TABLE IF NOT EXISTS temp.page_passage USING fts5(title, abstract, mesh_terms, keyword_terms, author_names,
                    content='page_passage_text', content_rowid='id', tokenize='porter fold unicode61 remove_diacritics 2');
                INSERT INTO temp.page_passage(page_passage) VALUES('delete-all');
                DELETE FROM temp.page_passage_text;
                """)
            pageProbeReady = true
        }
        // Cached statements: nothing is parsed again on the next page.
        defer {
            try? database.execute("INSERT INTO temp.page_passage(page_passage) VALUES('delete-all')", arguments: [])
            try? database.execute("DELETE FROM temp.page_passage_text", arguments: [])
        }
        let list = "[" + pmids.map(\.description).joined(separator: ",") + "]"
        try database.execute("""
            INSERT INTO temp.page_passage_text(id, title, abstract, mesh_terms, keyword_terms, author_names)
            SELECT pmid, title, abstract, mesh_terms, keyword_terms, author_names FROM article
            WHERE pmid IN (SELECT value FROM json_each(?))
            """, arguments: [list])
        try database.execute("""
            INSERT INTO temp.page_passage(rowid, title, abstract, mesh_terms, keyword_terms, author_names)
            SELECT id, title, abstract, mesh_terms, keyword_terms, author_names FROM temp.page_passage_text
            """, arguments: [])
        var result: [PMID: (title: String?, snippet: String?)] = [:]
        try database.query("""
            SELECT rowid, highlight(page_passage, 0, char(1), char(2)), snippet(page_passage, 1, char(1), char(2), '…', 40)
            FROM temp.page_passage WHERE page_passage MATCH ?
            """, arguments: [ranking]) { row in
            result[PMID(row.int64(0))] = (row.string(1), row.string(2))
        }
        return result
    }

    /// About 40 words from the start of the abstract, for hits without text matches.
    static func leadingPassage(_ abstract: String?) -> String {
        guard let abstract else { return "" }
        // Only the first 41 words are looked at (not the whole abstract split into words).
        var words: [Substring] = []
        var start: String.Index?
        var index = abstract.startIndex
        let scalars = abstract.unicodeScalars
        while index < abstract.endIndex, words.count <= 40 {
            let scalar = scalars[index]
            let isWhitespace = scalar.isASCII ? (scalar == " " || ("\t"..."\r").contains(scalar)) : scalar.properties.isWhitespace
            if isWhitespace {
                if let begin = start { words.append(abstract[begin..<index]) }
                start = nil
            } else if start == nil {
                start = index
            }
            index = scalars.index(after: index)
        }
        if let begin = start, words.count <= 40 { words.append(abstract[begin..<index]) }
        return words.prefix(40).joined(separator: " ") + (words.count > 40 ? "…" : "")
    }

    // MARK: Helpers

    static func bindable(_ arguments: [SQLArgument]) -> [any DatabaseBindable] {
        arguments.map { argument -> any DatabaseBindable in
            switch argument {
            case .text(let text): return text
            case .integer(let value): return value
            }
        }
    }

    /// Runs `body`, turning a `DatabaseError` into `SearchError.index`.
    func guarded<T>(_ operation: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            throw SearchError.index(resultCode: error.extendedResultCode, operation: operation)
        }
    }
}
