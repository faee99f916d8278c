import ArgumentParser

/// `evidence claims` (not implemented yet).
struct ClaimsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "claims", abstract: "Not implemented yet.")

    func run() throws {
        throw ValidationError("'evidence claims' is not implemented yet")
    }
}
