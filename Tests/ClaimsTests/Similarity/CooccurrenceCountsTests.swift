import Foundation
import Testing
@testable import Claims

@Suite("Co-occurrence counts and PPMI")
struct CooccurrenceCountsTests {
    @Test("window counts are symmetric and equal pairs count twice on the diagonal")
    func counts() {
        var counts = CooccurrenceCounts(size: 3, window: 2)
        counts.add([0, 1, 0])      // k=1: (0,1), (1,0); k=2: (0,0)
        counts.add([2, 1])         // k=1: (2,1)
        let c = counts.matrix()
        #expect(c[0, 1] == 2 && c[1, 0] == 2)
        #expect(c[0, 0] == 2)
        #expect(c[1, 2] == 1 && c[2, 1] == 1)
        #expect(c[2, 2] == 0 && c[1, 1] == 0 && c[0, 2] == 0)
        #expect(c.nonZeroCount == 5)
    }

    @Test("merging chunks gives the same counts as one pass")
    func chunks() {
        var small = CooccurrenceCounts(size: 4, window: 3, chunk: 4)
        var large = CooccurrenceCounts(size: 4, window: 3)
        for sequence: [Int32] in [[0, 1, 2, 3], [3, 3, 1], [2, 0, 1, 0, 2], [1]] {
            small.add(sequence)
            large.add(sequence)
        }
        #expect(small.matrix() == large.matrix())
    }

    @Test("PPMI by hand on a toy corpus")
    func ppmi() {
        // Sequences [0,1] and [0,2], window 1: C = [[0,1,1],[1,0,0],[1,0,0]].
        var counts = CooccurrenceCounts(size: 3, window: 1)
        counts.add([0, 1])
        counts.add([0, 2])
        let pmi = CooccurrenceCounts.positivePMI(counts.matrix(), alpha: 0.75)
        // Row sums wr = [2, 1, 1]; cc = [2^0.75, 1, 1]; total = 2^0.75 + 2.
        let total = Foundation.pow(2, 0.75) + 2
        // pmi(0,1) = ln(1 · total / (2 · 1)) = ln(1.8409) > 0.
        #expect(abs(pmi[0, 1] - Foundation.log(total / 2)) < 1e-12)
        // pmi(1,0) = ln(1 · total / (1 · 2^0.75)) = ln(2.1892) > 0.
        #expect(abs(pmi[1, 0] - Foundation.log(total / Foundation.pow(2, 0.75))) < 1e-12)
        #expect(pmi.nonZeroCount == 4)
    }

    @Test("non-positive PMI is dropped")
    func dropsNonPositive() {
        // C = [[2,2],[2,2]] (two sequences [0,1] and one [0,0] and [1,1]): every pmi = ln(2·total/(4·cc)).
        var counts = CooccurrenceCounts(size: 2, window: 1)
        counts.add([0, 1]); counts.add([0, 1]); counts.add([0, 0]); counts.add([1, 1])
        let c = counts.matrix()
        #expect(c[0, 0] == 2 && c[0, 1] == 2 && c[1, 1] == 2)
        // wr = [4, 4], cc = [4^0.75, 4^0.75], total = 2 · 4^0.75: pmi = ln(2 · 2 · 4^0.75 / (4 · 4^0.75)) = 0, dropped.
        #expect(CooccurrenceCounts.positivePMI(c).nonZeroCount == 0)
    }
}
