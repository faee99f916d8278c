import ArgumentParser

/// `evidence bench search` (not implemented yet).
struct BenchSearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "search", abstract: "Not implemented yet.")

    func run() throws {
        throw ValidationError("'evidence bench search' is not implemented yet")
    }
}
