import Foundation

/// A learned reranker for the batch ranking: a sum of small regression trees (gradient-boosted,
/// LightGBM lambdarank) over features of each candidate record and of the claim's candidate list.
/// Trained offline by `scripts/scifact-replica/trial_session9.py exportsem` (session 8: `trial_session8.py export`, session 7:
/// `trial_session7.py export`, session 6: `trial_lambdarank.py`); see `docs/check-report-schema.md`.
public struct RankingModel: Hashable, Sendable, Codable {
    /// One regression tree as parallel node arrays; node 0 is the root.
    public struct Tree: Hashable, Sendable, Codable {
        /// The feature a node splits on, or -1 for a leaf.
        public var feature: [Int]
        /// A sample goes left when its feature value is at most this.
        public var threshold: [Double]
        /// Left child of each node (-1 for a leaf).
        public var left: [Int]
        /// Right child of each node (-1 for a leaf).
        public var right: [Int]
        /// Output of each leaf (0 for inner nodes).
        public var value: [Double]

        /// Creates a tree from its node arrays.
        public init(feature: [Int], threshold: [Double], left: [Int], right: [Int], value: [Double]) {
            self.feature = feature; self.threshold = threshold; self.left = left; self.right = right; self.value = value
        }

        /// The leaf output for one feature vector.
        public func output(_ features: [Double]) -> Double {
            var node = 0
            while node >= 0, node < feature.count, feature[node] >= 0 {
                let f = feature[node]
                let x = f < features.count ? features[f] : 0
                node = x <= threshold[node] ? left[node] : right[node]
            }
            return node >= 0 && node < value.count ? value[node] : 0
        }
    }

    /// Names of the features, in the order the trees index them (`RankingModel.featureNames`).
    public var features: [String]
    /// The trees; the score is the sum of their outputs.
    public var trees: [Tree]

    /// Fingerprints (`claimFingerprint`) of the claims the model was trained on, when known, so
    /// that an evaluation on them can say its figures are in-sample.
    public var trainingClaims: Set<UInt64>?

    /// Creates a model from its trees.
    public init(features: [String], trees: [Tree], trainingClaims: Set<UInt64>? = nil) {
        self.features = features; self.trees = trees; self.trainingClaims = trainingClaims
    }

    /// A claim's fingerprint: 64-bit FNV-1a over its ASCII letters and digits, lower-cased (so
    /// spacing, punctuation and case do not matter). `model_to_swift.py` computes the same.
    public static func claimFingerprint(_ claim: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in claim.utf8 {
            let folded: UInt8
            switch byte {
            case 0x41...0x5A: folded = byte | 0x20
            case 0x61...0x7A, 0x30...0x39: folded = byte
            default: continue
            }
            hash = (hash ^ UInt64(folded)) &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// How many of `claims` the model was trained on (0 when that is not known).
    public func trainedOn<S: Sequence>(_ claims: S) -> Int where S.Element == String {
        guard let trainingClaims, !trainingClaims.isEmpty else { return 0 }
        return claims.filter { trainingClaims.contains(Self.claimFingerprint($0)) }.count
    }

    /// Errors reading a model file.
    public enum ModelError: Error, CustomStringConvertible, Equatable {
        /// The file is not a model (with the reason).
        case invalid(path: String, reason: String)

        /// What went wrong, naming the file.
        public var description: String {
            switch self {
            case .invalid(let path, let reason): return "\(path): not a ranking model: \(reason)"
            }
        }
    }

    /// Reads a model written by `trial_session9.py exportsem` (or the earlier `trial_session8.py export`, `trial_session7.py export` and
    /// `trial_lambdarank.py`), checking its feature names and tree shapes.
    public static func load(path: String) throws -> RankingModel {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let model: RankingModel
        do { model = try JSONDecoder().decode(RankingModel.self, from: data) } catch {
            throw ModelError.invalid(path: path, reason: "\(error)")
        }
        try model.validate(path: path)
        return model
    }

    /// Checks that the features are the ones evidence computes and every tree is well formed.
    public func validate(path: String) throws {
        // A model trained on an earlier, shorter feature list (the session-6 model's 19) still reads its features by position.
        guard !features.isEmpty, features == Array(Self.featureNames.prefix(features.count)) else {
            throw ModelError.invalid(path: path, reason: "features \(features) differ from \(Self.featureNames)")
        }
        for (i, tree) in trees.enumerated() {
            let n = tree.feature.count
            guard [tree.threshold.count, tree.left.count, tree.right.count, tree.value.count].allSatisfy({ $0 == n }), n > 0 else {
                throw ModelError.invalid(path: path, reason: "tree \(i): node arrays of different lengths")
            }
            for node in 0..<n where tree.feature[node] >= 0 {
                guard tree.feature[node] < features.count, tree.left[node] > node, tree.left[node] < n,
                      tree.right[node] > node, tree.right[node] < n else {
                    throw ModelError.invalid(path: path, reason: "tree \(i), node \(node): bad feature or child index")
                }
            }
        }
    }

    /// The model's score for one candidate's feature vector (higher ranks first).
    public func score(_ features: [Double]) -> Double {
        trees.reduce(0) { $0 + $1.output(features) }
    }

    /// The features, in order: the linear score over the top one, the rank by it (0-based), bm25 over
    /// the best, IDF-weighted coverage of the claim's stems by the record, its best sentence, its title,
    /// share of the claim's adjacent stem pairs found, unweighted record coverage, stems missing, the
    /// largest IDF of a missing stem, log(1 + record length in words), best coverage by two adjacent
    /// sentences; then the claim's stem count, 1 − the runner-up's linear score, candidates with record
    /// coverage ≥ 0.8, mean IDF of the claim's stems, the best record coverage; the record coverage
    /// minus the best; coverage with stems weighted by IDF × log(1 / (share of candidates holding it + 0.05));
    /// since session 7, the record's similarity to the best candidates by the linear score (`similarities`:
    /// cosine to the best other one, mean cosine to the best three others, and the linear scores of its
    /// three nearest among the top 20, each times its cosine) and the title's precision (share of the title's
    /// content stems that are the claim's); since session 8, the coverage expanded by the record's three
    /// nearest candidates and its gain over the record's own coverage (`expandedCoverage`); since session 9,
    /// the word-similarity features from the index's word vectors (`WordSimilarity`, 0 without vectors).
    public static let featureNames = ["base", "base_rank", "bm", "rec", "sent", "tit", "pairs", "rec_u", "missing", "max_idf_missing",
                                      "dlen", "sent2", "q_len", "q_gap", "q_n80", "q_meanidf", "q_top_rec", "rec_minus_top", "cand_df_w",
                                      "cos_top1", "cos_top3", "nbr3", "tit_prec", "exp_cov", "exp_gain",
                                      "soft_rec", "soft_sent", "soft_tit", "soft_gain", "soft_missfrac", "cent_rec", "cent_sent", "cent_tit"]

    /// How many of `featureNames` come before the word-similarity ones: a model with no more features
    /// than this needs no word vectors.
    public static let featuresWithoutVectors = 25

    /// Whether the model reads the word-similarity features (and so needs the index's word vectors).
    public var readsWordVectors: Bool { features.count > Self.featuresWithoutVectors && !trees.isEmpty }

    /// What the features are computed from, for one candidate record.
    public struct Candidate: Sendable {
        /// The linear reranking score (`RankingWeights`).
        public var linearScore: Double
        /// bm25 over the best candidate's bm25.
        public var retrieval: Double
        /// Whether the record holds each of the claim's unique stems.
        public var present: [Bool]
        /// IDF-weighted coverage by the best sentence, the best two adjacent sentences and the title.
        public var sentenceCoverage: Double, adjacentCoverage: Double, titleCoverage: Double
        /// Share of the claim's adjacent stem pairs found adjacent in the record.
        public var pairShare: Double
        /// Words in the title and abstract.
        public var wordCount: Int
        /// How often each stem occurs in the title and abstract (every word, stop words and numbers included).
        public var stemCounts: [String: Int]
        /// Share of the title's unique content stems that are the claim's (0 without a title).
        public var titlePrecision: Double
        /// The word-similarity features (`WordSimilarity.none` without word vectors).
        public var wordSimilarity: WordSimilarity = .none

        /// Creates a candidate's raw features.
        public init(linearScore: Double, retrieval: Double, present: [Bool], sentenceCoverage: Double, adjacentCoverage: Double,
                    titleCoverage: Double, pairShare: Double, wordCount: Int, stemCounts: [String: Int] = [:], titlePrecision: Double = 0) {
            self.linearScore = linearScore; self.retrieval = retrieval; self.present = present; self.sentenceCoverage = sentenceCoverage
            self.adjacentCoverage = adjacentCoverage; self.titleCoverage = titleCoverage; self.pairShare = pairShare; self.wordCount = wordCount
            self.stemCounts = stemCounts; self.titlePrecision = titlePrecision
        }
    }

    /// How many of the best candidates by the linear score the similarity features compare each record with.
    public static let similarityDepth = 20

    /// Each candidate's similarity to the best candidates by the linear score (given in that order), as
    /// (cosine to the best other candidate, mean cosine to the best three others, Σ over its three nearest
    /// among the best `similarityDepth` others of cosine × their `base` score). Records are vectors of
    /// (1 + ln tf) × ln((n + 1) / (df + 0.5)) over their stems, df counted among the n candidates, so no
    /// corpus statistics are needed. The cluster hypothesis: a relevant record resembles the other strong ones.
    public static func similarities(of candidates: [Candidate], base: [Double]) -> [(top1: Double, top3: Double, neighbours: Double)] {
        similarities(cosines: cosines(of: candidates), base: base)
    }

    /// The same, from the candidates' cosine matrix (`cosines(of:)`).
    static func similarities(cosines: [[Double]], base: [Double]) -> [(top1: Double, top3: Double, neighbours: Double)] {
        let n = cosines.count
        let top = Array(0..<min(similarityDepth, n))
        return (0..<n).map { i in
            let others = top.filter { $0 != i }
            guard !others.isEmpty else { return (0, 0, 0) }
            let row = others.map { cosines[i][$0] }
            let top3 = row.prefix(3)
            let nearest = row.indices.sorted { (row[$0], -$0) > (row[$1], -$1) }.prefix(3)
            return (row[0], top3.reduce(0, +) / Double(top3.count), nearest.map { row[$0] * base[others[$0]] }.reduce(0, +))
        }
    }

    /// How many nearest candidates expand a record's coverage.
    public static let expansionNeighbours = 3

    /// Each candidate's claim coverage expanded by its nearest other candidates (document expansion within
    /// the candidate list): a claim stem the record lacks counts for the cosine-weighted share of its
    /// `expansionNeighbours` nearest candidates (among all of them) holding it, IDF-weighted over the claim's
    /// stems like the record coverage; with the gain over the record's own coverage. A record that words a
    /// finding otherwise than the claim, among records that use the claim's words, gains.
    public static func expandedCoverage(of candidates: [Candidate], cosines: [[Double]], idf: [Double]) -> [(coverage: Double, gain: Double)] {
        let n = candidates.count
        let total = idf.reduce(0, +)
        let norm = total > 0 ? total : 1
        return (0..<n).map { i in
            let others = (0..<n).filter { $0 != i }
            let nearest = others.sorted { (cosines[i][$0], -$0) > (cosines[i][$1], -$1) }.prefix(expansionNeighbours)
            let weights = nearest.map { max(0, cosines[i][$0]) }
            let weightSum = weights.reduce(0, +)
            var expanded = 0.0, own = 0.0
            for (k, weight) in idf.enumerated() {
                let held = candidates[i].present[k] ? 1.0 : 0.0
                let shared = zip(nearest, weights).map { candidates[$0].present[k] ? $1 : 0 }.reduce(0, +) / (weightSum > 0 ? weightSum : 1)
                expanded += max(held, shared) * weight
                own += held * weight
            }
            return (expanded / norm, (expanded - own) / norm)
        }
    }

    /// The cosine of every pair of candidates: records are vectors of (1 + ln tf) × ln((n + 1) / (df + 0.5))
    /// over their stems, df counted among the n candidates, so no corpus statistics are needed.
    public static func cosines(of candidates: [Candidate]) -> [[Double]] {
        let n = candidates.count
        guard n > 0 else { return [] }
        var ids: [String: Int] = [:]
        var df: [Int] = []
        let counted = candidates.map { c in
            c.stemCounts.map { stem, count -> (Int, Int) in
                let id: Int
                if let known = ids[stem] { id = known } else { id = ids.count; ids[stem] = id; df.append(0) }
                df[id] += 1
                return (id, count)
            }
        }
        let idf = df.map { log((Double(n) + 1) / (Double($0) + 0.5)) }
        // Sparse unit vectors, sorted by stem id.
        let vectors: [[(Int, Double)]] = counted.map { terms in
            var v = terms.map { ($0.0, (1 + log(Double($0.1))) * idf[$0.0]) }.sorted { $0.0 < $1.0 }
            let norm = v.map { $0.1 * $0.1 }.reduce(0, +).squareRoot()
            if norm > 0 { v = v.map { ($0.0, $0.1 / norm) } }
            return v
        }
        var matrix = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        var dense = [Double](repeating: 0, count: ids.count)
        for i in 0..<n {
            for (id, w) in vectors[i] { dense[id] = w }
            matrix[i][i] = vectors[i].isEmpty ? 0 : 1
            for j in (i + 1)..<n {
                let c = vectors[j].reduce(0) { $0 + $1.1 * dense[$1.0] }
                matrix[i][j] = c
                matrix[j][i] = c
            }
            for (id, _) in vectors[i] { dense[id] = 0 }
        }
        return matrix
    }

    /// The feature vectors (`featureNames`) of a claim's candidates, given in linear-score order, and
    /// the IDF of each of the claim's unique stems.
    public static func features(of candidates: [Candidate], idf: [Double]) -> [[Double]] {
        guard !candidates.isEmpty else { return [] }
        let total = idf.reduce(0, +)
        let norm = total > 0 ? total : 1
        let top = candidates.map(\.linearScore).max() ?? 1
        let base = candidates.map { $0.linearScore / max(top, 1e-9) }
        let sortedBase = base.sorted(by: >)
        let gap = sortedBase.count > 1 ? sortedBase[0] - sortedBase[1] : 0
        let coverage = candidates.map { c in zip(c.present, idf).filter(\.0).map(\.1).reduce(0, +) / norm }
        let bestCoverage = coverage.max() ?? 0
        let n = Double(candidates.count)
        let candidateShare = idf.indices.map { i in Double(candidates.filter { $0.present[i] }.count) / n }
        let rarity = zip(idf, candidateShare).map { $0 * log(1 / ($1 + 0.05)) }
        let raritySum = rarity.reduce(0, +)
        let rarityNorm = raritySum != 0 ? raritySum : 1
        let queryFeatures = [Double(idf.count), gap, Double(coverage.filter { $0 >= 0.8 }.count),
                             idf.isEmpty ? 0 : total / Double(idf.count), bestCoverage]
        let cosines = cosines(of: candidates)
        let similar = similarities(cosines: cosines, base: base)
        let expanded = expandedCoverage(of: candidates, cosines: cosines, idf: idf)
        return candidates.enumerated().map { rank, c in
            let missing = c.present.filter { !$0 }.count
            let maxMissing = zip(c.present, idf).filter { !$0.0 }.map(\.1).max() ?? 0
            var f = [base[rank], Double(rank), c.retrieval, coverage[rank], c.sentenceCoverage, c.titleCoverage, c.pairShare,
                     idf.isEmpty ? 0 : Double(idf.count - missing) / Double(idf.count), Double(missing), maxMissing,
                     log1p(Double(c.wordCount)), c.adjacentCoverage]
            f += queryFeatures
            f += [coverage[rank] - bestCoverage, zip(c.present, rarity).filter(\.0).map(\.1).reduce(0, +) / rarityNorm]
            f += [similar[rank].top1, similar[rank].top3, similar[rank].neighbours, c.titlePrecision]
            f += [expanded[rank].coverage, expanded[rank].gain]
            f += c.wordSimilarity.values
            return f
        }
    }
}
