import ArgumentParser
import EUtilities
import Foundation

/// What `evidence fetch` will do, resolved from its options, the corpus definition and the
/// environment: the client configuration, the job, and the folder.
struct FetchPlan {
    var configuration: EUtilitiesConfiguration
    var job: FetchJob
    var folder: URL
    /// `corpus ketamine-trd` or `query "…"`, for messages.
    var label: String

    init(command: FetchCommand, environment: [String: String]) throws {
        var query = command.query ?? ""
        var range: DateRange?
        var dateType = EntrezDateType.edat
        var folderPath: String
        if let corpusPath = command.corpus {
            let corpus = try CorpusDefinition.load(from: URL(fileURLWithPath: corpusPath))
            query = corpus.query
            range = try corpus.days()
            dateType = corpus.dateType ?? .pdat
            folderPath = command.out.map { ($0 as NSString).appendingPathComponent(corpus.name) } ?? corpus.outputFolder
            label = "corpus \(corpus.name)"
        } else {
            folderPath = ((command.out ?? "Corpus/pubmed") as NSString).appendingPathComponent(Self.folderName(forQuery: query))
            label = "query \"\(query)\""
        }
        if let text = command.dateType, let type = EntrezDateType(rawValue: text) { dateType = type }
        let since = command.since.flatMap { CalendarDay(parsing: $0) }
        let until = command.until.flatMap { CalendarDay(parsing: $0, endOfPeriod: true) }
        if since != nil || until != nil {
            let first = [range?.first, since].compactMap { $0 }.max()
            let last = [range?.last, until].compactMap { $0 }.min()
            guard let limited = DateRange.covering(from: first, through: last) else {
                throw ValidationError("the dates leave nothing to fetch (from \(first.map(\.description) ?? "-") to \(last.map(\.description) ?? "-"))")
            }
            range = limited
        }
        let apiKey = command.apiKey ?? environment["NCBI_API_KEY"]
        let email = command.email ?? environment["NCBI_EMAIL"]
        configuration = EUtilitiesConfiguration(
            baseURL: URL(string: command.eutilsURL)!,
            apiKey: apiKey,
            email: email,
            tool: command.tool
        )
        job = FetchJob(query: query, dateRange: range, dateType: dateType, maxRecords: command.max,
                       batchSize: command.batchSize, batchLimit: command.maxBatches)
        folder = URL(fileURLWithPath: folderPath, isDirectory: true)
    }

    /// `query-<16 hex digits>`: a stable folder name for an ad-hoc query (FNV-1a 64 of its text).
    static func folderName(forQuery query: String) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in query.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return "query-" + String(format: "%016llx", hash)
    }
}
