import ArgumentParser
import Claims
import EvidenceStore
import Foundation
import PubMed

/// `evidence check ARTICLE`: fact-checks a patient-facing article, claim by claim, against the index.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check an article's claims (or a JSONL file of claims) against the index, with citations.",
        discussion: """
            Reads .txt, .md or .html, finds the checkable claims, links each to the records that \
            support or contradict it (PMID, quote with offsets, numbers, design, n, year) and gives a \
            verdict. Results go to the claims ledger in the index; a rerun keeps human review \
            decisions and reports what changed. Markdown goes to standard output by default.

            Batch mode: --claims FILE.jsonl reads {"id", "claim"} per line and writes one JSON line \
            per claim: {"id", "verdict", "reason", "citations": [{"pmid", "stance", "score", …}]}.
            """
    )

    /// Output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case markdown, json, html, jsonl
    }

    @Argument(help: ArgumentHelp("The article (.txt, .md, .html).", valueName: "article"))
    var article: String?

    @Option(help: ArgumentHelp("A JSONL file of claims ({\"id\", \"claim\"} per line) to check in batch.", valueName: "file"))
    var claims: String?

    @Option(help: "Output format: markdown (default for an article), json, html, or jsonl (default and only format for --claims).")
    var format: Format?

    @Option(name: .customLong("lexicon"), help: ArgumentHelp("An extra lexicon file merged on top of Corpus/lexicon/*.json (repeatable).", valueName: "file"))
    var lexicons: [String] = []

    @Option(help: ArgumentHelp("""
        The folder of default lexicons (default: Corpus/lexicon in the working directory, else in the project         of the index, else in the project evidence was built in).
        """, valueName: "dir"))
    var lexiconDirectory: String?

    @Option(help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Option(help: "Citations per claim in batch mode.")
    var citations: Int = 20

    @Flag(help: "Do not record the run in the claims ledger.")
    var noLedger = false

    @OptionGroup var indexOptions: IndexOptions

    func validate() throws {
        if article == nil && claims == nil { throw ValidationError("give an article to check, or --claims FILE.jsonl") }
        if article != nil && claims != nil { throw ValidationError("give either an article or --claims, not both") }
        if claims != nil, let format, format != .jsonl { throw ValidationError("--claims writes JSONL only (--format jsonl)") }
        if article != nil, format == .jsonl { throw ValidationError("--format jsonl is for --claims batches; use json for an article") }
        if citations < 1 { throw ValidationError("--citations must be at least 1") }
    }

    func run() throws {
        try run(output: .standard())
    }

    /// Runs the command, writing to `output`.
    func run(output commandOutput: CommandOutput) throws {
        guard FileManager.default.fileExists(atPath: indexOptions.index) else {
            throw ValidationError("no index at \(indexOptions.index): run 'evidence ingest FILES' first, or pass --index PATH")
        }
        // Batch claims may go without one (as `evidence eval` does); an article may not.
        let lexicon = try LexiconLocation.load(directory: lexiconDirectory, extra: lexicons, indexPath: indexOptions.index,
                                               required: article != nil)
        let store = try ArticleStore(path: indexOptions.index, create: false)
        defer { store.close() }
        let checker = ClaimChecker(lexicon: CompiledLexicon(lexicon), index: StoreEvidenceIndex(store: store))
        let text: String
        if let claims {
            checker.linker.maxCitations = citations
            checker.linker.candidateLimit = max(100, citations)
            text = try BatchClaims.run(path: claims, checker: checker, depth: citations)
        } else if let article {
            let document = try ArticleDocument(contentsOf: article)
            var check = try checker.check(document)
            let report0 = CheckReport(check, tool: "evidence \(EvidenceVersion.current)")
            if !noLedger {
                try ClaimLedger(database: store.database).record(&check, sha256: report0.article.sha256)
            }
            let report = CheckReport(check, tool: "evidence \(EvidenceVersion.current)")
            switch format ?? .markdown {
            case .markdown: text = MarkdownReportRenderer.render(report) + "\n"
            case .json: text = String(decoding: try report.jsonData(), as: UTF8.self) + "\n"
            case .html: text = HTMLReportRenderer.render(check, report: report)
            case .jsonl: text = ""
            }
        } else {
            text = ""
        }
        if let output {
            do {
                try text.write(toFile: output, atomically: true, encoding: .utf8)
            } catch {
                throw ValidationError("cannot write \(output): \(error.localizedDescription)")
            }
        } else {
            commandOutput.write(text)
        }
    }
}
