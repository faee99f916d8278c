import ArgumentParser

/// `evidence eval` (not implemented yet).
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "eval", abstract: "Not implemented yet.")

    func run() throws {
        throw ValidationError("'evidence eval' is not implemented yet")
    }
}
