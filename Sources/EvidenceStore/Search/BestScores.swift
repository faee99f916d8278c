/// The `capacity` best (lowest) bm25 scores seen so far, with their PMIDs: a bounded
/// selection for streaming every hit once.
struct BestScores {
    let capacity: Int
    /// Kept sorted: best first; ties by ascending PMID.
    private(set) var ordered: [(Int64, Double)] = []

    init(capacity: Int) {
        self.capacity = max(0, capacity)
        ordered.reserveCapacity(min(self.capacity, 4096))
    }

    /// Offers one hit.
    mutating func insert(_ pmid: Int64, score: Double) {
        guard capacity > 0 else { return }
        if ordered.count == capacity, let worst = ordered.last, !Self.precedes((pmid, score), worst) { return }
        var low = 0, high = ordered.count
        while low < high {
            let mid = (low + high) / 2
            if Self.precedes(ordered[mid], (pmid, score)) { low = mid + 1 } else { high = mid }
        }
        ordered.insert((pmid, score), at: low)
        if ordered.count > capacity { ordered.removeLast() }
    }

    static func precedes(_ a: (Int64, Double), _ b: (Int64, Double)) -> Bool {
        a.1 != b.1 ? a.1 < b.1 : a.0 < b.0
    }
}
