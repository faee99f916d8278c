import ArgumentParser

/// `evidence update` (not implemented yet).
struct UpdateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "update", abstract: "Not implemented yet.")

    func run() throws {
        throw ValidationError("'evidence update' is not implemented yet")
    }
}
