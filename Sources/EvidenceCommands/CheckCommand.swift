import ArgumentParser

/// `evidence check` (not implemented yet).
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "Not implemented yet.")

    func run() throws {
        throw ValidationError("'evidence check' is not implemented yet")
    }
}
