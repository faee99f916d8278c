import ArgumentParser

/// `evidence bench`: benchmarks that print figures (medians of several runs, with
/// ratios to a baseline measured in the same run).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure parse, ingest, search, check and export speed against baselines.",
        subcommands: [
            BenchIngestCommand.self,
            BenchSearchCommand.self,
            BenchCheckCommand.self,
            BenchExportCommand.self,
        ]
    )
}
