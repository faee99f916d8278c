import ArgumentParser

/// `evidence search` (not implemented yet).
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "search", abstract: "Not implemented yet.")

    func run() throws {
        throw ValidationError("'evidence search' is not implemented yet")
    }
}
