import ArgumentParser

/// `evidence stats` (not implemented yet).
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stats", abstract: "Not implemented yet.")

    func run() throws {
        throw ValidationError("'evidence stats' is not implemented yet")
    }
}
