import ArgumentParser
import CitationExport
import EvidenceStore
import Foundation
import PubMed

/// `evidence bench export`: exporting 10,000 records in every format, against a JSONEncoder
/// baseline measured in the same run.
struct BenchExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Measure exporting 10,000 records in every format (target: under 3 s).",
        discussion: """
            Generates --records records with ../shared/tools/gen_pubmed.py --seed 1 --gzip (or \
            reads --input), ingests them into a temporary index, then times, --runs times each: \
            the whole export as a user runs it, 'evidence export --pmids FILE --bundle DIR' \
            (the command itself, in process: open the index, read the PMID list, read the \
            records, render every format, hash, write, rename; this is the target); then its \
            parts: reading the records back from the index (one batch: each chunk of stored \
            originals inflated once, records re-parsed on every core); rendering every format \
            (RIS, BibTeX, CSL-JSON, MEDLINE, CSV, Markdown in both styles; the files render \
            concurrently, each in parallel chunks); each format alone; writing a bundle folder \
            and a bundle .zip (render, SHA-256, write, rename). The baseline is \
            Foundation's JSONEncoder over the same records. Prints medians of wall-clock time \
            (the target) and CPU time (all threads; formats render in parallel chunks), every \
            run, and the load average, since other work on a shared machine inflates wall time. \
            Build with -c release first.
            """
    )

    @Option(help: "Records to generate.")
    var records = 10_000

    @Option(help: "Runs per measurement; the median is reported.")
    var runs = 5

    @Option(help: ArgumentHelp("A PubMed XML file to use instead of generating one.", valueName: "file"))
    var input: String?

    @Option(help: ArgumentHelp("Folder of ../shared (for gen_pubmed.py).", valueName: "path"))
    var shared = "../shared"

    func validate() throws {
        if runs < 1 { throw ValidationError("--runs must be at least 1") }
        if records < 1 { throw ValidationError("--records must be at least 1") }
    }

    func run() throws {
        let output = CommandOutput.standard()
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("evidence-bench-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }

        var file = input ?? ""
        if input == nil {
            file = scratch.appendingPathComponent("generated.xml.gz").path
            output.writeError("generating \(records) records with gen_pubmed.py…\n")
            let status = try Self.runProcess(["python3", "\(shared)/tools/gen_pubmed.py", "--records", String(records), "--seed", "1", "--gzip", "--out", file])
            guard status == 0 else { throw ValidationError("gen_pubmed.py failed (exit \(status)); is \(shared) there?") }
        }
        output.writeError("ingesting…\n")
        let indexPath = scratch.appendingPathComponent("index.sqlite").path
        let store = try ArticleStore(path: indexPath)
        defer { store.close() }
        let report = ArticleIngester(store: store).ingest(paths: [file])
        if let failure = report.files.first?.failure { throw ValidationError("ingest failed: \(failure)") }
        let pmids = try store.pmids()
        let pmidFile = scratch.appendingPathComponent("pmids.txt").path
        try Data(pmids.map { "\($0)\n" }.joined().utf8).write(to: URL(fileURLWithPath: pmidFile))

        var readTimes: [Timing] = [], renderTimes: [Timing] = [], folderTimes: [Timing] = [], zipTimes: [Timing] = []
        var commandTimes: [Timing] = [], baselineTimes: [Timing] = []
        var loaded: [PubMedRecord] = []
        var formatTimes: [String: [Timing]] = [:]
        var sizes: [String: Int] = [:]
        let manifest = BundleManifest(tool: .init(version: EvidenceVersion.current), created: ISO8601DateFormatter().string(from: Date()),
                                      source: .init(kind: "pmids", value: "bench"), pmids: [],
                                      index: .init(snapshot: try store.snapshotID, path: indexPath), formats: CitationFormat.allCases,
                                      styles: ReferenceStyle.allCases)
        let loadBefore = Self.loadAverage()
        for run in 0..<runs {
            output.writeError("run \(run + 1) of \(runs)…\n")
            let commandBundle = scratch.appendingPathComponent("command-bundle-\(run)").path
            let command = try ExportCommand.parse(["--index", indexPath, "--pmids", pmidFile, "--bundle", commandBundle])
            commandTimes.append(try Self.time { try command.run(output: .capturing()) }.1)
            try? FileManager.default.removeItem(atPath: commandBundle)
            let (records, read) = try Self.time { try ExportSource.records(pmids, store: store) }
            loaded = records
            readTimes.append(read)
            let items = records.map { ExportItem(record: $0) }
            let bundle = CitationBundle(items: items)
            let (files, render) = Self.time { bundle.renderedFiles() }
            renderTimes.append(render)
            for file in files { sizes[file.name] = file.data.count }
            for format in CitationFormat.allCases {
                formatTimes[format.rawValue, default: []].append(Self.time { format.render(items) }.1)
            }
            folderTimes.append(try Self.time { try bundle.write(to: scratch.appendingPathComponent("bundle-\(run)"), manifest: manifest) }.1)
            zipTimes.append(try Self.time { try bundle.write(to: scratch.appendingPathComponent("bundle-\(run).zip"), manifest: manifest) }.1)
            let encoder = JSONEncoder()
            baselineTimes.append(try Self.time { try encoder.encode(records) }.1)
            try? FileManager.default.removeItem(at: scratch.appendingPathComponent("bundle-\(run)"))
            try? FileManager.default.removeItem(at: scratch.appendingPathComponent("bundle-\(run).zip"))
        }

        let baseline = Self.median(baselineTimes.map(\.cpu))
        func line(_ name: String, _ times: [Timing], target: Double? = nil) -> String {
            let wall = Self.median(times.map(\.wall)), cpu = Self.median(times.map(\.cpu))
            var text = String(format: "  %-36@ wall %6.3f s  cpu %6.3f s  %5.2fx baseline", name as NSString, wall, cpu, cpu / baseline)
            if let target { text += String(format: "  (target %.0f s wall: %@)", target, wall < target ? "ok" : "MISSED") }
            return text + "   wall runs: " + times.map { String(format: "%.2f", $0.wall) }.joined(separator: " ")
        }
        var lines = [String(format: "export of %d records (%@), %d runs each, %d cores; medians of wall-clock and CPU time (all threads); load average %@ before, %@ after",
                            loaded.count, (file as NSString).lastPathComponent, runs, ProcessInfo.processInfo.activeProcessorCount, loadBefore, Self.loadAverage())]
        lines.append(line("baseline: JSONEncoder of the records", baselineTimes))
        lines.append(line("export --pmids --bundle DIR (command)", commandTimes, target: 3))
        lines.append(line("read records from the index", readTimes))
        lines.append(line("render all formats (in memory)", renderTimes))
        for format in CitationFormat.allCases {
            lines.append(line("  " + format.rawValue + (format == .markdown ? " (one style)" : ""), formatTimes[format.rawValue] ?? []))
        }
        lines.append(line("write bundle folder (render+hash)", folderTimes))
        lines.append(line("write bundle .zip (render+hash)", zipTimes))
        lines.append("  output sizes: " + sizes.sorted { $0.key < $1.key }.map { "\($0.key) \(String(format: "%.1f", Double($0.value) / 1e6)) MB" }.joined(separator: ", "))
        output.write(lines.joined(separator: "\n") + "\n")
    }

    /// Wall-clock and CPU seconds (this process, all threads) of one measurement.
    struct Timing {
        var wall: Double
        var cpu: Double
    }

    static func time<T>(_ work: () throws -> T) rethrows -> (T, Timing) {
        let start = DispatchTime.now().uptimeNanoseconds
        let cpuStart = cpuSeconds()
        let value = try work()
        return (value, Timing(wall: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, cpu: cpuSeconds() - cpuStart))
    }

    /// `/proc/loadavg`'s first three figures.
    static func loadAverage() -> String {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return "unknown" }
        return text.split(separator: " ").prefix(3).joined(separator: " ")
    }

    /// CPU time used by this process so far: on a shared machine, the fair figure.
    static func cpuSeconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    static func runProcess(_ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
