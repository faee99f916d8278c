import Foundation

/// Word vectors the reranker's word-similarity features read: a unit vector and a document frequency
/// per stem (Porter stems of content words), built from the index's own records.
public protocol StemVectors: Sendable {
    /// Length of every vector.
    var dimensions: Int { get }
    /// Records the vectors and document frequencies were counted over.
    var recordCount: Int { get }
    /// The stem's unit vector, or nil when the stem has none (too rare, or not a content word).
    func vector(_ stem: String) -> ArraySlice<Float>?
    /// How many records hold the stem, when it has a vector.
    func documentFrequency(_ stem: String) -> Int?
}

extension RankingModel {
    /// A claim stem missing from a text still counts, for its cosine to the text's nearest stem, when that is at least this.
    public static let softMatchThreshold: Float = 0.4

    /// The word-similarity features of one candidate (since session 9), each IDF-weighted over the claim's stems:
    /// soft coverage of the claim's stems by the record, its best sentence and its title (a stem the text lacks
    /// counts for its largest cosine to a stem of the text, when at least `softMatchThreshold`); that soft credit
    /// for the stems the record lacks, over all the claim's stems and over the lacking stems' own weight; and the
    /// cosine of the claim's vector centroid to the record's, its best sentence's and its title's.
    public struct WordSimilarity: Sendable, Hashable {
        public var softRecord = 0.0, softSentence = 0.0, softTitle = 0.0, softGain = 0.0, missingShare = 0.0
        public var centroidRecord = 0.0, centroidSentence = 0.0, centroidTitle = 0.0

        /// No vectors: every feature 0.
        public static let none = WordSimilarity()

        /// In `featureNames` order.
        var values: [Double] {
            [softRecord, softSentence, softTitle, softGain, missingShare, centroidRecord, centroidSentence, centroidTitle]
        }
    }

    /// A record's side of the word-similarity features, worked out once per record: the content stems of each
    /// text unit (title first, then the abstract's sentences) with their counts, the stems that have vectors (as
    /// rows of one matrix), which of them each unit holds, and each unit's centroid (Σ count × IDF × vector, unit
    /// length) and the whole record's.
    public struct RecordVectors: Sendable {
        /// Per unit (title first), its content stems and how often each occurs.
        public let units: [[String: Int]]
        /// The whole record's content stems and counts.
        let counts: [String: Int]
        /// The record's distinct stems with a vector, their vectors as rows (`dimensions` floats each), and per
        /// unit the rows of its stems.
        let stems: [String]
        let matrix: [Float]
        let unitRows: [[Int]]
        /// Unit centroids (title first) and the record's, unit length (all zeros when no stem has a vector).
        let unitCentroids: [[Float]]
        let recordCentroid: [Float]

        /// The record's vectors from its units' content stem counts (title first).
        public init(units: [[String: Int]], vectors: some StemVectors) {
            self.units = units
            var total: [String: Int] = [:]
            for unit in units { for (stem, count) in unit { total[stem, default: 0] += count } }
            counts = total
            let known = total.keys.sorted().compactMap { stem in vectors.vector(stem).map { (stem, $0) } }
            stems = known.map(\.0)
            matrix = known.flatMap(\.1)
            let row = Dictionary(uniqueKeysWithValues: stems.enumerated().map { ($1, $0) })
            unitRows = units.map { unit in unit.keys.compactMap { row[$0] }.sorted() }
            let dimensions = vectors.dimensions
            func centroid(_ counts: [String: Int]) -> [Float] {
                var sum = [Float](repeating: 0, count: dimensions)
                for (stem, count) in counts {
                    guard let vector = vectors.vector(stem), let df = vectors.documentFrequency(stem) else { continue }
                    let weight = Float(Double(count) * RankingModel.vectorIDF(documentFrequency: df, records: vectors.recordCount))
                    for (d, x) in zip(sum.indices, vector) { sum[d] += weight * x }
                }
                return RankingModel.unitLength(sum)
            }
            unitCentroids = units.map(centroid)
            recordCentroid = centroid(total)
        }

        /// The cosine of `q` (a unit vector) to each of the record's stems with a vector.
        func cosines(to q: [Float]) -> [Float] {
            let n = stems.count
            guard n > 0 else { return [] }
            let d = q.count
            var out = [Float](repeating: 0, count: n)
            matrix.withUnsafeBufferPointer { m in
                q.withUnsafeBufferPointer { q in
                    for j in 0..<n {
                        let base = j * d
                        var sum: Float = 0
                        for k in 0..<d { sum += m[base + k] * q[k] }
                        out[j] = sum
                    }
                }
            }
            return out
        }
    }

    /// A claim's side of the word-similarity features, worked out once per claim: its unique stems with their
    /// IDF (the same weights as the other coverages), each stem's vector (nil without one) and the claim's
    /// IDF-weighted centroid, unit length.
    public struct ClaimVectors: Sendable {
        let stems: [String]
        let idf: [Double]
        let vectors: [[Float]?]
        let centroid: [Float]

        /// The claim's vectors from its unique stems and their IDF.
        public init(stems: [String], idf: [Double], vectors: some StemVectors) {
            self.stems = stems
            self.idf = idf
            self.vectors = stems.map { vectors.vector($0).map(Array.init) }
            var sum = [Float](repeating: 0, count: vectors.dimensions)
            for (vector, weight) in zip(self.vectors, idf) {
                guard let vector else { continue }
                for (d, x) in zip(sum.indices, vector) { sum[d] += Float(weight) * x }
            }
            centroid = RankingModel.unitLength(sum)
        }
    }

    /// IDF of a stem from the vectors' counts: ln((N − df + 0.5) / (df + 0.5) + 1), as FTS5's bm25.
    static func vectorIDF(documentFrequency df: Int, records n: Int) -> Double {
        log((Double(n - df) + 0.5) / (Double(df) + 0.5) + 1)
    }

    /// `v` scaled to unit length (a zero vector stays zero).
    static func unitLength(_ v: [Float]) -> [Float] {
        let norm = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return norm > 0 ? v.map { $0 / norm } : v
    }

    /// The dot product of two vectors (over the shorter one's length).
    static func dot(_ a: ArraySlice<Float>, _ b: ArraySlice<Float>) -> Float {
        var sum: Float = 0
        var i = a.startIndex, j = b.startIndex
        while i < a.endIndex, j < b.endIndex { sum += a[i] * b[j]; i += 1; j += 1 }
        return sum
    }

    /// The word-similarity features of a record for a claim.
    public static func wordSimilarity(claim: ClaimVectors, record: RecordVectors) -> WordSimilarity {
        let claimStems = claim.stems, claimIDF = claim.idf
        guard !claimStems.isEmpty, !record.units.isEmpty else { return .none }
        let total = claimIDF.reduce(0, +)
        let norm = total > 0 ? total : 1
        // Cosine of each claim stem to each of the record's stems with a vector (none for a stem without one).
        let cosines: [[Float]] = claim.vectors.map { q in q.map(record.cosines(to:)) ?? [] }
        /// Each claim stem's soft match in a unit: 1 when the unit holds it, else its best cosine to one of the
        /// unit's stems (`rows`) at or above the threshold.
        func soft(_ unit: [String: Int], rows: [Int]) -> [Double] {
            claimStems.indices.map { k in
                if unit[claimStems[k]] != nil { return 1 }
                let row = cosines[k]
                guard !row.isEmpty else { return 0 }
                var best: Float = 0
                for j in rows where row[j] > best { best = row[j] }
                return best >= softMatchThreshold ? Double(best) : 0
            }
        }
        func weighted(_ matches: [Double]) -> Double { zip(matches, claimIDF).map { $0 * $1 }.reduce(0, +) / norm }

        var result = WordSimilarity()
        let recordMatches = soft(record.counts, rows: Array(record.stems.indices))
        result.softRecord = weighted(recordMatches)
        result.softTitle = weighted(soft(record.units[0], rows: record.unitRows[0]))
        result.softSentence = zip(record.units, record.unitRows).dropFirst().map { weighted(soft($0, rows: $1)) }.max() ?? 0
        let missing = claimStems.map { record.counts[$0] == nil }
        result.softGain = zip(zip(recordMatches, claimIDF), missing).map { $1 ? $0.0 * $0.1 : 0 }.reduce(0, +) / norm
        let missingWeight = zip(claimIDF, missing).map { $1 ? $0 : 0 }.reduce(0, +)
        result.missingShare = missingWeight > 0 ? result.softGain * norm / missingWeight : 0

        let centroid = claim.centroid[...]
        result.centroidRecord = Double(dot(centroid, record.recordCentroid[...]))
        result.centroidTitle = Double(dot(centroid, record.unitCentroids[0][...]))
        result.centroidSentence = record.unitCentroids.dropFirst().map { Double(dot(centroid, $0[...])) }.max() ?? 0
        return result
    }
}
