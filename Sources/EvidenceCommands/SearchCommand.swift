import ArgumentParser
import EvidenceStore
import Foundation

/// `evidence search QUERY`: PubMed-style queries over the index, ranked, with snippets.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search the index with a PubMed-style query.",
        discussion: """
            Queries use PubMed's syntax: terms, "phrases", AND/OR/NOT (upper case) with \
            parentheses, truncation (depress*), proximity ("ketamine depression"[tiab:~3]) and \
            field tags: [tiab] [ti] [ab] [tw] [all] [au] [1au] [lastau] [mh] [majr] [mh:noexp] \
            [sh] [pt] [dp] [ta] [journal] [la] [pmid] [uid] [doi]. Without parentheses, \
            operators apply strictly left to right, as in PubMed: a OR b AND c means (a OR b) AND c. \
            Adjacent terms are ANDed. [mh] does not explode to narrower MeSH terms (no MeSH tree \
            in the index), so it behaves as [mh:noexp].

            Put the query after -- when it starts with a dash: evidence search -- '-ketamine'. \
            A query that cannot be parsed exits with status 64 and points at the column.
            """
    )

    @Argument(help: ArgumentHelp("The query (words are joined with spaces).", valueName: "query"))
    var query: [String] = []

    @Option(help: "Hits per page (default 20; with --format pmids, all).")
    var limit: Int?

    @Option(help: "Hits to skip.")
    var offset: Int = 0

    @OptionGroup var filters: SearchFilterOptions

    @Option(help: "Output format: table, json, jsonl, csv or pmids.")
    var format: SearchOutputFormat = .table

    @Option(help: ArgumentHelp("Count values over all results: year,type,journal,mesh.", valueName: "facets"))
    var facets: String?

    @Flag(help: "Print only the number of matching records.")
    var count = false

    @Flag(help: "Print the query as understood, its tree and the FTS5/SQL it compiles to.")
    var explain = false

    @OptionGroup var indexOptions: IndexOptions

    func validate() throws {
        if let limit, limit < 0 { throw ValidationError("--limit must be 0 or more") }
        if offset < 0 { throw ValidationError("--offset must be 0 or more") }
        _ = try facetList()
    }

    /// The facets named by `--facets`.
    func facetList() throws -> [SearchFacet] {
        guard let facets else { return [] }
        return try facets.split(separator: ",").map { name in
            let trimmed = name.trimmingCharacters(in: .whitespaces).lowercased()
            guard let facet = SearchFacet(rawValue: trimmed) else {
                throw ValidationError("unknown facet '\(trimmed)'; use year, type, journal or mesh")
            }
            return facet
        }
    }

    /// The query text: arguments joined, a leading `--` dropped.
    var queryText: String {
        var words = query
        if words.first == "--" { words.removeFirst() }
        return words.joined(separator: " ")
    }

    func run() throws {
        try run(output: .standard(), style: .detect())
    }

    /// Runs the command, writing to `output` laid out for `style`.
    func run(output: CommandOutput, style: TerminalStyle) throws {
        let text = queryText
        let parsed: SearchQuery
        do {
            parsed = try SearchQuery(text)
        } catch let error as QueryError {
            output.writeError(Self.report(error, in: text))
            throw ExitCode(64)
        }
        let options = filters.searchOptions(
            limit: limit ?? (format == .pmids ? Int.max / 2 : 20), offset: offset, facets: try facetList(), snippets: format != .pmids)
        let store = try ArticleStore(path: indexOptions.index, create: false)
        defer { store.close() }
        let searcher = ArticleSearcher(database: store.database)
        do {
            if explain {
                output.write(QueryExplanation(options.filtered(parsed)).description + "\n")
                output.write("Total: \(try searcher.count(text, options: options))\n")
                return
            }
            if count {
                output.write("\(try searcher.count(text, options: options))\n")
                return
            }
            if format == .pmids, options.sort == .pmid || limit == nil {
                // Every PMID, without ranking (the pipe into `evidence show -`).
                let all = try searcher.pmids(parsed, options: options)
                let page = all.dropFirst(offset).prefix(limit ?? all.count)
                output.write(page.map { "\($0)\n" }.joined())
                return
            }
            let results = try searcher.search(parsed, options: options)
            switch format {
            case .table: output.write(SearchResultsTable(style: style).render(results))
            case .json: output.write(try SearchResultsJSON.document(results))
            case .jsonl: output.write(try SearchResultsJSON.lines(results))
            case .csv: output.write(SearchResultsCSV.render(results))
            case .pmids: output.write(results.hits.map { "\($0.pmid)\n" }.joined())
            }
        } catch let error as SearchError {
            output.writeError("error: \(error)\n")
            if case .query = error { throw ExitCode(64) }
            throw ExitCode.failure
        }
    }

    /// The error sentence, then the query with a caret under the column.
    static func report(_ error: QueryError, in query: String) -> String {
        var text = "error: \(error)\n"
        if error.kind != .empty {
            let line = query.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\t", with: " ")
            text += "  \(line)\n  \(String(repeating: " ", count: max(0, error.column - 1)))^\n"
        }
        return text
    }
}

extension SearchSort: ExpressibleByArgument {}
