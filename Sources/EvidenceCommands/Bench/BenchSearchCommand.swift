import ArgumentParser
import EvidenceStore
import Foundation

/// `evidence bench search`: query speed by match-fraction class, against plain FTS5 in
/// the same run, top-10 overlap with exact bm25, and the index size breakdown.
struct BenchSearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Measure search speed on synthetic indexes against plain FTS5 in the same run.",
        discussion: """
            Builds (once, cached under --data) indexes of the given sizes from \
            gen_pubmed.py --records N --seed 1 --gzip, then times a query mix in process with a \
            warm cache: the top 20 with snippets and --count, each beside the plain FTS5 query of \
            the same terms (ORDER BY bm25() LIMIT 20 with snippet; count(*)). Queries are classed \
            by the share of records they match. Reports p50/p99 per class, the ratio to plain \
            FTS5, the top-10 overlap with exact bm25, and the index size by table.
            """
    )

    @Option(name: .long, parsing: .upToNextOption, help: "Index sizes in records.")
    var records: [Int] = [100_000, 1_000_000]

    @Option(name: .long, help: ArgumentHelp("Folder for generated XML and indexes.", valueName: "path"))
    var data: String = "bench-data"

    @Option(name: .long, help: ArgumentHelp("The generator script.", valueName: "path"))
    var generator: String = "../shared/tools/gen_pubmed.py"

    @Option(help: "Timed runs per query (after one warm-up run).")
    var runs: Int = 5

    @Flag(name: .long, help: "Only generate and ingest the indexes.")
    var prepareOnly = false

    @Option(name: .long, parsing: .upToNextOption, help: ArgumentHelp("Only queries of these shapes (e.g. \"date range\" \"field tags\").",
                                                                   valueName: "shape"))
    var shape: [String] = []

    @Option(name: .long, parsing: .upToNextOption, help: ArgumentHelp("Only these queries of the mix (or any query, as shape \"single term\").",
                                                                   valueName: "query"))
    var query: [String] = []

    @Flag(help: "Print every query's figures too.")
    var verbose = false

    @Option(help: ArgumentHelp("Tune bm25 column weights on SciFact in this folder (corpus.xml.gz, claims_train.jsonl) instead.",
                               valueName: "path"))
    var scifact: String?

    func run() throws {
        let output = CommandOutput.standard()
        let bench = BenchSearchData(folder: URL(fileURLWithPath: data), generator: URL(fileURLWithPath: generator))
        if let scifact {
            try tune(scifact: URL(fileURLWithPath: scifact), bench: bench, output: output)
            return
        }
        for size in records {
            let index = try bench.prepare(records: size) { output.writeError($0 + "\n") }
            if prepareOnly { continue }
            // The generated file may be a symbolic link to one made elsewhere: measure its target.
            let xml = bench.xmlURL(records: size).resolvingSymlinksInPath().path
            let xmlBytes = (try? FileManager.default.attributesOfItem(atPath: xml)[.size] as? Int) ?? 0
            try measure(index: index.path, xmlBytes: xmlBytes, output: output)
        }
    }

    /// Times of one query, in milliseconds.
    struct Timing {
        var category: BenchSearchQueries.Category
        var query: String
        var matchClass: BenchSearchQueries.MatchClass
        var total: Int
        var top: [Double] = []
        var plainTop: [Double] = []
        var count: [Double] = []
        var plainCount: [Double] = []
        /// CPU time (this thread's user + system) of the same runs, which load distorts less.
        var topCPU: [Double] = []
        var plainTopCPU: [Double] = []
        var countCPU: [Double] = []
        var plainCountCPU: [Double] = []
        var overlap: Double = 1
        var ranking: RankingMethod = .exact
    }

    func measure(index path: String, xmlBytes: Int, output: CommandOutput) throws {
        let store = try ArticleStore(path: path, create: false)
        defer { store.close() }
        let database = store.database
        let searcher = ArticleSearcher(database: database)
        let documents = try store.articleCount()
        output.write("\n== \(documents) records: \(path)\n")
        let impact = TermImpactIndex(database: database, weights: searcher.weights)
        if try !impact.isCurrent() {
            let report = try impact.build()
            output.write(String(format: "built term impact lists: %d terms in %.1f s\n", report.terms, report.seconds))
        }

        var timings: [Timing] = []
        let mix = query.isEmpty ? BenchSearchQueries.all
            : query.map { text in (BenchSearchQueries.all.first { $0.1 == text }?.0 ?? .single, text) }
        for (category, text) in mix where shape.isEmpty || shape.contains(category.rawValue) {
            let query = try ArticleSearcher.parse(text)
            let compiled = QueryCompiler.compile(query)
            let total = try searcher.count(text)
            var timing = Timing(category: category, query: text,
                                matchClass: .init(fraction: Double(total) / Double(max(documents, 1))), total: total)
            let plain = PlainFTS5Query(database: database, compiled: compiled)
            // Warm up, and check the top 10 against exact bm25.
            let fast = try searcher.search(query, options: SearchOptions(limit: 20))
            // Only candidate ranking can differ from exact bm25 (and the exact run is as slow as plain FTS5).
            let exact = fast.ranking == .candidates || fast.ranking == .approximate
                ? try searcher.search(query, options: SearchOptions(limit: 20, allowsCandidateRanking: false)) : fast
            _ = try plain.top20()
            _ = try plain.count()
            timing.ranking = fast.ranking
            let expected = Set(exact.hits.prefix(10).map(\.pmid))
            if !expected.isEmpty {
                timing.overlap = Double(Set(fast.hits.prefix(10).map(\.pmid)).intersection(expected).count) / Double(expected.count)
            }
            // Each pair (the two top-20 runs, then the two counts) runs in alternating order:
            // ours first on even runs, plain first on odd ones. With a fixed order, whichever
            // ran second found the same pages and statement warm in the CPU caches, and our
            // count ran right after our top 20 (snippets, display fields) while the plain one
            // followed a plain top 20 that for field-only queries reads 20 rows; that favoured
            // the plain count by ~0.02-0.05 ms on sub-millisecond queries.
            /// Runs `work`, appending its wall and CPU milliseconds to `timing`'s two series.
            func timed(_ wall: WritableKeyPath<Timing, [Double]>, _ cpu: WritableKeyPath<Timing, [Double]>,
                       _ work: () throws -> Void) throws {
                let (wallTime, cpuTime) = try Self.measured(work)
                timing[keyPath: wall].append(wallTime)
                timing[keyPath: cpu].append(cpuTime)
            }
            /// Runs the pair, ours first on even runs and plain first on odd ones.
            func alternating(_ run: Int, _ ours: () throws -> Void, _ plain: () throws -> Void) throws {
                if run % 2 == 0 { try ours(); try plain() } else { try plain(); try ours() }
            }
            for run in 0..<runs {
                try alternating(run, {
                    try timed(\.top, \.topCPU) { _ = try searcher.search(query, options: SearchOptions(limit: 20)) }
                }, {
                    try timed(\.plainTop, \.plainTopCPU) { _ = try plain.top20() }
                })
                // Untimed counts first, so that neither timed count comes straight after a
                // top-20 run (which evicts the count's pages and statement from the CPU caches).
                _ = try plain.count()
                _ = try searcher.count(text)
                try alternating(run, {
                    try timed(\.count, \.countCPU) { _ = try searcher.count(text) }
                }, {
                    try timed(\.plainCount, \.plainCountCPU) { _ = try plain.count() }
                })
            }
            timings.append(timing)
            if verbose {
                output.write(String(format: "  %-50@ %8d %-16@ top20 %8.2f ms (plain %8.2f; CPU %.2f/%.2f)  count %8.2f ms (plain %8.2f; CPU %.2f/%.2f)  overlap %.2f %@\n",
                                    text as NSString, total, timing.matchClass.rawValue as NSString,
                                    Self.percentile(timing.top, 0.5), Self.percentile(timing.plainTop, 0.5),
                                    Self.percentile(timing.topCPU, 0.5), Self.percentile(timing.plainTopCPU, 0.5),
                                    Self.percentile(timing.count, 0.5), Self.percentile(timing.plainCount, 0.5),
                                    Self.percentile(timing.countCPU, 0.5), Self.percentile(timing.plainCountCPU, 0.5),
                                    timing.overlap, timing.ranking.rawValue as NSString))
            }
        }
        output.write(report(timings))
        output.write(cpuReport(timings))
        output.write("load average after the run: \(Self.loadAverage)\n")
        output.write(try sizeReport(database: database, path: path, xmlBytes: xmlBytes))
    }

    func report(_ timings: [Timing]) -> String {
        var lines = [String(format: "%-18@ %-14@ %3@ | %-17@ %-17@ %6@ | %-17@ %-17@ %6@ | %@",
                            "class", "shape", "n", "top20 p50/p99", "plain p50/p99", "ratio", "count p50/p99", "plain p50/p99", "ratio",
                            "top-10 overlap min/mean")]
        func row(_ label: String, _ shape: String, _ group: [Timing]) -> String {
            let top = group.flatMap(\.top), plainTop = group.flatMap(\.plainTop)
            let count = group.flatMap(\.count), plainCount = group.flatMap(\.plainCount)
            let overlaps = group.map(\.overlap)
            return String(format: "%-18@ %-14@ %3d | %7.2f/%-9.2f %7.2f/%-9.2f %6.2f | %7.2f/%-9.2f %7.2f/%-9.2f %6.2f | %.2f/%.2f",
                          label as NSString, shape as NSString, group.count,
                          Self.percentile(top, 0.5), Self.percentile(top, 0.99),
                          Self.percentile(plainTop, 0.5), Self.percentile(plainTop, 0.99),
                          Self.percentile(top, 0.5) / max(Self.percentile(plainTop, 0.5), 1e-9),
                          Self.percentile(count, 0.5), Self.percentile(count, 0.99),
                          Self.percentile(plainCount, 0.5), Self.percentile(plainCount, 0.99),
                          Self.percentile(count, 0.5) / max(Self.percentile(plainCount, 0.5), 1e-9),
                          overlaps.min() ?? 1, overlaps.reduce(0, +) / Double(max(overlaps.count, 1)))
        }
        lines += Self.classRows(timings, row: row)
        lines.append("times in ms, in process, warm cache; ratio = ours p50 / plain FTS5 p50 (lower is better)")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The same classes by CPU time (p50 of each side, and the ratio), less distorted by load.
    func cpuReport(_ timings: [Timing]) -> String {
        var lines = [String(format: "%-18@ %-14@ %3@ | %-21@ %6@ | %-21@ %6@", "class (CPU time)", "shape", "n",
                            "top20 ours/plain p50", "ratio", "count ours/plain p50", "ratio")]
        func row(_ label: String, _ shape: String, _ group: [Timing]) -> String {
            let top = Self.percentile(group.flatMap(\.topCPU), 0.5), plainTop = Self.percentile(group.flatMap(\.plainTopCPU), 0.5)
            let count = Self.percentile(group.flatMap(\.countCPU), 0.5)
            let plainCount = Self.percentile(group.flatMap(\.plainCountCPU), 0.5)
            return String(format: "%-18@ %-14@ %3d | %9.2f/%-11.2f %6.2f | %9.2f/%-11.2f %6.2f", label as NSString, shape as NSString,
                          group.count, top, plainTop, top / max(plainTop, 1e-9), count, plainCount, count / max(plainCount, 1e-9))
        }
        lines += Self.classRows(timings, row: row)
        return lines.joined(separator: "\n") + "\n"
    }

    /// One row per match class (all its queries), then one per query shape within the class.
    static func classRows(_ timings: [Timing], row: (_ label: String, _ shape: String, _ group: [Timing]) -> String) -> [String] {
        var lines: [String] = []
        for matchClass in BenchSearchQueries.MatchClass.allCases {
            let inClass = timings.filter { $0.matchClass == matchClass }
            guard !inClass.isEmpty else { continue }
            lines.append(row(matchClass.rawValue, "all", inClass))
            for category in BenchSearchQueries.Category.allCases {
                let group = inClass.filter { $0.category == category }
                if !group.isEmpty { lines.append(row("", category.rawValue, group)) }
            }
        }
        return lines
    }

    func sizeReport(database: Database, path: String, xmlBytes: Int) throws -> String {
        // The database's own size (pages × page size): the file alone misses what is still in the
        // WAL (the term lists just built), until the checkpoint at close.
        let pages = (try? database.scalarInt("PRAGMA page_count")) ?? 0
        let pageSize = (try? database.scalarInt("PRAGMA page_size")) ?? 0
        let fileBytes = max(Int(pages * pageSize), (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0)
        var lines = [String(format: "index file %.1f MB; gzipped XML %.1f MB; ratio %.2f×",
                            Double(fileBytes) / 1e6, Double(xmlBytes) / 1e6, Double(fileBytes) / Double(max(xmlBytes, 1)))]
        // The impact lists are optional (`ingest --optimize`; this bench builds them): show the
        // size without them too, which is what a plain `evidence ingest` makes.
        let listsSQL = "SELECT sum(pgsize) FROM dbstat WHERE name IN ('term_impact_list', 'term_impact_state')"
        let lists = Int((try? database.scalarInt(listsSQL)) ?? 0)
        if lists > 0 {
            lines.append(String(format: "without the optional term impact lists (%.1f MB): %.1f MB, ratio %.2f×",
                                Double(lists) / 1e6, Double(fileBytes - lists) / 1e6,
                                Double(fileBytes - lists) / Double(max(xmlBytes, 1))))
        }
        let single = try database.scalarInt("SELECT sum(length(original_xml)) FROM article") ?? 0
        let chunked = try database.scalarInt("SELECT sum(length(xml)) FROM original_chunk") ?? 0
        lines.append(String(format: "  compressed original XML: %.1f MB (%.1f MB in chunks, %.1f MB in single-record blobs)",
                            Double(single + chunked) / 1e6, Double(chunked) / 1e6, Double(single) / 1e6))
        if let rows = try? database.query("""
            SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC LIMIT 14
            """, row: { ($0.string(0) ?? "", $0.int64(1)) }) {
            for (name, bytes) in rows {
                lines.append(String(format: "  %-32@ %9.1f MB", name as NSString, Double(bytes) / 1e6))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Mean nDCG@10 on SciFact claims for plain bm25 and a grid of title/MeSH/abstract weights.
    func tune(scifact folder: URL, bench: BenchSearchData, output: CommandOutput) throws {
        try FileManager.default.createDirectory(at: bench.folder, withIntermediateDirectories: true)
        let path = bench.folder.appendingPathComponent("scifact.sqlite").path
        let store = try ArticleStore(path: path)
        defer { store.close() }
        if try store.manifest().isEmpty {
            let report = ArticleIngester(store: store).ingest(paths: [folder.appendingPathComponent("corpus.xml.gz").path])
            if let failure = report.files.compactMap(\.failure).first { throw BenchSearchError("SciFact ingest failed: \(failure)") }
        }
        let claims = try RetrievalEvaluation.claims(jsonLines: folder.appendingPathComponent("claims_train.jsonl"))
        let evaluation = RetrievalEvaluation(searcher: ArticleSearcher(database: store.database))
        output.write("SciFact: \(try store.articleCount()) abstracts, \(claims.count) claims with cited documents; nDCG@10, claims as OR-ed words\n")
        var grid: [(String, SearchWeights)] = [("plain bm25 (all columns 1)", .plain), ("default", .default)]
        for title in [1.5, 2, 3, 5, 8] {
            grid.append(("title \(title)", SearchWeights(title: title, abstract: 1, mesh: 2, keywords: 1.5, authors: 1)))
        }
        for (label, weights) in grid {
            let started = Date()
            let score = try evaluation.meanNDCG(claims, weights: weights)
            output.write(String(format: "  %-28@ %@  nDCG@10 %.4f  (%.1f s)\n", label as NSString,
                                weights.bm25Arguments as NSString, score, Date().timeIntervalSince(started)))
        }
    }

    /// Wall-clock and CPU time of `body` (this thread's user + system time), in milliseconds.
    static func measured(_ body: () throws -> Void) throws -> (wall: Double, cpu: Double) {
        var before = timespec(), after = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &before)
        let wall = try milliseconds(body)
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &after)
        let cpu = Double(after.tv_sec - before.tv_sec) * 1e3 + Double(after.tv_nsec - before.tv_nsec) / 1e6
        return (wall, cpu)
    }

    /// `/proc/loadavg`'s three load averages, or "?" where it cannot be read.
    static var loadAverage: String {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return "?" }
        return text.split(separator: " ").prefix(3).joined(separator: " ")
    }

    static func milliseconds(_ body: () throws -> Void) throws -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
    }

    static func percentile(_ values: [Double], _ p: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let rank = min(sorted.count - 1, max(0, Int((p * Double(sorted.count)).rounded(.up)) - 1))
        return sorted[rank]
    }
}

/// The baseline: the plain FTS5 query of the same terms (unweighted `bm25()`, every hit
/// ranked, snippet on the page), and `count(*)`; queries with field criteria keep the same SQL
/// filter, ranked by their text terms.
struct PlainFTS5Query {
    let database: Database
    let compiled: CompiledQuery

    func top20() throws -> Int {
        let arguments = compiled.arguments.map { argument -> any DatabaseBindable in
            switch argument {
            case .text(let text): return text
            case .integer(let value): return value
            }
        }
        if let match = compiled.matchExpression {
            return try database.query("""
                SELECT rowid, snippet(article_fts, 1, '[', ']', '…', 40) FROM article_fts WHERE article_fts MATCH ?
                ORDER BY bm25(article_fts) LIMIT 20
                """, arguments: [match]) { $0.int64(0) }.count
        }
        if let ranking = compiled.rankingExpression {
            return try database.query("""
                SELECT rowid, snippet(article_fts, 1, '[', ']', '…', 40) FROM article_fts WHERE article_fts MATCH ?
                AND +rowid IN (\(compiled.pmidSQL)) ORDER BY bm25(article_fts) LIMIT 20
                """, arguments: [ranking] + arguments) { $0.int64(0) }.count
        }
        return try database.query("SELECT pmid FROM (\(compiled.pmidSQL)) LIMIT 20", arguments: arguments) { $0.int64(0) }.count
    }

    func count() throws -> Int {
        if let match = compiled.matchExpression {
            return Int(try database.scalarInt("SELECT count(*) FROM article_fts WHERE article_fts MATCH ?", arguments: [match]) ?? 0)
        }
        let arguments = compiled.arguments.map { argument -> any DatabaseBindable in
            switch argument {
            case .text(let text): return text
            case .integer(let value): return value
            }
        }
        return Int(try database.scalarInt("SELECT count(*) FROM (\(compiled.pmidSQL))", arguments: arguments) ?? 0)
    }
}
