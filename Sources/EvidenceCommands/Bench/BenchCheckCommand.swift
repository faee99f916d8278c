import ArgumentParser

/// `evidence bench check` (not implemented yet).
struct BenchCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "Not implemented yet.")

    func run() throws {
        throw ValidationError("'evidence bench check' is not implemented yet")
    }
}
