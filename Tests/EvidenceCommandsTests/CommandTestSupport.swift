import ArgumentParser
import Foundation
import EvidenceTestSupport
@testable import EvidenceCommands

/// Runs commands in process and captures what they print.
enum CommandRunner {
    /// What a command printed and how it ended.
    struct Result {
        var output: String
        var errors: String
        /// The exit code: 0 on success, else the `ExitCode` thrown.
        var exitCode: Int32
    }

    /// The path of `Fixtures/name` in the test bundle.
    static func fixture(_ name: String) -> String {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures").appendingPathComponent(name).path
    }

    /// Parses `arguments` as `evidence …` and runs the command with captured output.
    static func run(_ arguments: [String], standardInput: String? = nil) throws -> Result {
        let command = try EvidenceCommand.parseAsRoot(arguments)
        let output = CommandOutput.capturing(standardInput: standardInput)
        var exitCode: Int32 = 0
        do {
            switch command {
            case let ingest as IngestCommand: try ingest.run(output: output)
            case let show as ShowCommand: try show.run(output: output)
            case let stats as StatsCommand: try stats.run(output: output)
            default: var other = command; try other.run()
            }
        } catch let code as ExitCode {
            exitCode = code.rawValue
        }
        return Result(output: output.standardOutput, errors: output.standardError, exitCode: exitCode)
    }
}
