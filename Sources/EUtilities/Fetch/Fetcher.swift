import Foundation

/// Turns a PubMed query into a folder of gzipped efetch responses, handing each to an
/// ingest callback as it arrives, and resuming where an earlier run stopped.
///
/// The stages: search the whole range (`usehistory=y`); while a slice matches more records
/// than esearch returns (10,000), bisect its date range; for each slice that fits, walk its
/// id list in windows of `batchSize`. A window whose records are all already in the folder is
/// skipped; a window with none of them is fetched from the history server by
/// `WebEnv`/`query_key`/`retstart`; a window with some of them (the result set moved since
/// the last run) is fetched by the missing ids only. Each response is saved (temporary file,
/// rename), ingested, then recorded in `fetch-state.json`, in that order: a run killed in
/// between leaves a saved file that the next run ingests and records without fetching again.
///
/// The fetcher does not know the store: the ingest callback does that work and must be
/// idempotent (the store's sha256 manifest makes it so).
public final class Fetcher {
    private let client: EUtilitiesClient
    private let job: FetchJob
    private let folder: URL
    private let ingest: (SavedBatch) throws -> Void
    private let observe: (FetchEvent) -> Void
    private let clock: MonotonicClock

    /// A fetcher writing into `folder`, calling `ingest` for each saved batch and `observe`
    /// for progress.
    public init(
        client: EUtilitiesClient,
        job: FetchJob,
        folder: URL,
        clock: MonotonicClock = SystemClock(),
        ingest: @escaping (SavedBatch) throws -> Void,
        observe: @escaping (FetchEvent) -> Void = { _ in }
    ) {
        self.client = client
        self.job = job
        self.folder = folder
        self.clock = clock
        self.ingest = ingest
        self.observe = observe
    }

    /// Runs the fetch to the end (or to the job's batch limit).
    public func run() throws -> FetchSummary {
        let started = clock.now
        let archive = try BatchArchive(folder: folder)
        let lock = try FolderLock(folder: folder)
        defer { withExtendedLifetime(lock) {} }
        var state = try FetchState.load(from: folder) ?? FetchState(query: job.query)
        guard state.query == job.query else {
            throw FetchError.differentQuery(folder: folder.path, stored: state.query, requested: job.query)
        }
        var summary = FetchSummary()
        try recover(archive: archive, state: &state, summary: &summary)

        var have = state.knownIDs
        summary.recordsBefore = have.count - summary.files.reduce(0) { $0 + $1.recordIDs.count }
        summary.recordsInFolder = have.count
        if let maximum = job.maxRecords, have.count >= maximum { return summary }

        var expected: Int?
        var pending: [DateRange?] = [job.dateRange]
        var listed = Set<EntrezUID>()
        var listedInFull = true
        var notReturned = Set<EntrezUID>()
        slices: while let range = pending.popLast() {
            let search = try client.search(ESearchRequest(
                term: job.query, dateRange: range, dateType: job.dateType, useHistory: true, retmax: job.searchCap))
            summary.slicesSearched += 1
            search.warnings.forEach { observe(.warning("esearch: \($0)")) }
            if expected == nil {
                summary.recordsMatched = search.count
                expected = job.maxRecords.map { min($0, search.count) } ?? search.count
                observe(.counted(records: search.count, queryTranslation: search.queryTranslation))
            }
            if search.count > job.searchCap {
                let whole = range ?? DateRange.covering(from: nil, through: nil)!
                if let halves = whole.bisected() {
                    observe(.split(whole, records: search.count))
                    pending.append(halves.older)
                    pending.append(halves.newer)  // newest first, as PubMed lists them
                    continue
                }
                listedInFull = false  // this day cannot be listed whole; already said
                observe(.warning("\(search.count) records on \(whole.first) (\(job.dateType.rawValue)) exceed esearch's cap of \(job.searchCap); only the first \(search.ids.count) are fetched"))
            }
            guard let webEnv = search.webEnv, let queryKey = search.queryKey else {
                if search.count == 0 { continue }
                throw FetchError.noHistory(query: job.query)
            }
            let name = range.map { "\(job.dateType.rawValue)-\($0.first.compactFormat)-\($0.last.compactFormat)" } ?? "all"
            observe(.slice(name: name, records: search.count))
            listed.formUnion(search.ids)

            for start in stride(from: 0, to: search.ids.count, by: job.batchSize) {
                let window = Array(search.ids[start..<min(start + job.batchSize, search.ids.count)])
                var missing = window.filter { !have.contains($0) && !notReturned.contains($0) }
                if missing.isEmpty {
                    summary.batchesSkipped += 1
                    continue
                }
                if let maximum = job.maxRecords {
                    let room = maximum - have.count
                    if room <= 0 {
                        listedInFull = false
                        break slices
                    }
                    if missing.count > room { missing = Array(missing.prefix(room)) }
                }
                if let limit = job.batchLimit, summary.batchesFetched >= limit {
                    summary.stoppedAtLimit = true
                    listedInFull = false
                    break slices
                }

                let baseName = "\(name)-r\(String(format: "%06d", start))"
                let contiguous = missing == Array(window.prefix(missing.count))
                let response: EFetchResponse
                let fileName: String
                if contiguous {
                    fileName = baseName
                    do {
                        response = try client.fetch(.history(webEnv: webEnv, queryKey: queryKey, retstart: start, retmax: missing.count))
                    } catch let error as EUtilitiesError where Self.isServiceError(error) {
                        // The history entry may have expired: ask for the ids themselves.
                        observe(.warning("\(error); fetching the \(missing.count) records by id instead"))
                        response = try client.fetch(.ids(missing))
                    }
                } else {
                    fileName = "\(baseName)-ids\(missing[0])"
                    response = try client.fetch(.ids(missing))
                }

                let requested = Set(missing)
                let returned = Set(response.recordIDs)
                let absent = requested.subtracting(returned).sorted()
                let extra = returned.subtracting(requested).count
                if !absent.isEmpty {
                    observe(.warning("efetch returned no record for \(absent.count) of \(missing.count) PMIDs asked for (\(absent.prefix(5).map(\.description).joined(separator: ", "))\(absent.count > 5 ? ", …" : "")); the next run asks for them again"))
                }
                if extra > 0 {
                    observe(.warning("efetch returned \(extra) records that were not asked for; they are kept"))
                }

                // Not asked for again in this run; not recorded, so the next run tries again.
                notReturned.formUnion(absent)
                summary.recordsAbsent += absent.count
                guard response.scan.recordCount > 0 else { continue }

                let saved = try archive.save(response.xml, baseName: fileName, scan: response.scan)
                try ingest(saved)
                state.batches.append(FetchState.Batch(file: saved.name, ids: saved.recordIDs, absent: absent))
                try state.save(to: folder)

                let before = have.count
                have.formUnion(saved.recordIDs)
                summary.recordsFetched += have.count - before
                summary.batchesFetched += 1
                summary.recordsInFolder = have.count
                summary.files.append(saved)
                observe(.batch(saved, FetchProgress(
                    recordsInFolder: have.count,
                    expectedRecords: expected,
                    recordsFetched: summary.recordsFetched,
                    batchesFetched: summary.batchesFetched,
                    elapsedSeconds: clock.now - started)))
            }
        }
        summary.recordsInFolder = have.count
        if listedInFull, let matched = summary.recordsMatched, listed.count < matched {
            observe(.warning("the query matches \(matched) records but its date slices listed \(listed.count) (records changed while fetching, or some have dates the slices miss; --date-type edat slices best)"))
        }
        return summary
    }

    /// Ingests and records batch files saved by a run that was stopped before recording them;
    /// removes damaged ones.
    private func recover(archive: BatchArchive, state: inout FetchState, summary: inout FetchSummary) throws {
        let present = Set(try archive.batchFileNames())
        let gone = state.batches.filter { !present.contains($0.file) }
        if !gone.isEmpty {
            state.batches.removeAll { !present.contains($0.file) }
            try state.save(to: folder)
            for batch in gone {
                observe(.warning("\(batch.file) is no longer in the folder; its \(batch.ids.count) records will be fetched again"))
            }
        }
        for name in try archive.batchFileNames() where !state.contains(file: name) {
            guard let batch = archive.read(named: name) else {
                try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
                observe(.discarded(file: name, reason: "damaged (not a complete gzipped PubMed XML file)"))
                continue
            }
            try ingest(batch)
            state.batches.append(FetchState.Batch(file: name, ids: batch.recordIDs))
            try state.save(to: folder)
            summary.batchesRecovered += 1
            summary.files.append(batch)
            observe(.recovered(batch))
        }
    }

    private static func isServiceError(_ error: EUtilitiesError) -> Bool {
        switch error {
        case .service: return true
        case .retriesExhausted(_, .service): return true
        default: return false
        }
    }
}
