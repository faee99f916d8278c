import ArgumentParser

/// `evidence fetch` (not implemented yet).
struct FetchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "fetch", abstract: "Not implemented yet.")

    func run() throws {
        throw ValidationError("'evidence fetch' is not implemented yet")
    }
}
