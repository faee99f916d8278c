import Foundation

/// Symmetric co-occurrence counts of vocabulary ids within a window, and their positive PMI.
///
/// For each sequence and each distance `k` in `1...window`, the pair (`seq[i]`, `seq[i + k]`) adds 1
/// to `C[a, b]` and 1 to `C[b, a]` (a pair of equal ids adds 2 to the diagonal). Counts are kept as
/// sorted `(row << 32 | column)` keys, merged in bounded chunks, so memory follows the non-zeros.
public struct CooccurrenceCounts: Sendable {
    /// The number of ids (rows and columns).
    public let size: Int
    /// The window (largest distance counted).
    public let window: Int
    private var keys: [UInt64] = []
    private var counts: [Double] = []
    private var pending: [UInt64] = []
    private let chunk: Int

    /// Empty counts over `size` ids.
    public init(size: Int, window: Int = 5, chunk: Int = 1 << 23) {
        precondition(window >= 1 && chunk >= 1)
        self.size = size
        self.window = window
        self.chunk = chunk
    }

    /// Counts the pairs of one sequence of ids (each in `0 ..< size`).
    public mutating func add(_ sequence: [Int32]) {
        guard sequence.count > 1 else { return }
        for k in 1 ... window where k < sequence.count {
            for i in 0 ..< (sequence.count - k) {
                let a = UInt64(UInt32(sequence[i])), b = UInt64(UInt32(sequence[i + k]))
                pending.append(a << 32 | b)
                pending.append(b << 32 | a)
            }
        }
        if pending.count >= chunk { flush() }
    }

    private mutating func flush() {
        guard !pending.isEmpty else { return }
        pending.sort()
        var newKeys: [UInt64] = []
        var newCounts: [Double] = []
        newKeys.reserveCapacity(pending.count)
        newCounts.reserveCapacity(pending.count)
        for key in pending {
            if let last = newKeys.last, last == key { newCounts[newCounts.count - 1] += 1 } else {
                newKeys.append(key)
                newCounts.append(1)
            }
        }
        pending.removeAll(keepingCapacity: true)
        if keys.isEmpty { keys = newKeys; counts = newCounts; return }
        var mergedKeys: [UInt64] = []
        var mergedCounts: [Double] = []
        mergedKeys.reserveCapacity(keys.count + newKeys.count)
        mergedCounts.reserveCapacity(keys.count + newKeys.count)
        var i = 0, j = 0
        while i < keys.count || j < newKeys.count {
            if j == newKeys.count || (i < keys.count && keys[i] < newKeys[j]) {
                mergedKeys.append(keys[i]); mergedCounts.append(counts[i]); i += 1
            } else if i == keys.count || newKeys[j] < keys[i] {
                mergedKeys.append(newKeys[j]); mergedCounts.append(newCounts[j]); j += 1
            } else {
                mergedKeys.append(keys[i]); mergedCounts.append(counts[i] + newCounts[j]); i += 1; j += 1
            }
        }
        keys = mergedKeys
        counts = mergedCounts
    }

    /// The count matrix `C`.
    public mutating func matrix() -> SparseMatrix {
        flush()
        var rowStart = [Int](repeating: 0, count: size + 1)
        for key in keys { rowStart[Int(key >> 32) + 1] += 1 }
        for row in 0 ..< size { rowStart[row + 1] += rowStart[row] }
        return SparseMatrix(rows: size, columns: size, rowStart: rowStart,
                            columnIndex: keys.map { Int32(truncatingIfNeeded: $0 & 0xFFFF_FFFF) }, values: counts)
    }

    /// Positive pointwise mutual information of a count matrix, with the context distribution smoothed
    /// by `alpha` (Levy, Goldberg and Dagan 2015): `pmi(a, b) = ln(C[a,b] · Σ cc / (wr[a] · cc[b]))`, where
    /// `wr[a]` is row `a`'s sum and `cc[b]` is column `b`'s sum to the power `alpha`; only positive values are kept.
    public static func positivePMI(_ counts: SparseMatrix, alpha: Double = 0.75) -> SparseMatrix {
        var rowSums = [Double](repeating: 0, count: counts.rows)
        var columnSums = [Double](repeating: 0, count: counts.columns)
        for row in 0 ..< counts.rows {
            for position in counts.rowStart[row] ..< counts.rowStart[row + 1] {
                rowSums[row] += counts.values[position]
                columnSums[Int(counts.columnIndex[position])] += counts.values[position]
            }
        }
        let context = columnSums.map { Foundation.pow($0, alpha) }
        let total = context.reduce(0, +)
        var rowStart = [0]
        var columnIndex: [Int32] = []
        var values: [Double] = []
        rowStart.reserveCapacity(counts.rows + 1)
        for row in 0 ..< counts.rows {
            for position in counts.rowStart[row] ..< counts.rowStart[row + 1] {
                let column = Int(counts.columnIndex[position])
                let pmi = Foundation.log(counts.values[position] * total / (rowSums[row] * context[column]))
                if pmi > 0 {
                    columnIndex.append(counts.columnIndex[position])
                    values.append(pmi)
                }
            }
            rowStart.append(values.count)
        }
        return SparseMatrix(rows: counts.rows, columns: counts.columns, rowStart: rowStart, columnIndex: columnIndex, values: values)
    }
}
