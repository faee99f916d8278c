import EUtilities
import Foundation

/// Shows a fetch's progress on standard error: a line rewritten in place on a terminal
/// (records, batches, rate, ETA), and warnings everywhere.
final class FetchProgressDisplay {
    private let output: CommandOutput
    private let terminal: Bool
    private var lineShown = false

    init(output: CommandOutput) {
        self.output = output
        terminal = output.errorIsTerminal
    }

    /// Reacts to one fetch event.
    func show(_ event: FetchEvent) {
        switch event {
        case .warning(let message):
            clear()
            output.writeError("fetch: warning: \(message)\n")
        case .discarded(let file, let reason):
            clear()
            output.writeError("fetch: warning: \(file): \(reason); it will be fetched again\n")
        case .recovered(let batch):
            clear()
            output.writeError("fetch: \(batch.name): saved by an interrupted run; ingested now\n")
        case .counted(let records, let translation):
            clear()
            output.writeError("fetch: the query matches \(records) record\(records == 1 ? "" : "s")\(translation.map { " (PubMed reads it as: \($0))" } ?? "")\n")
        case .split(let range, let records):
            status("slicing \(range): \(records) records are more than esearch lists at once")
        case .slice(let name, let records):
            status("slice \(name): \(records) records")
        case .batch(_, let progress):
            status(Self.progressLine(progress))
        }
    }

    /// Removes the progress line, if one is shown.
    func clear() {
        guard lineShown else { return }
        output.writeError("\r\u{1B}[K")
        lineShown = false
    }

    private func status(_ text: String) {
        guard terminal else { return }
        output.writeError("\r\u{1B}[K" + text)
        lineShown = true
    }

    /// `1,500/8,234 records · 3 batches · 120 records/s · ETA 56 s`.
    static func progressLine(_ progress: FetchProgress) -> String {
        var line = "\(progress.recordsInFolder)"
        if let expected = progress.expectedRecords { line += "/\(expected)" }
        line += " records · \(progress.batchesFetched) batch\(progress.batchesFetched == 1 ? "" : "es")"
        line += String(format: " · %.0f records/s", progress.recordsPerSecond)
        if let left = progress.estimatedSecondsLeft { line += " · ETA " + duration(left) }
        return line
    }

    static func duration(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        if total < 60 { return "\(total) s" }
        if total < 3600 { return "\(total / 60) min \(total % 60) s" }
        return "\(total / 3600) h \(total % 3600 / 60) min"
    }
}
