import Foundation

/// Distributional word vectors over Porter stems, built from the index's records: positive PMI of
/// content stems co-occurring within ±5 content words of one record, truncated by a randomized SVD
/// (`U · S^0.5`, rows of unit length). With each stem, its document frequency; with the set, the
/// number of records it was built from (for IDF).
public struct WordVectors: Sendable, Equatable {
    /// Components per vector.
    public let dimensions: Int
    /// Records the vectors were built from.
    public let recordCount: Int
    /// The stems, in ascending order.
    public let stems: [String]
    /// Document frequency of each stem, in the order of `stems`.
    public let documentFrequencies: [Int]
    /// The vectors, `dimensions` floats per stem, in the order of `stems`.
    public let storage: [Float]
    private let index: [String: Int]

    /// Vectors from their parts: `storage` holds `dimensions` floats per stem. Stems are sorted here.
    public init(dimensions: Int, recordCount: Int, stems: [String], documentFrequencies: [Int], storage: [Float]) {
        precondition(stems.count == documentFrequencies.count && storage.count == stems.count * dimensions)
        let order = stems.indices.sorted { stems[$0] < stems[$1] }
        self.dimensions = dimensions
        self.recordCount = recordCount
        self.stems = order.map { stems[$0] }
        self.documentFrequencies = order.map { documentFrequencies[$0] }
        if order == Array(stems.indices) {
            self.storage = storage
        } else {
            var sorted: [Float] = []
            sorted.reserveCapacity(storage.count)
            for source in order { sorted += storage[source * dimensions ..< (source + 1) * dimensions] }
            self.storage = sorted
        }
        self.index = Dictionary(uniqueKeysWithValues: self.stems.enumerated().map { ($1, $0) })
    }

    /// The number of stems.
    public var count: Int { stems.count }

    /// The position of `stem` in `stems`.
    public func position(of stem: String) -> Int? { index[stem] }

    /// The vector at `position`.
    public func vector(at position: Int) -> ArraySlice<Float> {
        storage[position * dimensions ..< (position + 1) * dimensions]
    }

    /// The unit vector of `stem` (all zeros when the stem had no weight), or nil when it is not in the vocabulary.
    public func vector(_ stem: String) -> ArraySlice<Float>? {
        index[stem].map { vector(at: $0) }
    }

    /// The number of records containing `stem`, or nil when it is not in the vocabulary.
    public func documentFrequency(_ stem: String) -> Int? {
        index[stem].map { documentFrequencies[$0] }
    }

    /// The cosine similarity of two stems' vectors (their dot product: vectors are unit length), or nil
    /// when either is not in the vocabulary.
    public func similarity(_ first: String, _ second: String) -> Float? {
        guard let a = index[first], let b = index[second] else { return nil }
        return dot(a, b)
    }

    /// The `count` stems most similar to `stem` (itself excluded), most similar first.
    public func nearest(_ stem: String, count: Int) -> [(stem: String, similarity: Float)] {
        guard let a = index[stem] else { return [] }
        let scored = stems.indices.lazy.filter { $0 != a }.map { ($0, dot(a, $0)) }
        return scored.sorted { $0.1 > $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }.prefix(count).map { (stems[$0.0], $0.1) }
    }

    private func dot(_ a: Int, _ b: Int) -> Float {
        var sum: Float = 0
        let x = a * dimensions, y = b * dimensions
        for i in 0 ..< dimensions { sum += storage[x + i] * storage[y + i] }
        return sum
    }

    public static func == (lhs: WordVectors, rhs: WordVectors) -> Bool {
        lhs.dimensions == rhs.dimensions && lhs.recordCount == rhs.recordCount && lhs.stems == rhs.stems
            && lhs.documentFrequencies == rhs.documentFrequencies && lhs.storage == rhs.storage
    }
}

// MARK: - Blob encoding

extension WordVectors {
    /// A vector as Float32 little-endian bytes.
    public static func encode(_ vector: ArraySlice<Float>) -> Data {
        var data = Data(capacity: vector.count * 4)
        for value in vector {
            withUnsafeBytes(of: value.bitPattern.littleEndian) { data.append(contentsOf: $0) }
        }
        return data
    }

    /// The floats of a Float32 little-endian blob, or nil when its length is not `dimensions × 4`.
    public static func decode(_ data: Data, dimensions: Int) -> [Float]? {
        guard data.count == dimensions * 4 else { return nil }
        let bytes = [UInt8](data)
        return (0 ..< dimensions).map { i in
            let base = i * 4
            let bits = UInt32(bytes[base]) | UInt32(bytes[base + 1]) << 8 | UInt32(bytes[base + 2]) << 16 | UInt32(bytes[base + 3]) << 24
            return Float(bitPattern: bits)
        }
    }
}

/// The reranker's word-similarity features read the index's vectors through `StemVectors`.
extension WordVectors: StemVectors {}
