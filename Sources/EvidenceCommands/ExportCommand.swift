import ArgumentParser

/// `evidence export` (not implemented yet).
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Not implemented yet.")

    func run() throws {
        throw ValidationError("'evidence export' is not implemented yet")
    }
}
