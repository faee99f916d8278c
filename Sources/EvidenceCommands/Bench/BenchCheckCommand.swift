import ArgumentParser
import Claims
import EvidenceStore
import Foundation

/// `evidence bench check`: times checking an article against a large index, with a baseline.
///
/// Builds (once, then reuses) an index of N synthetic records from `gen_pubmed.py` plus the
/// real ketamine files, then checks the article several times. The baseline, measured in the
/// same run, is extraction plus one plain bm25 query per claim (no linking), so the ratio shows
/// what evidence linking costs on top of search.
struct BenchCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Time 'evidence check' on an article against an index of generated records plus the ketamine files."
    )

    @Option(help: "Synthetic records to generate.") var records: Int = 100_000
    @Option(help: "Generator seed.") var seed: Int = 1
    @Option(help: "Timed runs (the median is reported).") var runs: Int = 5
    @Option(help: ArgumentHelp("The article to check.", valueName: "path"))
    var article: String = "../shared/articles/lifemd-ketamine-therapy-for-depression.txt"
    @Option(help: ArgumentHelp("The shared data folder (tools/gen_pubmed.py, corpus/ketamine).", valueName: "dir"))
    var shared: String = "../shared"
    @Option(help: ArgumentHelp("Where the generated file and the bench index are kept between runs.", valueName: "dir"))
    var work: String = "Index/bench"
    @Option(help: "Lexicon folder (default: found as for 'evidence check').") var lexiconDirectory: String?
    @Option(help: "The target, in seconds, for the median check time.") var target: Double = 2.0

    func validate() throws {
        if runs < 1 { throw ValidationError("--runs must be at least 1") }
        if records < 0 { throw ValidationError("--records must not be negative") }
    }

    func run() throws { try run(output: .standard()) }

    func run(output: CommandOutput) throws {
        let fileManager = FileManager.default
        try fileManager.createDirectory(atPath: work, withIntermediateDirectories: true)
        let indexPath = (work as NSString).appendingPathComponent("check-\(records)-\(seed).sqlite")
        if !fileManager.fileExists(atPath: indexPath) {
            var inputs: [String] = []
            if records > 0 {
                let generated = (work as NSString).appendingPathComponent("pubmed-\(records)-\(seed).xml.gz")
                if !fileManager.fileExists(atPath: generated) {
                    output.writeError("generating \(records) records…\n")
                    try generate(to: generated)
                }
                inputs.append(generated)
            }
            let ketamine = (shared as NSString).appendingPathComponent("corpus/ketamine")
            for name in ["esketamine-trd-records.xml", "esketamine-trials-efetch.xml"] {
                let path = (ketamine as NSString).appendingPathComponent(name)
                guard fileManager.fileExists(atPath: path) else { throw ValidationError("missing \(path) (pass --shared DIR)") }
                inputs.append(path)
            }
            output.writeError("building the bench index \(indexPath)…\n")
            let store = try ArticleStore(path: indexPath)
            let report = ArticleIngester(store: store).ingest(paths: inputs)
            store.close()
            if report.hasFailures {
                try? fileManager.removeItem(atPath: indexPath)
                throw ValidationError("bench index build failed: \(report.summary)")
            }
        }
        let lexicon = CompiledLexicon(try LexiconLocation.load(directory: lexiconDirectory, extra: [], indexPath: indexPath, required: true))
        let document = try ArticleDocument(contentsOf: article)
        let store = try ArticleStore(path: indexPath, create: false)
        defer { store.close() }
        let count = try store.articleCount()

        func cpuSeconds() -> Double {
            var usage = rusage()
            getrusage(RUSAGE_SELF.rawValue, &usage)
            return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
                + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
        }
        var checkCPU: [Double] = []
        var baselineCPU: [Double] = []
        var checkTimes: [Double] = []
        var baselineTimes: [Double] = []
        var claimCount = 0
        var citationCount = 0
        for _ in 0..<runs {
            // Evidence check: extraction, retrieval, sentence scoring, stance, verdicts.
            var start = Date()
            var cpu = cpuSeconds()
            let checker = ClaimChecker(lexicon: lexicon, index: StoreEvidenceIndex(store: store))
            let check = try checker.check(document)
            checkTimes.append(Date().timeIntervalSince(start))
            checkCPU.append(cpuSeconds() - cpu)
            claimCount = check.checks.count
            citationCount = check.checks.map(\.citations.count).reduce(0, +)
            // Baseline: extraction plus one plain bm25 query (claim words OR-ed) per checkable claim.
            start = Date()
            cpu = cpuSeconds()
            let claims = ClaimExtractor(lexicon: lexicon).extract(from: document).claims.filter(\.isCheckable)
            let index = StoreEvidenceIndex(store: store)
            for claim in claims {
                if let expression = EvidenceQuery.anyOf(EvidenceQuery.contentWords(of: claim.text)) {
                    _ = try index.search(ftsExpression: expression, limit: 10)
                }
            }
            baselineTimes.append(Date().timeIntervalSince(start))
            baselineCPU.append(cpuSeconds() - cpu)
        }
        let check = median(checkTimes)
        let baseline = median(baselineTimes)
        var text = "bench check: \(article) against \(count) records (\(records) generated, seed \(seed), plus ketamine files)\n"
        text += String(format: "  evidence check: median %.3f s of %d runs (min %.3f, max %.3f); %d claims, %d citations\n",
                       check, runs, checkTimes.min() ?? 0, checkTimes.max() ?? 0, claimCount, citationCount)
        text += String(format: "  evidence check CPU time: median %.3f s\n", median(checkCPU))
        text += String(format: "  baseline (extraction + one bm25 query per claim): median %.3f s wall, %.3f s CPU\n", baseline, median(baselineCPU))
        if let load = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) {
            text += "  load average: \(load.split(separator: " ").prefix(3).joined(separator: " "))\n"
        }
        text += String(format: "  ratio: %.1f× baseline; target < %.1f s: %@\n", check / max(baseline, 1e-9), target, check < target ? "met" : "NOT met")
        output.write(text)
    }

    private func generate(to path: String) throws {
        let tool = (shared as NSString).appendingPathComponent("tools/gen_pubmed.py")
        guard FileManager.default.fileExists(atPath: tool) else { throw ValidationError("missing \(tool) (pass --shared DIR)") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", tool, "--records", String(records), "--seed", String(seed), "--gzip", "--out", path]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw ValidationError("gen_pubmed.py failed (exit \(process.terminationStatus))") }
    }

    private func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }
}
