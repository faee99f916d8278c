import ArgumentParser

/// `evidence similar` (not implemented yet).
struct SimilarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "similar", abstract: "Not implemented yet.")

    func run() throws {
        throw ValidationError("'evidence similar' is not implemented yet")
    }
}
