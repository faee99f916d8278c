import ArgumentParser

/// `evidence ingest` (not implemented yet).
struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ingest", abstract: "Not implemented yet.")

    func run() throws {
        throw ValidationError("'evidence ingest' is not implemented yet")
    }
}
