import Foundation
import PubMed

/// Ingests PubMed XML files into an `ArticleStore`.
///
/// Each file is one transaction: it goes in whole or not at all. A file whose SHA-256 is
/// already in the manifest is skipped ("already ingested"). A file that is not
/// well-formed is refused with `file:line:column: error: PMID …`, and the run goes on with
/// the next file. Record warnings are returned in the outcome (never printed); with
/// `strict`, any warning refuses the file.
///
/// Parsing and writing run in parallel: a parsing thread turns records into `ArticleRow`s
/// (the CPU work of folding, joining and compressing) and hands them in batches through a
/// bounded queue to the calling thread, which writes them with prepared statements.
///
/// Because each file commits atomically with its manifest row, a killed ingest leaves the
/// index holding exactly the files committed before; running it again skips those and
/// ingests the rest.
public final class ArticleIngester {
    /// The index written to.
    public let store: ArticleStore
    public var options: IngestOptions

    /// Creates an ingester writing into `store`.
    public init(store: ArticleStore, options: IngestOptions = IngestOptions()) {
        self.store = store
        self.options = options
    }

    /// Ingests every file `paths` name (see `IngestInput.expand`), in order.
    ///
    /// Never throws for a bad file: each file's fate is in the report. `progress` is called
    /// on the calling thread while a file is being written.
    public func ingest(paths: [String], progress: ((IngestProgress) -> Void)? = nil) -> IngestReport {
        ingest(IngestInput.expand(paths), progress: progress)
    }

    /// Ingests `inputs`, in order.
    public func ingest(_ inputs: [IngestInput], progress: ((IngestProgress) -> Void)? = nil) -> IngestReport {
        var outcomes: [FileIngestOutcome] = []
        for (offset, input) in inputs.enumerated() {
            outcomes.append(ingest(input, fileNumber: offset + 1, fileCount: inputs.count, progress: progress))
        }
        return IngestReport(files: outcomes)
    }

    /// Ingests one input in one transaction.
    public func ingest(_ input: IngestInput, fileNumber: Int = 1, fileCount: Int = 1,
                       progress: ((IngestProgress) -> Void)? = nil) -> FileIngestOutcome {
        // Before the pipeline's threads first allocate (see `AllocatorArenas`).
        AllocatorArenas.limit()
        let started = Date()
        var outcome = FileIngestOutcome(input: input)
        var input = input
        var temporaryCopy: String?
        defer {
            if let temporaryCopy { try? FileManager.default.removeItem(atPath: temporaryCopy) }
        }
        do {
            let digest: FileDigest
            if input.isStandardInput {
                let copy = FileManager.default.temporaryDirectory.appendingPathComponent("evidence-stdin-\(UUID().uuidString).xml").path
                temporaryCopy = copy
                digest = try FileDigest(copyingStandardInputTo: copy)
                input.readablePath = copy
            } else {
                digest = try FileDigest(path: input.readablePath)
            }
            outcome.sha256 = digest.sha256
            outcome.bytes = digest.bytes
            if let previous = try store.ingestedFile(sha256: digest.sha256) {
                outcome.status = .alreadyIngested
                outcome.records = previous.records
                outcome.deletions = previous.deletions
                outcome.seconds = Date().timeIntervalSince(started)
                return outcome
            }
            let expected = FileDigest.expectedXMLBytes(path: input.readablePath, fileBytes: digest.bytes)
            // Sorts that build the deferred indexes spill to temporary files, not memory: with the
            // connection's temp_store = MEMORY, a fresh index of 100,000 records peaked at 161 MB
            // and grew with the input. (SQLite refuses the change inside a transaction; then the
            // setting stays as it was.)
            try? store.database.execute("PRAGMA temp_store = FILE")
            defer { try? store.database.execute("PRAGMA temp_store = MEMORY") }
            // Into an empty index, write each page once (a rollback journal, not WAL) and build
            // the secondary indexes at the end.
            let bulkLoad = try store.isEmpty()
            let bulkJournal = bulkLoad && store.beginBulkLoadJournal()
            defer { if bulkJournal { store.endBulkLoadJournal() } }
            try store.database.transaction {
                let fileID = try store.beginIngestedFile(name: input.name, path: input.path, sha256: digest.sha256, bytes: digest.bytes)
                try write(input, fileID: fileID, bulkLoad: bulkLoad, into: &outcome, started: started, expectedBytes: expected) { records, bytes, elapsed in
                    progress?(IngestProgress(input: input, fileNumber: fileNumber, fileCount: fileCount, records: records,
                                             bytes: bytes, expectedBytes: expected, elapsed: elapsed))
                }
                if options.strict, let first = outcome.diagnostics.first {
                    outcome.diagnostics = outcome.diagnostics.map { var error = $0; error.severity = .error; return error }
                    var failure = first
                    failure.severity = .error
                    failure.message += " (--strict: \(outcome.diagnostics.count) warning\(outcome.diagnostics.count == 1 ? "" : "s") make the file fail)"
                    throw failure
                }
                try store.finishIngestedFile(id: fileID, records: outcome.records, deletions: outcome.deletions)
            }
            outcome.status = .ingested
        } catch let diagnostic as ParseDiagnostic {
            outcome = FileIngestOutcome.refused(outcome, because: diagnostic)
        } catch {
            outcome = FileIngestOutcome.refused(outcome, because: ParseDiagnostic(severity: .error, file: input.displayName, message: "\(error)"))
        }
        outcome.seconds = Date().timeIntervalSince(started)
        return outcome
    }

    /// Parses `input` on a second thread and writes what it yields on this one.
    /// `bulkLoad`: the index was empty, so its secondary indexes are built once at the end
    /// instead of row by row.
    private func write(_ input: IngestInput, fileID: Int64, bulkLoad: Bool, into outcome: inout FileIngestOutcome, started: Date,
                       expectedBytes: Int64, progress: (Int, Int64, Double) -> Void) throws {
        let deferredIndexes = bulkLoad ? try store.dropSecondaryIndexes() : []
        let writer = try ArticleWriter(database: store.database)
        // Three stages on two cores: parse and build rows | pack originals into chunks | write.
        let parsed = RecordBatchQueue(capacity: options.queueCapacity)
        let queue = RecordBatchQueue(capacity: options.queueCapacity)
        let producer = ParsingThread(input: input, queue: parsed, batchSize: options.batchSize)
        let packer = PackingThread(input: parsed, output: queue)
        producer.start()
        packer.start()
        defer {
            queue.cancel()
            parsed.cancel()
            packer.waitUntilDone()
            producer.waitUntilDone()
        }
        let deletedAt = ArticleStore.timestamp()
        var bytes: Int64 = 0
        var lastReport = Date.distantPast
        var currentPMID: PMID?
        do {
            while let batch = queue.pop() {
                for item in batch {
                    switch item {
                    case .row(let row):
                        currentPMID = row.pmid
                        outcome.records += 1
                        bytes += Int64(row.xmlBytes)
                        switch try writer.write(row, sourceFileID: fileID) {
                        case .inserted: outcome.inserted += 1
                        case .replaced: outcome.replaced += 1
                        case .skippedOlder: outcome.skippedOlder += 1
                        }
                    case .deletion(let pmids):
                        for pmid in pmids {
                            currentPMID = pmid
                            outcome.deletions += 1
                            if try writer.delete(pmid, fileID: fileID, at: deletedAt) { outcome.deletedRecords += 1 }
                        }
                    }
                }
                let now = Date()
                if now.timeIntervalSince(lastReport) >= options.progressInterval {
                    lastReport = now
                    progress(outcome.records, bytes, now.timeIntervalSince(started))
                }
            }
        } catch {
            queue.cancel()
            parsed.cancel()
            packer.waitUntilDone()
            producer.waitUntilDone()
            throw ParseDiagnostic(severity: .error, file: input.displayName, pmid: currentPMID, message: "cannot store the record: \(error)")
        }
        packer.waitUntilDone()
        producer.waitUntilDone()
        outcome.diagnostics = producer.diagnostics.map { diagnostic in
            var diagnostic = diagnostic
            diagnostic.file = input.displayName
            return diagnostic
        }
        if let failure = producer.failure ?? packer.failure {
            if var diagnostic = failure as? ParseDiagnostic {
                diagnostic.file = input.displayName
                throw diagnostic
            }
            throw ParseDiagnostic(severity: .error, file: input.displayName, message: "\(failure)")
        }
        if outcome.replaced + outcome.deletedRecords > 0 {
            try store.removeUnreferencedOriginals()
        }
        try store.recreateIndexes(deferredIndexes)
        progress(outcome.records, bytes, Date().timeIntervalSince(started))
    }
}

extension FileIngestOutcome {
    /// `outcome` marked failed, with counts zeroed: nothing from the file was kept.
    static func refused(_ outcome: FileIngestOutcome, because failure: ParseDiagnostic) -> FileIngestOutcome {
        var refused = FileIngestOutcome(input: outcome.input)
        refused.sha256 = outcome.sha256
        refused.bytes = outcome.bytes
        refused.diagnostics = outcome.diagnostics
        refused.failure = failure
        refused.status = .failed
        return refused
    }
}

/// The middle stage of the ingest pipeline: deflates the originals of each batch into chunks
/// (`ArticleRow.packOriginals`) on its own thread, between parsing and writing.
///
/// Deflate was about 40% of the parsing thread's time; as a stage of its own, the two cores
/// share the parsing, packing and writing work by whichever is free, instead of the parsing
/// thread alone carrying the parser and zlib while the writer waits (or the other way round).
private final class PackingThread: @unchecked Sendable {
    let input: RecordBatchQueue
    let output: RecordBatchQueue
    private var thread: StageThread?
    /// Set on the packing thread; read only after `waitUntilDone()`.
    private(set) var failure: Error?

    init(input: RecordBatchQueue, output: RecordBatchQueue) {
        self.input = input
        self.output = output
    }

    func start() {
        thread = StageThread(name: "evidence-packer") { [self] in run() }
    }

    /// Waits for the packing thread to end; safe to call more than once.
    func waitUntilDone() { thread?.waitUntilDone() }

    private func run() {
        do {
            // Follows the leaves of `original_chunk` from batch to batch.
            var pages = ChunkPageFill()
            while var batch = input.pop() {
                try ArticleRow.packOriginals(&batch, pages: &pages)
                try output.push(batch)
            }
        } catch is RecordBatchQueue.Cancelled {
            // The writer stopped; it reports why.
        } catch {
            failure = error
        }
        // Stops the parser when this stage ended early; a no-op after a drained queue.
        input.cancel()
        output.finish()
    }
}

/// The parsing side of the ingest pipeline: runs `PubMedParser` on its own thread, turns
/// records into rows, and pushes them in batches.
private final class ParsingThread: @unchecked Sendable {
    let input: IngestInput
    let queue: RecordBatchQueue
    let batchSize: Int
    private var thread: StageThread?
    /// Set on the parsing thread; read only after `waitUntilDone()`.
    private(set) var diagnostics: [ParseDiagnostic] = []
    private(set) var failure: Error?

    init(input: IngestInput, queue: RecordBatchQueue, batchSize: Int) {
        self.input = input
        self.queue = queue
        self.batchSize = max(1, batchSize)
    }

    func start() {
        thread = StageThread(name: "evidence-parser", stackSize: 4 << 20) { [self] in run() }
    }

    /// Waits for the parsing thread to end; safe to call more than once.
    func waitUntilDone() { thread?.waitUntilDone() }

    private func run() {
        var batch: [IngestItem] = []
        batch.reserveCapacity(batchSize)
        let source: ParserInput = .file(path: input.readablePath)
        let textEncoder = PackedSearchText.Encoder()
        do {
            _ = try PubMedParser().parse(source, diagnose: { [self] diagnostic in
                diagnostics.append(diagnostic)
            }, handle: { [self] item in
                switch item {
                case .record(let record):
                    batch.append(.row(try ArticleRow(record, chunked: true, textEncoder: textEncoder)))
                case .deletion(let pmids):
                    batch.append(.deletion(pmids))
                }
                if batch.count >= batchSize {
                    try queue.push(batch)
                    batch.removeAll(keepingCapacity: true)
                }
            })
            if !batch.isEmpty {
                try queue.push(batch)
            }
        } catch is RecordBatchQueue.Cancelled {
            // The writer stopped; it reports why.
        } catch {
            failure = error
        }
        queue.finish()
    }
}
