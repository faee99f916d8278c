import ArgumentParser
import EvidenceStore
import Foundation
import PubMed

/// `evidence ingest PATH...`: adds PubMed XML files to the index.
struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Add PubMed XML files (.xml, .xml.gz, folders, or - for stdin) to the index.",
        discussion: """
            Each file goes in whole, in one transaction, or not at all. A file already ingested \
            (same SHA-256) is skipped. A newer Version of a record replaces the stored one; \
            DeleteCitation removes records. Files that are not well-formed are refused with \
            file:line:column and the PMID; the others still go in, and the exit status is 1.
            """
    )

    @Argument(help: ArgumentHelp("XML files, .xml.gz files, folders (searched recursively), or - for standard input.", valueName: "path"))
    var paths: [String]

    @Flag(help: "Treat record warnings as errors: a file with any warning is refused.")
    var strict = false

    @Flag(help: "After ingesting, build the impact-ordered term lists that make broad queries fast on large indexes (see docs/search.md).")
    var optimize = false

    @OptionGroup var indexOptions: IndexOptions

    func run() throws {
        try run(output: .standard())
    }

    /// Runs the command, writing to `output`.
    func run(output: CommandOutput) throws {
        let store = try ArticleStore(path: indexOptions.index)
        defer { store.close() }
        let ingester = ArticleIngester(store: store, options: IngestOptions(strict: strict))
        let showProgress = output.errorIsTerminal
        var progressShown = false
        let report = ingester.ingest(paths: paths) { progress in
            guard showProgress else { return }
            output.writeError("\r\u{1B}[K" + IngestCommand.progressLine(progress))
            progressShown = true
        }
        if progressShown { output.writeError("\r\u{1B}[K") }
        for file in report.files {
            for diagnostic in file.diagnostics { output.writeError("\(diagnostic)\n") }
            switch file.status {
            case .failed:
                if let failure = file.failure { output.writeError("\(failure)\n") }
                output.writeError("\(file.input.displayName): refused; nothing from it was stored\n")
            case .alreadyIngested:
                output.writeError("\(file.input.displayName): already ingested (sha256 \(file.sha256?.prefix(12) ?? "?")…); nothing changed\n")
            case .ingested:
                break
            }
        }
        output.writeError(report.summary + "\n")
        if optimize {
            let impact = TermImpactIndex(database: store.database, weights: SearchWeights.default)
            if try !impact.isCurrent() {
                let built = try impact.build()
                output.writeError(String(format: "term lists: %d terms over %d records, %.1f s\n", built.terms, built.documents, built.seconds))
            }
        }
        if report.hasFailures { throw ExitCode.failure }
    }

    /// `[2/5] pubmed21n1298.xml.gz: 12,345 records, 48.2 MB/s, 63%, ETA 4 s`.
    static func progressLine(_ progress: IngestProgress) -> String {
        var line = "[\(progress.fileNumber)/\(progress.fileCount)] \(progress.input.name): \(progress.records) records, "
        line += String(format: "%.1f MB/s", progress.megabytesPerSecond)
        if progress.expectedBytes > 0 { line += String(format: ", %.0f%%", progress.fractionDone * 100) }
        if let remaining = progress.secondsRemaining { line += String(format: ", ETA %.0f s", remaining) }
        return line
    }
}
