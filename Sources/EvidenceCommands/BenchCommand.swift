import ArgumentParser

/// `evidence bench` (not implemented yet).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bench", abstract: "Not implemented yet.")

    func run() throws {
        throw ValidationError("'evidence bench' is not implemented yet")
    }
}
