import ArgumentParser
import EvidenceStore
import Foundation

/// `evidence bench search`: query speed by match-fraction class, against plain FTS5.
struct BenchSearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Measure search speed on synthetic indexes against plain FTS5 in the same run."
    )

    @Option(name: .long, parsing: .upToNextOption, help: "Index sizes in records.")
    var records: [Int] = [100_000, 1_000_000]

    @Option(name: .long, help: ArgumentHelp("Folder for generated XML and indexes.", valueName: "path"))
    var data: String = "bench-data"

    @Option(name: .long, help: ArgumentHelp("The generator script.", valueName: "path"))
    var generator: String = "../shared/tools/gen_pubmed.py"

    @Flag(name: .long, help: "Only generate and ingest the indexes.")
    var prepareOnly = false

    func run() throws {
        let bench = BenchSearchData(folder: URL(fileURLWithPath: data), generator: URL(fileURLWithPath: generator))
        for size in records {
            let index = try bench.prepare(records: size) { print($0) }
            if prepareOnly { continue }
            _ = index
        }
    }
}
