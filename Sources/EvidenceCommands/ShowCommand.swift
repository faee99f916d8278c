import ArgumentParser

/// `evidence show` (not implemented yet).
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Not implemented yet.")

    func run() throws {
        throw ValidationError("'evidence show' is not implemented yet")
    }
}
