import ArgumentParser

/// `evidence bench ingest` (not implemented yet).
struct BenchIngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ingest", abstract: "Not implemented yet.")

    func run() throws {
        throw ValidationError("'evidence bench ingest' is not implemented yet")
    }
}
