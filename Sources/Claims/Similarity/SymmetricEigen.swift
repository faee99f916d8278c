import Foundation

/// Eigenvalues and eigenvectors of a small symmetric matrix by the cyclic Jacobi method.
public struct SymmetricEigen: Sendable {
    /// Eigenvalues, largest first.
    public let values: [Double]
    /// Eigenvectors as the columns of an `n × n` matrix, in the order of `values`.
    public let vectors: DenseMatrix
    /// Jacobi sweeps that rotated.
    public let sweeps: Int

    /// The decomposition of `matrix` (only its upper triangle is read; it is taken as symmetric).
    public init(_ matrix: DenseMatrix, maximumSweeps: Int = 100) {
        precondition(matrix.rows == matrix.columns)
        let n = matrix.rows
        var a = matrix.values
        for i in 0 ..< n { for j in 0 ..< i { a[i * n + j] = a[j * n + i] } }
        var v = [Double](repeating: 0, count: n * n)
        for i in 0 ..< n { v[i * n + i] = 1 }
        // Sweeps until one makes no rotation: an off-diagonal entry too small to change either diagonal
        // entry it meets (by a hundredth of its size, as in Numerical Recipes' `jacobi`) is set to zero.
        var sweeps = 0
        var rotated = true
        while rotated && sweeps < maximumSweeps {
            rotated = false
            for p in 0 ..< n {
                for q in (p + 1) ..< max(p + 1, n) {
                    let apq = a[p * n + q]
                    if apq == 0 { continue }
                    let app = a[p * n + p], aqq = a[q * n + q]
                    let small = 100 * abs(apq)
                    if abs(app) + small == abs(app) && abs(aqq) + small == abs(aqq) {
                        a[p * n + q] = 0
                        a[q * n + p] = 0
                        continue
                    }
                    rotated = true
                    let theta = (aqq - app) / (2 * apq)
                    let t = (theta >= 0 ? 1.0 : -1.0) / (abs(theta) + (theta * theta + 1).squareRoot())
                    let c = 1 / (t * t + 1).squareRoot()
                    let s = t * c
                    // A ← Jᵀ A J on rows and columns p, q.
                    for k in 0 ..< n {
                        let akp = a[k * n + p], akq = a[k * n + q]
                        a[k * n + p] = c * akp - s * akq
                        a[k * n + q] = s * akp + c * akq
                    }
                    for k in 0 ..< n {
                        let apk = a[p * n + k], aqk = a[q * n + k]
                        a[p * n + k] = c * apk - s * aqk
                        a[q * n + k] = s * apk + c * aqk
                    }
                    a[p * n + q] = 0
                    a[q * n + p] = 0
                    for k in 0 ..< n {
                        let vkp = v[k * n + p], vkq = v[k * n + q]
                        v[k * n + p] = c * vkp - s * vkq
                        v[k * n + q] = s * vkp + c * vkq
                    }
                }
            }
            if rotated { sweeps += 1 }
        }
        // Largest first; ties keep their index order, so the result is deterministic.
        let order = (0 ..< n).sorted { a[$0 * n + $0] > a[$1 * n + $1] || (a[$0 * n + $0] == a[$1 * n + $1] && $0 < $1) }
        var sorted = [Double](repeating: 0, count: n * n)
        for (column, source) in order.enumerated() {
            for row in 0 ..< n { sorted[row * n + column] = v[row * n + source] }
        }
        self.values = order.map { a[$0 * n + $0] }
        self.vectors = DenseMatrix(rows: n, columns: n, values: sorted)
        self.sweeps = sweeps
    }
}
