import Foundation
import PubMed

/// Settings for `ArticleIngester`.
public struct IngestOptions: Sendable, Hashable {
    /// Treat record warnings as errors: a file with any warning is refused whole.
    public var strict: Bool
    /// Records per batch handed from the parsing thread to the writing thread.
    public var batchSize: Int
    /// Batches the queue between the threads holds before the parser waits (bounds memory).
    public var queueCapacity: Int
    /// Seconds between progress reports.
    public var progressInterval: Double

    /// Creates options; the defaults suit whole NLM files.
    public init(strict: Bool = false, batchSize: Int = 256, queueCapacity: Int = 4, progressInterval: Double = 0.25) {
        self.strict = strict
        self.batchSize = batchSize
        self.queueCapacity = queueCapacity
        self.progressInterval = progressInterval
    }
}

/// How ingesting one file went.
public struct FileIngestOutcome: Sendable, Hashable {
    /// The three ways a file can end.
    public enum Status: String, Sendable, Hashable {
        /// Committed: its records and deletions are in the index.
        case ingested
        /// A file with the same SHA-256 is already in the manifest; nothing changed.
        case alreadyIngested = "already ingested"
        /// Refused whole: nothing from it was stored.
        case failed
    }

    public var input: IngestInput
    public var status: Status
    /// Hex SHA-256 of the file's bytes, when it could be read.
    public var sha256: String?
    public var bytes: Int64
    /// Records read from the file.
    public var records: Int
    public var inserted: Int
    public var replaced: Int
    /// Records not stored because a higher version is already in the index.
    public var skippedOlder: Int
    /// PMIDs listed in `DeleteCitation` blocks.
    public var deletions: Int
    /// Stored records those deletions removed.
    public var deletedRecords: Int
    /// Warnings (errors under `--strict`) about records that were read.
    public var diagnostics: [ParseDiagnostic]
    /// Why the file was refused, as `file:line:column: error: PMID …: message`.
    public var failure: ParseDiagnostic?
    /// Wall-clock seconds spent on the file.
    public var seconds: Double

    init(input: IngestInput) {
        self.input = input
        status = .failed
        bytes = 0
        records = 0
        inserted = 0
        replaced = 0
        skippedOlder = 0
        deletions = 0
        deletedRecords = 0
        diagnostics = []
        seconds = 0
    }
}

/// The outcome of one ingest run: one entry per input file, in order.
public struct IngestReport: Sendable, Hashable {
    public var files: [FileIngestOutcome]

    /// Whether any file was refused (the command then exits non-zero).
    public var hasFailures: Bool { files.contains { $0.status == .failed } }

    /// Records read across the files that were ingested.
    public var records: Int { files.filter { $0.status == .ingested }.reduce(0) { $0 + $1.records } }

    /// One line for the end of `evidence ingest`.
    public var summary: String {
        let ingested = files.filter { $0.status == .ingested }
        let skipped = files.filter { $0.status == .alreadyIngested }.count
        let failed = files.filter { $0.status == .failed }.count
        let inserted = ingested.reduce(0) { $0 + $1.inserted }
        let replaced = ingested.reduce(0) { $0 + $1.replaced }
        let older = ingested.reduce(0) { $0 + $1.skippedOlder }
        let deleted = ingested.reduce(0) { $0 + $1.deletedRecords }
        let warnings = files.reduce(0) { $0 + $1.diagnostics.count }
        let seconds = files.reduce(0) { $0 + $1.seconds }
        var parts = ["\(ingested.count) file\(ingested.count == 1 ? "" : "s") ingested"]
        if skipped > 0 { parts.append("\(skipped) already ingested") }
        if failed > 0 { parts.append("\(failed) failed") }
        parts.append("\(records) records (\(inserted) new, \(replaced) updated, \(older) older versions skipped, \(deleted) deleted)")
        if warnings > 0 { parts.append("\(warnings) warning\(warnings == 1 ? "" : "s")") }
        parts.append(String(format: "%.1f s", seconds))
        return parts.joined(separator: ", ")
    }
}

/// Progress through one file, reported while ingesting.
public struct IngestProgress: Sendable, Hashable {
    public var input: IngestInput
    /// 1-based position of the file in the run, and the number of files.
    public var fileNumber: Int
    public var fileCount: Int
    /// Records written so far from this file.
    public var records: Int
    /// Uncompressed XML bytes of the records written so far.
    public var bytes: Int64
    /// The file's expected uncompressed size (from gzip's trailer, or the file size).
    public var expectedBytes: Int64
    /// Seconds since the file started.
    public var elapsed: Double

    /// Creates a progress report.
    public init(input: IngestInput, fileNumber: Int, fileCount: Int, records: Int, bytes: Int64, expectedBytes: Int64, elapsed: Double) {
        self.input = input
        self.fileNumber = fileNumber
        self.fileCount = fileCount
        self.records = records
        self.bytes = bytes
        self.expectedBytes = expectedBytes
        self.elapsed = elapsed
    }

    /// Throughput in MB (10^6 bytes) of XML per second.
    public var megabytesPerSecond: Double { elapsed > 0 ? Double(bytes) / 1e6 / elapsed : 0 }

    /// Estimated seconds left for this file, when it can be told.
    public var secondsRemaining: Double? {
        guard bytes > 0, expectedBytes > bytes, elapsed > 0 else { return nil }
        return Double(expectedBytes - bytes) / (Double(bytes) / elapsed)
    }

    /// The fraction of the file done, 0…1.
    public var fractionDone: Double { expectedBytes > 0 ? min(1, Double(bytes) / Double(expectedBytes)) : 0 }
}
