import ArgumentParser

/// `evidence verify-bundle` (not implemented yet).
struct VerifyBundleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "verify-bundle", abstract: "Not implemented yet.")

    func run() throws {
        throw ValidationError("'evidence verify-bundle' is not implemented yet")
    }
}
