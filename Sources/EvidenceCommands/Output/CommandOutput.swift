import Foundation

/// Where a command writes: data to standard output, diagnostics and progress to standard
/// error. Tests use `capturing()` to read what a command printed.
public final class CommandOutput {
    private let capture: Bool
    /// What was written to standard output (when capturing).
    public private(set) var standardOutput = ""
    /// What was written to standard error (when capturing).
    public private(set) var standardError = ""
    /// Text read as standard input (when capturing); `nil` reads the real one.
    public var standardInput: String?

    private init(capture: Bool) {
        self.capture = capture
    }

    /// The process's real standard output and standard error.
    public static func standard() -> CommandOutput { CommandOutput(capture: false) }

    /// An output that keeps everything in memory, for tests.
    public static func capturing(standardInput: String? = nil) -> CommandOutput {
        let output = CommandOutput(capture: true)
        output.standardInput = standardInput
        return output
    }

    /// Writes data to standard output.
    public func write(_ text: String) {
        if capture {
            standardOutput += text
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }

    /// Writes a diagnostic or progress text to standard error.
    public func writeError(_ text: String) {
        if capture {
            standardError += text
        } else {
            FileHandle.standardError.write(Data(text.utf8))
        }
    }

    /// Whether standard error is a terminal (progress and colour are shown only then).
    public var errorIsTerminal: Bool {
        !capture && isatty(STDERR_FILENO) != 0
    }

    /// All of standard input, as text.
    public func readStandardInput() -> String {
        if let standardInput { return standardInput }
        return String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
    }
}
