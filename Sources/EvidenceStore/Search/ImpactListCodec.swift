import Foundation

/// One term's impact list as `TermImpactIndex` reads it back.
///
/// Scores are magnitudes (bm25() is negative; larger is better). A posting's score is a
/// lower bound of its record's true single-term score, at most `slack` below it; `cutoff`
/// and `best` are exact.
struct ImpactList {
    /// (pmid, score lower bound), in ascending PMID order.
    var postings: [(Int64, Double)]
    /// The lowest score in the list, exact: no record missing from the list scores more.
    var cutoff: Double
    /// The highest score in the list, exact.
    var best: Double
    /// How far a posting's score may be below the record's true score (0 when every score is exact).
    var slack: Double
}

/// The compact format of `term_impact_list.postings` (migration `perf-9-compact-impact-lists`).
///
/// Layout, little-endian:
/// - one format byte: `0xE1` for 1-byte score levels, `0xE2` for 2-byte levels;
/// - the posting count (LEB128 varint);
/// - `best`, `cutoff` and `slack` (Float64);
/// - one level per posting (`scoreBytes` bytes each), in PMID order;
/// - the PMIDs in ascending order: the first, then each gap to the previous (LEB128 varints).
///
/// A level q stands for `cutoff + q × (best − cutoff) / maxLevel`, rounded so that it never
/// exceeds the posting's true score (the list's scores are lower bounds); `slack`, the largest
/// difference between a true score and its level's value (rounded up), bounds the error.
/// At 1 byte per level and 1–2 bytes per PMID gap a posting takes ~3 bytes instead of 12.
enum ImpactListCodec {
    /// The format byte for `scoreBytes` 1 and 2.
    static let oneByteFormat: UInt8 = 0xE1, twoByteFormat: UInt8 = 0xE2

    /// Bytes per score level in the lists `TermImpactIndex.build()` writes.
    static let defaultScoreBytes = 1

    /// A score level's value.
    @inline(__always)
    static func value(level: Int, cutoff: Double, step: Double) -> Double {
        cutoff + Double(level) * step
    }

    /// Encodes `postings` (PMIDs with their exact score magnitudes, in any order).
    static func encode(_ postings: [(pmid: Int64, score: Double)], scoreBytes: Int = defaultScoreBytes) -> Data {
        precondition(scoreBytes == 1 || scoreBytes == 2)
        let maxLevel = scoreBytes == 1 ? 255 : 65_535
        let sorted = postings.sorted { $0.pmid < $1.pmid }
        let best = sorted.map(\.score).max() ?? 0
        let cutoff = sorted.map(\.score).min() ?? 0
        let step = (best - cutoff) / Double(maxLevel)
        var levels: [Int] = []
        levels.reserveCapacity(sorted.count)
        var largestError = 0.0
        for posting in sorted {
            var level = 0
            if step > 0, step.isFinite {
                level = min(maxLevel, max(0, Int(((posting.score - cutoff) / step).rounded(.down))))
                // Division and rounding may land one level off either way: never above the score.
                while level > 0, value(level: level, cutoff: cutoff, step: step) > posting.score { level -= 1 }
                while level < maxLevel, value(level: level + 1, cutoff: cutoff, step: step) <= posting.score { level += 1 }
            }
            levels.append(level)
            largestError = max(largestError, posting.score - value(level: level, cutoff: cutoff, step: step))
        }
        // The subtraction above is rounded: widen the bound by far more than its error, so sums of
        // bounds stay on the safe side of sums of true scores.
        let slack = largestError > 0 ? largestError + max(largestError, abs(best)) * 1e-12 : 0

        var data = Data()
        data.reserveCapacity(1 + 10 + 24 + sorted.count * (scoreBytes + 2))
        data.append(scoreBytes == 1 ? oneByteFormat : twoByteFormat)
        data.appendLEB128(UInt64(sorted.count))
        for number in [best, cutoff, slack] {
            var bits = number.bitPattern.littleEndian
            Swift.withUnsafeBytes(of: &bits) { data.append(contentsOf: $0) }
        }
        for level in levels {
            data.append(UInt8(level & 0xFF))
            if scoreBytes == 2 { data.append(UInt8(level >> 8)) }
        }
        var previous: Int64 = 0
        for (index, posting) in sorted.enumerated() {
            data.appendLEB128(UInt64(bitPattern: index == 0 ? posting.pmid : posting.pmid - previous))
            previous = posting.pmid
        }
        return data
    }

    /// Decodes a list written by `encode`; `nil` for another format or a damaged blob.
    static func decode(_ data: Data) -> ImpactList? {
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> ImpactList? in
            guard raw.count > 0 else { return nil }
            let scoreBytes: Int
            switch raw[0] {
            case oneByteFormat: scoreBytes = 1
            case twoByteFormat: scoreBytes = 2
            default: return nil
            }
            var offset = 1
            guard let count = raw.readLEB128(at: &offset), count <= UInt64(raw.count) else { return nil }
            let n = Int(count)
            guard offset + 24 + n * scoreBytes <= raw.count else { return nil }
            func float(at position: Int) -> Double {
                Double(bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: position, as: UInt64.self)))
            }
            let best = float(at: offset), cutoff = float(at: offset + 8), slack = float(at: offset + 16)
            offset += 24
            let maxLevel = scoreBytes == 1 ? 255 : 65_535
            let step = (best - cutoff) / Double(maxLevel)
            let levelsStart = offset
            offset += n * scoreBytes
            var postings: [(Int64, Double)] = []
            postings.reserveCapacity(n)
            var pmid: Int64 = 0
            for index in 0..<n {
                guard let gap = raw.readLEB128(at: &offset) else { return nil }
                pmid = index == 0 ? Int64(bitPattern: gap) : pmid &+ Int64(bitPattern: gap)
                var level = Int(raw[levelsStart + index * scoreBytes])
                if scoreBytes == 2 { level |= Int(raw[levelsStart + index * 2 + 1]) << 8 }
                let score = step > 0 && step.isFinite ? value(level: level, cutoff: cutoff, step: step) : cutoff
                postings.append((pmid, score))
            }
            guard offset == raw.count else { return nil }
            return ImpactList(postings: postings, cutoff: cutoff, best: best, slack: slack)
        }
    }
}
