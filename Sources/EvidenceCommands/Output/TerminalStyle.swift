import Foundation

/// How text output is laid out: the width to fit and whether to use bold.
///
/// Detected from standard output: bold only on a terminal; width from `COLUMNS`, else the
/// terminal's size (ioctl `TIOCGWINSZ`), else 100.
struct TerminalStyle: Hashable, Sendable {
    /// Columns available.
    var width: Int
    /// Whether ANSI bold may be used.
    var bold: Bool

    /// Plain text of a given width (pipes, files, tests).
    static func plain(width: Int = 100) -> TerminalStyle { TerminalStyle(width: width, bold: false) }

    /// The style for the process's standard output.
    static func detect() -> TerminalStyle {
        let isTerminal = isatty(STDOUT_FILENO) != 0
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap({ Int($0) }), columns >= 20 {
            return TerminalStyle(width: columns, bold: isTerminal)
        }
        var size = winsize()
        if isTerminal, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col >= 20 {
            return TerminalStyle(width: Int(size.ws_col), bold: true)
        }
        return TerminalStyle(width: 100, bold: isTerminal)
    }

    /// `text` cut to `count` characters, with `…` when cut.
    static func fitted(_ text: String, _ count: Int) -> String {
        guard count > 0 else { return "" }
        if text.count <= count { return text }
        return String(text.prefix(max(0, count - 1))) + "…"
    }

    /// `text` cut or padded to exactly `count` characters.
    static func padded(_ text: String, _ count: Int) -> String {
        let fitted = fitted(text, count)
        return fitted + String(repeating: " ", count: max(0, count - fitted.count))
    }
}
