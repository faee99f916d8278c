import Foundation
import Testing
@testable import Claims

@Suite("Jacobi eigen-decomposition")
struct SymmetricEigenTests {
    @Test("a 3 × 3 symmetric matrix: known eigenvalues, A v = λ v, orthonormal vectors")
    func smallMatrix() {
        // Eigenvalues of [[2,-1,0],[-1,2,-1],[0,-1,2]]: 2 + √2, 2, 2 − √2.
        let a = DenseMatrix(rows: 3, columns: 3, values: [2, -1, 0, -1, 2, -1, 0, -1, 2])
        let eigen = SymmetricEigen(a)
        let expected = [2 + 2.0.squareRoot(), 2, 2 - 2.0.squareRoot()]
        for k in 0 ..< 3 { #expect(abs(eigen.values[k] - expected[k]) < 1e-12) }
        let av = a.multiply(eigen.vectors)
        for k in 0 ..< 3 {
            for i in 0 ..< 3 { #expect(abs(av[i, k] - eigen.values[k] * eigen.vectors[i, k]) < 1e-12) }
        }
        let gram = eigen.vectors.gram()
        for i in 0 ..< 3 { for j in 0 ..< 3 { #expect(abs(gram[i, j] - (i == j ? 1 : 0)) < 1e-12) } }
    }

    @Test("a diagonal matrix is sorted, with no sweep")
    func diagonal() {
        let eigen = SymmetricEigen(DenseMatrix(rows: 3, columns: 3, values: [1, 0, 0, 0, 5, 0, 0, 0, 3]))
        #expect(eigen.values == [5, 3, 1])
        #expect(eigen.sweeps == 0)
        #expect(eigen.vectors[1, 0] == 1 && eigen.vectors[2, 1] == 1 && eigen.vectors[0, 2] == 1)
    }
}

extension SymmetricEigenTests {
    @Test("a random 60 × 60 Gram matrix converges in a few sweeps and reconstructs")
    func converges() {
        var generator = GaussianGenerator(seed: 5)
        let x = DenseMatrix(rows: 80, columns: 60, values: (0 ..< 4_800).map { _ in generator.next() })
        let a = x.gram()
        let eigen = SymmetricEigen(a)
        #expect(eigen.sweeps < 15, "\(eigen.sweeps) sweeps")
        #expect(eigen.values == eigen.values.sorted(by: >))
        // A = V diag(λ) Vᵀ.
        var maximum = 0.0
        for i in 0 ..< 60 {
            for j in 0 ..< 60 {
                var sum = 0.0
                for k in 0 ..< 60 { sum += eigen.vectors[i, k] * eigen.values[k] * eigen.vectors[j, k] }
                maximum = max(maximum, abs(sum - a[i, j]))
            }
        }
        #expect(maximum < 1e-9 * eigen.values[0], "\(maximum)")
    }
}
