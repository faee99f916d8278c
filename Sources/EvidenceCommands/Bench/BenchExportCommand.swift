import ArgumentParser

/// `evidence bench export` (not implemented yet).
struct BenchExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Not implemented yet.")

    func run() throws {
        throw ValidationError("'evidence bench export' is not implemented yet")
    }
}
