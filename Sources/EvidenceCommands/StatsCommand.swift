import ArgumentParser
import EvidenceStore
import Foundation

/// `evidence stats`: counts, the ingest manifest and the snapshot id of the index.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Print counts, ingested files and the snapshot id of the index."
    )

    /// The output formats of `stats`.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Flag(help: "In text output, list every ingested file, not just the last \(StatsCommand.filesShown).")
    var allFiles = false

    @Flag(help: "Also check the index's integrity (SQLite and the FTS5 index); exit 1 on a problem.")
    var check = false

    @OptionGroup var indexOptions: IndexOptions

    func run() throws {
        try run(output: .standard())
    }

    /// Runs the command, writing to `output`.
    func run(output: CommandOutput) throws {
        let store = try ArticleStore(path: indexOptions.index, create: false)
        defer { store.close() }
        let statistics = try store.statistics()
        switch format {
        case .json:
            output.write(try StatsCommand.json(statistics))
        case .text:
            output.write(StatsCommand.text(statistics, index: indexOptions.index, allFiles: allFiles))
        }
        if check {
            let problems = try store.integrityProblems()
            guard problems.isEmpty else {
                output.writeError(problems.map { "\(indexOptions.index): error: integrity: \($0)\n" }.joined())
                throw ExitCode.failure
            }
            output.writeError("\(indexOptions.index): integrity: ok\n")
        }
    }

    /// `{articles, deleted, files: [...], snapshot, …}`, pretty-printed with sorted keys.
    static func json(_ statistics: IndexStatistics) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(statistics), as: UTF8.self) + "\n"
    }

    /// The statistics laid out for people.
    /// How many files the text output lists by default (the most recently ingested).
    static let filesShown = 10

    static func text(_ statistics: IndexStatistics, index: String, allFiles: Bool = false) -> String {
        var lines = [
            "Index:        \(index) (schema v\(statistics.schemaVersion), \(String(format: "%.1f", Double(statistics.databaseBytes) / 1e6)) MB)",
            "Snapshot:     \(statistics.snapshot)",
            "Articles:     \(statistics.articles) (\(statistics.books) book articles, \(statistics.withAbstract) with abstract, \(statistics.retracted) retracted)",
            "Deleted:      \(statistics.deleted)",
            "Authors:      \(statistics.distinctAuthors) distinct names",
        ]
        if let earliest = statistics.earliestYear, let latest = statistics.latestYear {
            lines.append("Years:        \(earliest)–\(latest)")
        }
        lines.append("Files:        \(statistics.files.count)")
        let hidden = allFiles ? 0 : max(0, statistics.files.count - filesShown)
        if hidden > 0 {
            lines.append("  … \(hidden) earlier files (--all-files or --format json lists them)")
        }
        for file in statistics.files.dropFirst(hidden) {
            lines.append("  \(file.name)  \(file.records) records, \(file.deletions) deletions, sha256 \(file.sha256.prefix(12))…, \(file.ingestedAt)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
