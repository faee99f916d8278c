import Foundation

/// A truncated singular value decomposition by the randomized range finder of Halko, Martinsson and
/// Tropp (2011): a Gaussian test matrix, power iterations with re-orthonormalisation, then the exact SVD
/// of the small projected matrix (through the Jacobi eigen-decomposition of `B Bᵀ`).
///
/// Deterministic: the test matrix comes from a seeded SplitMix64 generator, so the same input and
/// parameters give bit-identical output.
public struct RandomizedSVD: Sendable {
    /// The top singular values, largest first (`rank` of them; fewer when the matrix has fewer rows/columns).
    public let singularValues: [Double]
    /// The left singular vectors, as the columns of a `rows × singularValues.count` matrix.
    public let leftVectors: DenseMatrix

    /// The decomposition of `matrix` to `rank` values, with `oversampling` extra test vectors and
    /// `powerIterations` rounds of `Y ← P (Pᵀ Y)`.
    public init(_ matrix: SparseMatrix, rank: Int, oversampling: Int = 10, powerIterations: Int, seed: UInt64) {
        let width = max(0, min(rank + oversampling, matrix.rows, matrix.columns))
        guard width > 0 else {
            singularValues = []
            leftVectors = DenseMatrix(rows: matrix.rows, columns: 0)
            return
        }
        var generator = GaussianGenerator(seed: seed)
        var omega = DenseMatrix(rows: matrix.columns, columns: width)
        for index in omega.values.indices { omega.values[index] = generator.next() }
        var y = matrix.multiply(omega).orthonormalizedColumns()
        for _ in 0 ..< max(0, powerIterations) {
            let z = matrix.transposeMultiply(y).orthonormalizedColumns()
            y = matrix.multiply(z).orthonormalizedColumns()
        }
        let q = y
        // Bᵀ = Pᵀ Q (columns × width), so B Bᵀ = (Bᵀ)ᵀ Bᵀ.
        let bTransposed = matrix.transposeMultiply(q)
        let eigen = SymmetricEigen(bTransposed.gram())
        let kept = min(rank, width)
        let u = q.multiply(eigen.vectors)
        var left = DenseMatrix(rows: matrix.rows, columns: kept)
        for row in 0 ..< matrix.rows {
            for column in 0 ..< kept { left[row, column] = u[row, column] }
        }
        singularValues = eigen.values.prefix(kept).map { max(0, $0).squareRoot() }
        leftVectors = left
    }
}

/// Standard normal numbers from SplitMix64 and the Box–Muller transform: the same seed gives the same
/// numbers on every platform.
struct GaussianGenerator {
    private var state: UInt64
    private var spare: Double?

    init(seed: UInt64) { state = seed }

    mutating func nextUInt64() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform number in (0, 1].
    mutating func nextUniform() -> Double {
        Double((nextUInt64() >> 11) + 1) * 0x1.0p-53
    }

    mutating func next() -> Double {
        if let value = spare { spare = nil; return value }
        let radius = (-2 * Foundation.log(nextUniform())).squareRoot()
        let angle = 2 * Double.pi * nextUniform()
        spare = radius * Foundation.sin(angle)
        return radius * Foundation.cos(angle)
    }
}
