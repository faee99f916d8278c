import Foundation

/// A sparse matrix in compressed sparse row form (CSR), and its products with dense matrices.
///
/// Dense matrices are row-major `[Double]` arrays (`DenseMatrix`), so the inner loops of the
/// products run over one contiguous dense row.
public struct SparseMatrix: Sendable, Equatable {
    /// Number of rows and columns.
    public let rows: Int
    public let columns: Int
    /// Row `i`'s entries are at `rowStart[i] ..< rowStart[i + 1]` of `columnIndex` and `values`.
    public let rowStart: [Int]
    public let columnIndex: [Int32]
    public let values: [Double]

    /// A matrix from its CSR arrays (column indices ascending within each row).
    public init(rows: Int, columns: Int, rowStart: [Int], columnIndex: [Int32], values: [Double]) {
        precondition(rowStart.count == rows + 1 && columnIndex.count == values.count && rowStart.last == values.count)
        self.rows = rows
        self.columns = columns
        self.rowStart = rowStart
        self.columnIndex = columnIndex
        self.values = values
    }

    /// The number of stored (non-zero) entries.
    public var nonZeroCount: Int { values.count }

    /// The entry at `row`, `column` (0 when not stored).
    public subscript(row: Int, column: Int) -> Double {
        for position in rowStart[row] ..< rowStart[row + 1] where Int(columnIndex[position]) == column {
            return values[position]
        }
        return 0
    }

    /// `self × dense` (`rows × dense.columns`).
    public func multiply(_ dense: DenseMatrix) -> DenseMatrix { product(dense, transposed: false) }

    /// `selfᵀ × dense` (`columns × dense.columns`).
    public func transposeMultiply(_ dense: DenseMatrix) -> DenseMatrix { product(dense, transposed: true) }

    /// `self × dense`, or `selfᵀ × dense` when `transposed`: each stored value (row r, column c) adds, scaled,
    /// row c of `dense` to row r of the result (or row r of `dense` to row c).
    private func product(_ dense: DenseMatrix, transposed: Bool) -> DenseMatrix {
        precondition(dense.rows == (transposed ? rows : columns))
        let width = dense.columns
        let resultRows = transposed ? columns : rows
        var result = [Double](repeating: 0, count: resultRows * width)
        result.withUnsafeMutableBufferPointer { out in
            dense.values.withUnsafeBufferPointer { input in
                for row in 0 ..< rows {
                    for position in rowStart[row] ..< rowStart[row + 1] {
                        let column = Int(columnIndex[position]) * width
                        let (source, target) = transposed ? (row * width, column) : (column, row * width)
                        Self.addScaled(values[position], input.baseAddress! + source, to: out.baseAddress! + target, count: width)
                    }
                }
            }
        }
        return DenseMatrix(rows: resultRows, columns: width, values: result)
    }

    /// `target[i] += value × source[i]` for `i < count`, four at a time (`SIMD4`, unaligned loads).
    @inline(__always)
    static func addScaled(_ value: Double, _ source: UnsafePointer<Double>, to target: UnsafeMutablePointer<Double>, count: Int) {
        let scale = SIMD4<Double>(repeating: value)
        let rawSource = UnsafeRawPointer(source), rawTarget = UnsafeMutableRawPointer(target)
        var i = 0
        while i + 4 <= count {
            let offset = i * MemoryLayout<Double>.stride
            let sum = rawTarget.loadUnaligned(fromByteOffset: offset, as: SIMD4<Double>.self)
                + scale * rawSource.loadUnaligned(fromByteOffset: offset, as: SIMD4<Double>.self)
            rawTarget.storeBytes(of: sum, toByteOffset: offset, as: SIMD4<Double>.self)
            i += 4
        }
        while i < count { target[i] += value * source[i]; i += 1 }
    }

    /// A sparse matrix holding the non-zero entries of a dense one.
    public init(_ dense: DenseMatrix) {
        var rowStart = [0]
        var columnIndex: [Int32] = []
        var values: [Double] = []
        for row in 0 ..< dense.rows {
            for column in 0 ..< dense.columns where dense[row, column] != 0 {
                columnIndex.append(Int32(column))
                values.append(dense[row, column])
            }
            rowStart.append(values.count)
        }
        self.init(rows: dense.rows, columns: dense.columns, rowStart: rowStart, columnIndex: columnIndex, values: values)
    }
}

/// A dense row-major matrix of `Double`.
public struct DenseMatrix: Sendable, Equatable {
    public let rows: Int
    public let columns: Int
    /// Entry (`r`, `c`) is at `r * columns + c`.
    public var values: [Double]

    public init(rows: Int, columns: Int, values: [Double]) {
        precondition(values.count == rows * columns)
        self.rows = rows
        self.columns = columns
        self.values = values
    }

    /// A zero matrix.
    public init(rows: Int, columns: Int) {
        self.init(rows: rows, columns: columns, values: [Double](repeating: 0, count: rows * columns))
    }

    public subscript(row: Int, column: Int) -> Double {
        get { values[row * columns + column] }
        set { values[row * columns + column] = newValue }
    }

    /// The transpose.
    public var transposed: DenseMatrix {
        var result = [Double](repeating: 0, count: values.count)
        for row in 0 ..< rows {
            for column in 0 ..< columns { result[column * rows + row] = values[row * columns + column] }
        }
        return DenseMatrix(rows: columns, columns: rows, values: result)
    }

    /// `self × other`.
    public func multiply(_ other: DenseMatrix) -> DenseMatrix {
        precondition(columns == other.rows)
        let width = other.columns
        var result = [Double](repeating: 0, count: rows * width)
        result.withUnsafeMutableBufferPointer { out in
            values.withUnsafeBufferPointer { left in
                other.values.withUnsafeBufferPointer { right in
                    for row in 0 ..< rows {
                        for inner in 0 ..< columns {
                            let value = left[row * columns + inner]
                            if value == 0 { continue }
                            let source = inner * width
                            let target = row * width
                            for column in 0 ..< width { out[target + column] += value * right[source + column] }
                        }
                    }
                }
            }
        }
        return DenseMatrix(rows: rows, columns: width, values: result)
    }

    /// `selfᵀ × self` (`columns × columns`, symmetric).
    public func gram() -> DenseMatrix {
        var result = [Double](repeating: 0, count: columns * columns)
        result.withUnsafeMutableBufferPointer { out in
            values.withUnsafeBufferPointer { input in
                for row in 0 ..< rows {
                    let base = row * columns
                    for i in 0 ..< columns {
                        let value = input[base + i]
                        if value == 0 { continue }
                        let target = i * columns
                        for j in i ..< columns { out[target + j] += value * input[base + j] }
                    }
                }
                for i in 0 ..< columns {
                    for j in 0 ..< i { out[i * columns + j] = out[j * columns + i] }
                }
            }
        }
        return DenseMatrix(rows: columns, columns: columns, values: result)
    }

    /// The columns made orthonormal by modified Gram–Schmidt, run twice for stability. A column that
    /// is (numerically) in the span of the earlier ones becomes zero.
    public func orthonormalizedColumns() -> DenseMatrix {
        // Work column-major so each column is contiguous.
        var work = transposed.values
        let length = rows
        let count = columns
        work.withUnsafeMutableBufferPointer { q in
            var norms = [Double](repeating: 0, count: count)
            for column in 0 ..< count {
                let base = column * length
                norms[column] = Self.dot(q, base, base, length).squareRoot()
            }
            for _ in 0 ..< 2 {
                for column in 0 ..< count {
                    let base = column * length
                    for earlier in 0 ..< column {
                        let other = earlier * length
                        let dot = Self.dot(q, other, base, length)
                        if dot == 0 { continue }
                        SparseMatrix.addScaled(-dot, UnsafePointer(q.baseAddress! + other), to: q.baseAddress! + base, count: length)
                    }
                    let norm = Self.dot(q, base, base, length).squareRoot()
                    // A column reduced to rounding noise carries no new direction.
                    if norm <= 1e-10 * max(norms[column], Double.leastNormalMagnitude) || norm == 0 {
                        for i in 0 ..< length { q[base + i] = 0 }
                        norms[column] = 0
                    } else {
                        for i in 0 ..< length { q[base + i] /= norm }
                        norms[column] = 1
                    }
                }
            }
        }
        return DenseMatrix(rows: columns, columns: rows, values: work).transposed
    }

    /// The dot product of `length` values from `first` and from `second`, in four running sums (so the
    /// loop vectorises; the order is fixed, so the result is deterministic).
    private static func dot(_ q: UnsafeMutableBufferPointer<Double>, _ first: Int, _ second: Int, _ length: Int) -> Double {
        let a = UnsafeRawPointer(q.baseAddress! + first), b = UnsafeRawPointer(q.baseAddress! + second)
        var sums = SIMD4<Double>(repeating: 0)
        var i = 0
        while i + 4 <= length {
            let offset = i * MemoryLayout<Double>.stride
            sums += a.loadUnaligned(fromByteOffset: offset, as: SIMD4<Double>.self)
                * b.loadUnaligned(fromByteOffset: offset, as: SIMD4<Double>.self)
            i += 4
        }
        while i < length { sums[0] += q[first + i] * q[second + i]; i += 1 }
        return (sums[0] + sums[1]) + (sums[2] + sums[3])
    }
}
