import ArgumentParser
import EvidenceStore
import Foundation
import PubMed

/// `evidence similar PMID`: related records by salient words and shared MeSH, explained.
struct SimilarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "similar",
        abstract: "List records related to one, by its salient words and shared MeSH descriptors.",
        discussion: """
            Salient words are the record's title and abstract words with the highest tf-idf \
            against the index (title words count twice). Candidates are the best bm25 hits for \
            those words and records sharing its rarest MeSH descriptors; each is scored \
            0.6 × relative bm25 + 0.4 × the rarity-weighted share of MeSH descriptors in common. \
            Each result lists the shared words and descriptors.
            """
    )

    @Argument(help: "The PubMed id of the record.")
    var pmid: String

    @Option(help: "How many related records to list.")
    var limit: Int = 10

    @Option(help: "Output format: table, json, jsonl, csv or pmids.")
    var format: SearchOutputFormat = .table

    @OptionGroup var indexOptions: IndexOptions

    func validate() throws {
        guard PMID(pmid) != nil else { throw ValidationError("'\(pmid)' is not a PMID (a positive whole number)") }
        guard limit > 0 else { throw ValidationError("--limit must be 1 or more") }
    }

    func run() throws {
        try run(output: .standard(), style: .detect())
    }

    /// Runs the command, writing to `output` laid out for `style`.
    func run(output: CommandOutput, style: TerminalStyle) throws {
        guard let pmid = PMID(pmid) else { throw ValidationError("'\(self.pmid)' is not a PMID") }
        let store = try ArticleStore(path: indexOptions.index, create: false)
        defer { store.close() }
        let similar: SimilarArticles
        do {
            similar = try ArticleSearcher(database: store.database).similar(to: pmid, limit: limit)
        } catch let error as SearchError {
            output.writeError("error: \(error)\n")
            throw ExitCode.failure
        }
        switch format {
        case .table:
            output.write(SimilarArticlesText(style: style).render(similar))
        case .json:
            output.write(try SimilarArticlesJSON.document(similar))
        case .jsonl:
            output.write(try SimilarArticlesJSON.lines(similar))
        case .csv:
            output.write(SimilarArticlesJSON.csv(similar))
        case .pmids:
            output.write(similar.articles.map { "\($0.hit.pmid)\n" }.joined())
        }
    }
}
