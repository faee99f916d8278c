import EvidenceStore
import Foundation

/// How `StoreEvidenceIndex.wordVectors()` got its vectors.
public struct WordVectorsOutcome: Sendable, Equatable {
    public enum Source: String, Sendable {
        /// Read from the index's `word_vector` table (built earlier for the same snapshot).
        case loaded
        /// Built from the index's records now, and stored.
        case built
    }

    public var source: Source
    /// Wall-clock seconds in all: reading (and building and storing, when built).
    public var seconds: Double
    /// Seconds reading the records' text (built only).
    public var readSeconds: Double
    /// Seconds writing the vectors (built only).
    public var storeSeconds: Double
    /// The build's figures (built only).
    public var figures: WordVectors.BuildFigures?
}

/// The in-memory word vectors of one index object, behind a lock.
final class WordVectorCache: @unchecked Sendable {
    let lock = NSLock()
    var vectors: WordVectors?
    var outcome: WordVectorsOutcome?
    var isEmpty = false
}

extension StoreEvidenceIndex {
    /// Records read per query when building word vectors.
    static let wordVectorBatch = 2_000

    /// The index's word vectors: the stored ones when they were built from the current snapshot with
    /// `wordVectorDimensions` components; otherwise built from every record (title + " . " + abstract),
    /// stored (replacing the old ones in one transaction) and returned. Kept in memory for this object's
    /// lifetime. Nil for an index without records.
    public func wordVectors() throws -> WordVectors? {
        let cache = wordVectorCache
        cache.lock.lock()
        defer { cache.lock.unlock() }
        if let vectors = cache.vectors { return vectors }
        if cache.isEmpty { return nil }
        let start = ProcessInfo.processInfo.systemUptime
        let snapshot = try store.snapshotID
        let dimensions = wordVectorDimensions
        if let build = try store.wordVectorBuild(), build.snapshot == snapshot, build.dimensions == dimensions,
           let vectors = try storedWordVectors(build: build) {
            cache.vectors = vectors
            cache.outcome = WordVectorsOutcome(source: .loaded, seconds: ProcessInfo.processInfo.systemUptime - start,
                                               readSeconds: 0, storeSeconds: 0, figures: nil)
            return vectors
        }
        let texts = try wordVectorTexts()
        let read = ProcessInfo.processInfo.systemUptime
        guard !texts.isEmpty else {
            cache.isEmpty = true
            return nil
        }
        let (vectors, figures) = WordVectors.build(texts: texts, dimensions: dimensions)
        let built = ProcessInfo.processInfo.systemUptime
        let rows = vectors.stems.indices.map { position in
            WordVectorRow(stem: vectors.stems[position], documentFrequency: vectors.documentFrequencies[position],
                          vector: WordVectors.encode(vectors.vector(at: position)))
        }
        let build = WordVectorBuild(snapshot: snapshot, dimensions: dimensions, records: vectors.recordCount,
                                    stems: vectors.count, seconds: built - start,
                                    builtAt: ISO8601DateFormatter().string(from: Date()))
        try store.replaceWordVectors(rows, build: build)
        let end = ProcessInfo.processInfo.systemUptime
        cache.vectors = vectors
        cache.outcome = WordVectorsOutcome(source: .built, seconds: end - start, readSeconds: read - start,
                                           storeSeconds: end - built, figures: figures)
        return vectors
    }

    /// How the last `wordVectors()` call that returned vectors got them (nil before any).
    public var wordVectorsOutcome: WordVectorsOutcome? {
        wordVectorCache.lock.lock()
        defer { wordVectorCache.lock.unlock() }
        return wordVectorCache.outcome
    }

    /// The stored vectors, or nil when a row is malformed (then they are rebuilt).
    private func storedWordVectors(build: WordVectorBuild) throws -> WordVectors? {
        let rows = try store.wordVectorRows()
        guard rows.count == build.stems else { return nil }
        var storage: [Float] = []
        storage.reserveCapacity(rows.count * build.dimensions)
        for row in rows {
            guard let vector = WordVectors.decode(row.vector, dimensions: build.dimensions) else { return nil }
            storage += vector
        }
        return WordVectors(dimensions: build.dimensions, recordCount: build.records, stems: rows.map(\.stem),
                           documentFrequencies: rows.map(\.documentFrequency), storage: storage)
    }

    /// Every record's title + " . " + abstract, in PMID order, read in batches.
    private func wordVectorTexts() throws -> [String] {
        var texts: [String] = []
        var last: Int64 = .min
        while true {
            var batch: [(Int64, String)] = []
            try store.database.query(
                "SELECT pmid, title, abstract FROM article WHERE pmid > ? ORDER BY pmid LIMIT ?",
                arguments: [last, Int64(Self.wordVectorBatch)]) { row in
                    batch.append((row.int64(0), (row.string(1) ?? "") + " . " + (row.string(2) ?? "")))
                }
            guard let final = batch.last else { break }
            texts += batch.map(\.1)
            last = final.0
            if batch.count < Self.wordVectorBatch { break }
        }
        return texts
    }
}

extension StoreEvidenceIndex {
    /// The reranker's view of the index's word vectors (`wordVectors()`).
    public func stemVectors() throws -> (any StemVectors)? { try wordVectors() }
}
