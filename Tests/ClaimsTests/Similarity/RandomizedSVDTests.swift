import Foundation
import Testing
@testable import Claims

@Suite("Randomized SVD")
struct RandomizedSVDTests {
    /// An `n × n` orthogonal matrix: the product of Householder reflections of seeded random vectors.
    static func orthogonal(_ n: Int, seed: UInt64) -> DenseMatrix {
        var generator = GaussianGenerator(seed: seed)
        var q = DenseMatrix(rows: n, columns: n)
        for i in 0 ..< n { q[i, i] = 1 }
        for _ in 0 ..< 3 {
            let v = (0 ..< n).map { _ in generator.next() }
            let norm2 = v.reduce(0) { $0 + $1 * $1 }
            var h = DenseMatrix(rows: n, columns: n)
            for i in 0 ..< n { for j in 0 ..< n { h[i, j] = (i == j ? 1 : 0) - 2 * v[i] * v[j] / norm2 } }
            q = q.multiply(h)
        }
        return q
    }

    /// `U diag(s) Vᵀ` with orthogonal `U` (rows × rows) and `V` (columns × columns).
    static func matrix(rows: Int, columns: Int, singularValues s: [Double]) -> (DenseMatrix, DenseMatrix) {
        let u = orthogonal(rows, seed: 11), v = orthogonal(columns, seed: 12)
        var a = DenseMatrix(rows: rows, columns: columns)
        for i in 0 ..< rows {
            for j in 0 ..< columns {
                var sum = 0.0
                for k in s.indices { sum += u[i, k] * s[k] * v[j, k] }
                a[i, j] = sum
            }
        }
        return (a, u)
    }

    static func cosine(_ a: DenseMatrix, _ columnA: Int, _ b: DenseMatrix, _ columnB: Int) -> Double {
        var dot = 0.0, na = 0.0, nb = 0.0
        for i in 0 ..< a.rows {
            dot += a[i, columnA] * b[i, columnB]
            na += a[i, columnA] * a[i, columnA]
            nb += b[i, columnB] * b[i, columnB]
        }
        return dot / (na * nb).squareRoot()
    }

    @Test("a known spectrum: top singular values within 1e-6 and the same singular vectors")
    func knownSpectrum() {
        let spectrum = (0 ..< 30).map { 100 * Foundation.pow(0.8, Double($0)) }
        let (dense, u) = Self.matrix(rows: 40, columns: 35, singularValues: spectrum)
        let svd = RandomizedSVD(SparseMatrix(dense), rank: 8, powerIterations: 6, seed: 3)
        #expect(svd.singularValues.count == 8)
        for k in 0 ..< 8 {
            #expect(abs(svd.singularValues[k] - spectrum[k]) / spectrum[k] < 1e-6, "σ\(k) \(svd.singularValues[k]) vs \(spectrum[k])")
            #expect(abs(abs(Self.cosine(svd.leftVectors, k, u, k)) - 1) < 1e-6, "u\(k)")
        }
        // Left singular vectors are orthonormal.
        let gram = svd.leftVectors.gram()
        for i in 0 ..< 8 { for j in 0 ..< 8 { #expect(abs(gram[i, j] - (i == j ? 1 : 0)) < 1e-9) } }
    }

    @Test("a rank-deficient matrix: its rank's values, then zeros")
    func rankDeficient() {
        let spectrum = [9.0, 4.0, 1.0]
        let (dense, u) = Self.matrix(rows: 20, columns: 25, singularValues: spectrum)
        let svd = RandomizedSVD(SparseMatrix(dense), rank: 6, powerIterations: 2, seed: 1)
        #expect(svd.singularValues.count == 6)
        for k in 0 ..< 3 {
            #expect(abs(svd.singularValues[k] - spectrum[k]) / spectrum[k] < 1e-6)
            #expect(abs(abs(Self.cosine(svd.leftVectors, k, u, k)) - 1) < 1e-6)
        }
        for k in 3 ..< 6 { #expect(svd.singularValues[k] < 1e-6) }
    }

    @Test("the same seed gives bit-identical results; another seed the same values")
    func deterministic() {
        let (dense, _) = Self.matrix(rows: 30, columns: 30, singularValues: [5, 3, 2, 1, 0.5])
        let sparse = SparseMatrix(dense)
        let a = RandomizedSVD(sparse, rank: 3, powerIterations: 3, seed: 7)
        let b = RandomizedSVD(sparse, rank: 3, powerIterations: 3, seed: 7)
        let c = RandomizedSVD(sparse, rank: 3, powerIterations: 3, seed: 8)
        #expect(a.singularValues == b.singularValues)
        #expect(a.leftVectors == b.leftVectors)
        for k in 0 ..< 3 { #expect(abs(a.singularValues[k] - c.singularValues[k]) < 1e-9) }
    }

    @Test("sparse products match dense ones")
    func sparseProducts() {
        let dense = DenseMatrix(rows: 3, columns: 4, values: [1, 0, 2, 0, 0, 0, 0, 3, -1, 4, 0, 0])
        let sparse = SparseMatrix(dense)
        #expect(sparse.nonZeroCount == 5)
        let x = DenseMatrix(rows: 4, columns: 2, values: [1, 2, 3, 4, 5, 6, 7, 8])
        #expect(sparse.multiply(x) == dense.multiply(x))
        let y = DenseMatrix(rows: 3, columns: 2, values: [1, -1, 2, 0, 0.5, 3])
        #expect(sparse.transposeMultiply(y) == dense.transposed.multiply(y))
    }

    @Test("sparse products over widths with and without a remainder of four columns")
    func sparseProductsWide() {
        var generator = GaussianGenerator(seed: 9)
        var dense = DenseMatrix(rows: 12, columns: 10)
        for index in dense.values.indices where index % 3 != 0 { dense.values[index] = generator.next() }
        let sparse = SparseMatrix(dense)
        for width in [4, 7, 9] {
            let x = DenseMatrix(rows: 10, columns: width, values: (0 ..< 10 * width).map { _ in generator.next() })
            let y = DenseMatrix(rows: 12, columns: width, values: (0 ..< 12 * width).map { _ in generator.next() })
            let product = sparse.multiply(x), expected = dense.multiply(x)
            let transposed = sparse.transposeMultiply(y), expectedTransposed = dense.transposed.multiply(y)
            for index in product.values.indices { #expect(abs(product.values[index] - expected.values[index]) < 1e-12) }
            for index in transposed.values.indices {
                #expect(abs(transposed.values[index] - expectedTransposed.values[index]) < 1e-12)
            }
        }
    }
}
