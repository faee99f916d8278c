import EvidenceStore
import Foundation

/// The synthetic indexes `evidence bench search` measures: generated with
/// `gen_pubmed.py --records N --seed 1 --gzip` and ingested once, then reused.
struct BenchSearchData {
    /// The folder holding generated XML and built indexes (git-ignored `bench-data/`).
    var folder: URL
    /// The generator script.
    var generator: URL

    /// The gzipped XML of `records` records.
    func xmlURL(records: Int) -> URL { folder.appendingPathComponent("pubmed-\(records).xml.gz") }

    /// The index built from it.
    func indexURL(records: Int) -> URL { folder.appendingPathComponent("index-\(records).sqlite") }

    /// Generates the XML when missing and ingests it when the index is missing or incomplete;
    /// `log` receives progress lines.
    func prepare(records: Int, log: (String) -> Void) throws -> URL {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let xml = xmlURL(records: records)
        let index = indexURL(records: records)
        if FileManager.default.fileExists(atPath: index.path) {
            // Built before (possibly from other files, e.g. in chunks): use it as it is.
            let store = try ArticleStore(path: index.path, create: false)
            defer { store.close() }
            if try !store.manifest().isEmpty { return index }
        }
        if !FileManager.default.fileExists(atPath: xml.path) {
            log("generating \(records) records with \(generator.path)…")
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", generator.path, "--records", String(records), "--seed", "1", "--gzip",
                                 "--out", xml.path]
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                throw BenchSearchError("gen_pubmed.py failed with status \(process.terminationStatus)")
            }
        }
        let store = try ArticleStore(path: index.path)
        defer { store.close() }
        if try store.manifest().isEmpty {
            log("ingesting \(xml.lastPathComponent) into \(index.lastPathComponent)…")
            let started = Date()
            let report = ArticleIngester(store: store).ingest(paths: [xml.path]) { progress in
                _ = progress
            }
            guard report.files.allSatisfy({ $0.failure == nil }) else {
                throw BenchSearchError("ingest of \(xml.path) failed: \(report.files.compactMap(\.failure))")
            }
            log(String(format: "ingested %d records in %.0f s", try store.articleCount(), Date().timeIntervalSince(started)))
        }
        return index
    }
}

/// A benchmark that cannot run.
struct BenchSearchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
