import ArgumentParser
import EvidenceStore
import Foundation
import PubMed

/// `evidence bench ingest [FILE...]`: parse and full-ingest speed and memory, against
/// `xmllint --sax --noout` on the same files, measured in the same run.
///
/// Each measurement runs in a fresh child process (this executable, in a hidden mode) so
/// that its peak RSS (`VmHWM`) is its own; times are wall-clock, as seen by this process,
/// for xmllint and for the children alike.
struct BenchIngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Measure parse and ingest speed and peak memory against xmllint --sax.",
        discussion: """
            Defaults: ../shared/corpus/pubmed/pubmed20n0014.xml.gz and a 30,000-record file \
            generated with ../shared/tools/gen_pubmed.py --records 30000 --seed 1 --gzip. \
            Prints medians of --runs runs, ratios to xmllint, and peak RSS. Targets: parse \
            within 1.8x of xmllint, full ingest within 5x, peak RSS under 150 MB. Build with \
            -c release first.
            """
    )

    @Argument(help: ArgumentHelp("PubMed XML files (.xml or .xml.gz).", valueName: "file"))
    var files: [String] = []

    @Option(help: "Runs per measurement; the median is reported.")
    var runs = 3

    @Option(help: ArgumentHelp("Folder of ../shared (for the default inputs).", valueName: "path"))
    var shared = "../shared"

    @Option(help: .hidden) var childMode: String?
    @Option(help: .hidden) var childIndex: String?

    func validate() throws {
        if runs < 1 { throw ValidationError("--runs must be at least 1") }
    }

    func run() throws {
        let output = CommandOutput.standard()
        if let childMode {
            try runChild(mode: childMode, output: output)
            return
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("evidence-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        var inputs = files
        if inputs.isEmpty {
            inputs.append("\(shared)/corpus/pubmed/pubmed20n0014.xml.gz")
            let generated = scratch.appendingPathComponent("generated-30000.xml.gz").path
            output.writeError("generating 30,000 records with gen_pubmed.py…\n")
            let status = try BenchIngestCommand.runProcess("/usr/bin/env", ["python3", "\(shared)/tools/gen_pubmed.py", "--records", "30000",
                                                                            "--seed", "1", "--gzip", "--out", generated]).status
            guard status == 0 else { throw ValidationError("gen_pubmed.py failed (exit \(status)); is \(shared) there?") }
            inputs.append(generated)
        }
        let executable = try BenchIngestCommand.currentExecutable()
        for file in inputs {
            guard FileManager.default.fileExists(atPath: file) else { throw ValidationError("no such file: \(file)") }
            output.write(try measure(file: file, executable: executable, scratch: scratch))
        }
    }

    /// Measures one file and returns its report.
    private func measure(file: String, executable: String, scratch: URL) throws -> String {
        var xmllintTimes: [Double] = []
        var parseTimes: [Double] = []
        var ingestTimes: [Double] = []
        var xmllintCPU: [Double] = []
        var parseCPU: [Double] = []
        var ingestCPU: [Double] = []
        var parseRSS: [Int] = []
        var ingestRSS: [Int] = []
        var records = 0
        for run in 0..<runs {
            let xmllint = try BenchIngestCommand.time("/usr/bin/env", ["xmllint", "--sax", "--noout", file])
            xmllintTimes.append(xmllint.seconds)
            xmllintCPU.append(xmllint.cpu)
            let parse = try BenchIngestCommand.time(executable, ["bench", "ingest", "--child-mode", "parse", file])
            parseTimes.append(parse.seconds)
            parseCPU.append(parse.cpu)
            let parseChild = ChildReport(parse.output)
            parseRSS.append(parseChild.peakKB)
            records = parseChild.records
            let index = scratch.appendingPathComponent("run-\(run)/evidence.sqlite").path
            let ingest = try BenchIngestCommand.time(executable, ["bench", "ingest", "--child-mode", "ingest", "--child-index", index, file])
            ingestTimes.append(ingest.seconds)
            ingestCPU.append(ingest.cpu)
            ingestRSS.append(ChildReport(ingest.output).peakKB)
            try? FileManager.default.removeItem(at: scratch.appendingPathComponent("run-\(run)"))
        }
        let baseline = BenchIngestCommand.median(xmllintTimes)
        let parse = BenchIngestCommand.median(parseTimes)
        let ingest = BenchIngestCommand.median(ingestTimes)
        let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int64) ?? 0
        func verdict(_ ok: Bool) -> String { ok ? "ok" : "MISSED" }
        var lines = [String(format: "%@ (%.1f MB on disk, %d records, %d runs each)", (file as NSString).lastPathComponent, Double(size) / 1e6, records, runs)]
        lines.append(String(format: "  xmllint --sax --noout  median %6.2f s", baseline))
        lines.append(String(format: "  parse only             median %6.2f s  %5.2fx xmllint (target 1.8x: %@)  peak RSS %4d MB",
                            parse, parse / baseline, verdict(parse / baseline <= 1.8), (parseRSS.max() ?? 0) / 1024))
        lines.append(String(format: "  full ingest            median %6.2f s  %5.2fx xmllint (target 5x: %@)    peak RSS %4d MB (target 150 MB: %@)",
                            ingest, ingest / baseline, verdict(ingest / baseline <= 5), (ingestRSS.max() ?? 0) / 1024,
                            verdict((ingestRSS.max() ?? 0) < 150 * 1024)))
        let baselineCPU = BenchIngestCommand.median(xmllintCPU)
        lines.append(String(format: "  CPU time (user+sys)    xmllint %.2f s; parse %.2f s (%.2fx); ingest %.2f s (%.2fx, over two threads)",
                            baselineCPU, BenchIngestCommand.median(parseCPU), BenchIngestCommand.median(parseCPU) / baselineCPU,
                            BenchIngestCommand.median(ingestCPU), BenchIngestCommand.median(ingestCPU) / baselineCPU))
        lines.append(String(format: "  load average at the end: %@ (wall-clock ratios suffer on a shared machine)", BenchIngestCommand.loadAverage()))
        lines.append(String(format: "  all runs (s): xmllint %@; parse %@; ingest %@",
                            BenchIngestCommand.list(xmllintTimes), BenchIngestCommand.list(parseTimes), BenchIngestCommand.list(ingestTimes)))
        return lines.joined(separator: "\n") + "\n"
    }

    /// The hidden child modes: parse a file, or ingest it into a fresh index, then print
    /// `records=N peak_kb=M` for the parent.
    private func runChild(mode: String, output: CommandOutput) throws {
        guard let file = files.first else { throw ValidationError("a file is needed") }
        var records = 0
        switch mode {
        case "parse":
            _ = try PubMedParser().parse(.file(path: file)) { item in
                if case .record = item { records += 1 }
            }
        case "ingest":
            guard let childIndex else { throw ValidationError("--child-index is needed") }
            let store = try ArticleStore(path: childIndex)
            let report = ArticleIngester(store: store).ingest(paths: [file])
            store.close()
            if let failure = report.files.first?.failure { throw ValidationError("\(failure)") }
            records = report.records
        default:
            throw ValidationError("unknown child mode \(mode)")
        }
        output.write("records=\(records) peak_kb=\(BenchIngestCommand.peakResidentKB())\n")
    }

    /// What a child printed.
    private struct ChildReport {
        var records = 0
        var peakKB = 0
        init(_ text: String) {
            for field in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
                let parts = field.split(separator: "=")
                guard parts.count == 2, let value = Int(parts[1]) else { continue }
                if parts[0] == "records" { records = value }
                if parts[0] == "peak_kb" { peakKB = value }
            }
        }
    }

    /// The process's peak resident set size in KiB (`VmHWM` from /proc/self/status).
    static func peakResidentKB() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
        }
        return 0
    }

    static func currentExecutable() throws -> String {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        return CommandLine.arguments[0]
    }

    /// Runs a program to completion; returns its exit status and standard output.
    static func runProcess(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Wall-clock seconds to run a program (which must succeed), and its output.
    static func time(_ executable: String, _ arguments: [String]) throws -> (seconds: Double, cpu: Double, output: String) {
        let cpuBefore = childrenCPUSeconds()
        let start = DispatchTime.now().uptimeNanoseconds
        let result = try runProcess(executable, arguments)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let cpu = childrenCPUSeconds() - cpuBefore
        guard result.status == 0 else {
            throw ValidationError("\((executable as NSString).lastPathComponent) \(arguments.joined(separator: " ")) failed with exit status \(result.status)")
        }
        return (seconds, cpu, result.output)
    }

    /// User plus system CPU seconds of the children waited for so far (`RUSAGE_CHILDREN`).
    static func childrenCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// The 1-minute load average, from /proc/loadavg.
    static func loadAverage() -> String {
        (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").first.map(String.init) ?? "?"
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    static func list(_ values: [Double]) -> String {
        values.map { String(format: "%.2f", $0) }.joined(separator: " ")
    }
}
