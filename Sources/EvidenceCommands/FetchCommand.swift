import ArgumentParser
import EUtilities
import EvidenceStore
import Foundation

/// `evidence fetch`: builds or refreshes a corpus from PubMed's E-utilities.
struct FetchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Fetch PubMed records for a query (or a corpus definition) into the index.",
        discussion: """
            Runs esearch (usehistory=y), slicing the date range while a slice matches more than \
            esearch's 10,000 ids, then efetch in batches. Every response is saved gzipped under \
            the output folder and ingested as it arrives. Killed and run again, it goes on where \
            it stopped and never fetches a record twice. At most 3 requests a second (10 with an \
            API key); 429, 5xx, time-outs and truncated bodies are retried with backoff.
            Data (the files saved) goes to standard output; progress and diagnostics to \
            standard error. Without a network, see docs/fetch.md to ingest local XML instead.
            """
    )

    @Option(help: ArgumentHelp("The PubMed query.", valueName: "query"))
    var query: String?

    @Option(help: ArgumentHelp("A corpus definition (JSON) giving the query, dates and output folder.", valueName: "file"))
    var corpus: String?

    @Option(help: ArgumentHelp("Only records on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).", valueName: "date"))
    var since: String?

    @Option(help: ArgumentHelp("Only records on or before this date.", valueName: "date"))
    var until: String?

    @Option(name: .customLong("date-type"), help: ArgumentHelp("The date --since, --until and slicing use: edat (added to PubMed), pdat (published) or mdat.", valueName: "type"))
    var dateType: String?

    @Option(help: ArgumentHelp("The most records the corpus folder may hold.", valueName: "n"))
    var max: Int?

    @Option(name: .customLong("api-key"), help: ArgumentHelp("NCBI API key (default: $NCBI_API_KEY); allows 10 requests a second.", valueName: "key"))
    var apiKey: String?

    @Option(help: ArgumentHelp("Contact e-mail sent to NCBI (default: $NCBI_EMAIL).", valueName: "address"))
    var email: String?

    @Option(help: ArgumentHelp("Tool name sent to NCBI.", valueName: "name"))
    var tool: String = "evidence"

    @Option(help: ArgumentHelp("Folder for the fetched files; a sub-folder per corpus or query is made in it (default: the corpus's output, else Corpus/pubmed).", valueName: "dir"))
    var out: String?

    @Option(name: .customLong("eutils-url"), help: ArgumentHelp("E-utilities base URL (a mirror, or a test server).", valueName: "url"))
    var eutilsURL: String = EUtilitiesConfiguration.defaultBaseURL.absoluteString

    @Option(name: .customLong("batch-size"), help: ArgumentHelp("Records per efetch request.", valueName: "n"))
    var batchSize: Int = 500

    @Option(name: .customLong("max-batches"), help: ArgumentHelp("Stop after this many batches; the next run resumes.", valueName: "n"))
    var maxBatches: Int?

    @Flag(name: .customLong("if-empty"), help: "Do nothing when the index already holds articles.")
    var ifEmpty = false

    @OptionGroup var indexOptions: IndexOptions

    func validate() throws {
        if (query == nil) == (corpus == nil) {
            throw ValidationError("give either --query or --corpus")
        }
        if let query, query.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw ValidationError("--query is empty")
        }
        if let since, CalendarDay(parsing: since) == nil {
            throw ValidationError("--since \(since) is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
        }
        if let until, CalendarDay(parsing: until, endOfPeriod: true) == nil {
            throw ValidationError("--until \(until) is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
        }
        if let dateType, EntrezDateType(rawValue: dateType) == nil {
            throw ValidationError("--date-type must be edat, pdat or mdat")
        }
        if let max, max <= 0 { throw ValidationError("--max must be positive") }
        if batchSize <= 0 || batchSize > 10_000 { throw ValidationError("--batch-size must be between 1 and 10000") }
        if let maxBatches, maxBatches <= 0 { throw ValidationError("--max-batches must be positive") }
        guard let url = URL(string: eutilsURL), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil else {
            throw ValidationError("--eutils-url must be an http(s) URL")
        }
    }

    func run() throws {
        try run(output: .standard())
    }

    /// Runs the command, writing to `output`, reading defaults from `environment`.
    func run(output: CommandOutput, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        let plan = try FetchPlan(command: self, environment: environment)
        let store = try ArticleStore(path: indexOptions.index)
        defer { store.close() }
        if ifEmpty, try !store.isEmpty() {
            output.writeError("fetch: \(indexOptions.index) already holds articles; nothing fetched (--if-empty)\n")
            return
        }

        let client = EUtilitiesClient(configuration: plan.configuration)
        client.observeRetries { event in output.writeError("fetch: warning: \(event)\n") }
        let ingester = ArticleIngester(store: store)
        let display = FetchProgressDisplay(output: output)
        var failedFiles: [String] = []

        output.writeError("fetch: \(plan.label) into \(plan.folder.path)\n")
        let fetcher = Fetcher(client: client, job: plan.job, folder: plan.folder, ingest: { batch in
            let outcome = ingester.ingest(IngestInput(file: batch.url.path))
            display.clear()
            for diagnostic in outcome.diagnostics { output.writeError("\(diagnostic)\n") }
            if outcome.status == .failed {
                if let failure = outcome.failure { output.writeError("\(failure)\n") }
                output.writeError("fetch: \(batch.url.path): not ingested; fix it and run evidence ingest on it\n")
                failedFiles.append(batch.url.path)
            }
            output.write(batch.url.path + "\n")
        }, observe: { display.show($0) })

        let summary: FetchSummary
        do {
            summary = try fetcher.run()
        } catch let error as EUtilitiesError where error.isUnreachable {
            display.clear()
            throw FetchCommandError.unreachable(url: plan.configuration.baseURL.absoluteString, reason: "\(error)")
        }
        display.clear()
        output.writeError("fetch: " + Self.summaryLine(summary, folder: plan.folder.path, articles: try store.articleCount()) + "\n")
        if !failedFiles.isEmpty {
            throw FetchCommandError.ingestFailed(files: failedFiles)
        }
    }

    /// `fetched 1,234 records in 3 batches (2 skipped, 1 recovered); 5,000 in the folder; index: 5,000 articles`.
    static func summaryLine(_ summary: FetchSummary, folder: String, articles: Int) -> String {
        var line = "fetched \(summary.recordsFetched) record\(summary.recordsFetched == 1 ? "" : "s") in \(summary.batchesFetched) batch\(summary.batchesFetched == 1 ? "" : "es")"
        var notes: [String] = []
        if summary.batchesSkipped > 0 { notes.append("\(summary.batchesSkipped) already there") }
        if summary.batchesRecovered > 0 { notes.append("\(summary.batchesRecovered) recovered from an interrupted run") }
        if summary.recordsAbsent > 0 { notes.append("\(summary.recordsAbsent) listed but not returned") }
        if !notes.isEmpty { line += " (" + notes.joined(separator: ", ") + ")" }
        if let matched = summary.recordsMatched { line += "; the query matches \(matched)" }
        line += "; \(summary.recordsInFolder) in \(folder); index: \(articles) articles"
        if summary.stoppedAtLimit { line += "; stopped at --max-batches, run again to go on" }
        return line
    }
}

/// Why `evidence fetch` failed, beyond the client's own errors.
enum FetchCommandError: Error, CustomStringConvertible {
    /// E-utilities could not be reached at all.
    case unreachable(url: String, reason: String)
    /// Some saved batches could not be ingested.
    case ingestFailed(files: [String])

    var description: String {
        switch self {
        case .unreachable(let url, let reason):
            return """
                cannot reach E-utilities at \(url) (\(reason)).
                Without a network, point evidence at local PubMed XML instead:
                  evidence ingest PATH...          (.xml, .xml.gz files or folders, e.g. ../shared/corpus/ketamine)
                  evidence update DIR --verify     (NLM baseline/update files pubmedYYnNNNN.xml.gz)
                or at a mirror with --eutils-url URL. See docs/fetch.md.
                """
        case .ingestFailed(let files):
            return "\(files.count) fetched file\(files.count == 1 ? "" : "s") could not be ingested: \(files.joined(separator: ", "))"
        }
    }
}
