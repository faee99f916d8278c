import Claims
import EvidenceTestSupport
import Foundation
import Testing

@Suite("Learned reranker: trees, features, the built-in model")
struct RankingModelTests {
    /// feature 0 <= 0.5 ? (feature 1 <= 2 ? 1 : 2) : 3
    static let tree = RankingModel.Tree(feature: [0, 1, -1, -1, -1], threshold: [0.5, 2, 0, 0, 0], left: [1, 2, -1, -1, -1],
                                        right: [4, 3, -1, -1, -1], value: [0, 0, 1, 2, 3])

    @Test("a tree sends a sample left when its feature is at most the threshold", arguments: [
        ([0.5, 2.0], 1.0), ([0.5, 2.5], 2.0), ([0.6, 0.0], 3.0), ([-1.0, 3.0], 2.0),
    ])
    func treeOutput(features: [Double], expected: Double) {
        #expect(Self.tree.output(features) == expected)
    }

    @Test("the model's score is the sum of its trees' outputs")
    func sumOfTrees() {
        let leaf = RankingModel.Tree(feature: [-1], threshold: [0], left: [-1], right: [-1], value: [0.25])
        let model = RankingModel(features: RankingModel.featureNames, trees: [Self.tree, leaf, Self.tree])
        #expect(model.score([0.6, 0]) == 6.25)
    }

    @Test("features of a claim's candidates, by hand")
    func features() throws {
        // Two stems with IDF 3 and 1; the first record holds both, the second only the common one.
        let a = RankingModel.Candidate(linearScore: 2, retrieval: 1, present: [true, true], sentenceCoverage: 0.75, adjacentCoverage: 1,
                                       titleCoverage: 0.25, pairShare: 1, wordCount: 99)
        let b = RankingModel.Candidate(linearScore: 1, retrieval: 0.5, present: [false, true], sentenceCoverage: 0.25, adjacentCoverage: 0.25,
                                       titleCoverage: 0, pairShare: 0, wordCount: 9)
        let f = RankingModel.features(of: [a, b], idf: [3, 1])
        try #require(f.count == 2 && f.allSatisfy { $0.count == RankingModel.featureNames.count })
        let named = { (row: Int, name: String) in f[row][RankingModel.featureNames.firstIndex(of: name)!] }
        #expect(named(0, "base") == 1 && named(1, "base") == 0.5)
        #expect(named(0, "base_rank") == 0 && named(1, "base_rank") == 1)
        #expect(named(0, "rec") == 1 && named(1, "rec") == 0.25)
        #expect(named(1, "rec_u") == 0.5 && named(1, "missing") == 1 && named(1, "max_idf_missing") == 3 && named(0, "max_idf_missing") == 0)
        #expect(abs(named(0, "dlen") - log(100)) < 1e-12)
        #expect(named(0, "q_len") == 2 && named(1, "q_gap") == 0.5 && named(0, "q_n80") == 1 && named(0, "q_meanidf") == 2)
        #expect(named(1, "q_top_rec") == 1 && named(1, "rec_minus_top") == -0.75)
        // The stem in both candidates gets weight 1 × log(1 / 1.05) < 0; the other 3 × log(1 / 0.55).
        let rare = 3 * log(1 / 0.55), common = log(1 / 1.05)
        #expect(abs(named(1, "cand_df_w") - common / (rare + common)) < 1e-12)
        #expect(RankingModel.features(of: [], idf: [1]).isEmpty)
    }

    static func candidate(_ linear: Double, stems: [String: Int], titlePrecision: Double = 0) -> RankingModel.Candidate {
        RankingModel.Candidate(linearScore: linear, retrieval: 1, present: [true], sentenceCoverage: 1, adjacentCoverage: 1,
                               titleCoverage: 1, pairShare: 1, wordCount: 10, stemCounts: stems, titlePrecision: titlePrecision)
    }

    @Test("similarity to the best candidates, by hand: IDF from the candidates, cosine, neighbours' scores")
    func similarities() throws {
        // x is in two of the three records (IDF ln(4 / 2.5)), y, z and w in one each (ln(4 / 1.5)).
        let a = Self.candidate(2, stems: ["x": 1, "y": 1]), b = Self.candidate(1.6, stems: ["x": 1, "z": 1])
        let c = Self.candidate(1, stems: ["w": 3], titlePrecision: 0.25)
        let common = log(4 / 2.5), rare = log(4 / 1.5)
        let ab = common * common / (common * common + rare * rare)
        let s = RankingModel.similarities(of: [a, b, c], base: [1, 0.8, 0.5])
        try #require(s.count == 3)
        #expect(abs(s[0].top1 - ab) < 1e-12 && abs(s[0].top3 - ab / 2) < 1e-12 && abs(s[0].neighbours - 0.8 * ab) < 1e-12)
        #expect(abs(s[1].top1 - ab) < 1e-12 && abs(s[1].top3 - ab / 2) < 1e-12 && abs(s[1].neighbours - ab) < 1e-12)
        #expect(s[2].top1 == 0 && s[2].top3 == 0 && s[2].neighbours == 0)
        // A repeated stem weighs 1 + ln(tf): a record compared with itself would be 1, so a copy of a is at cosine 1.
        let copy = RankingModel.similarities(of: [a, Self.candidate(1, stems: ["x": 1, "y": 1])], base: [1, 1])
        #expect(abs(copy[0].top1 - 1) < 1e-12 && abs(copy[1].neighbours - 1) < 1e-12)
        // The features carry them, and the title precision, at the end.
        let f = RankingModel.features(of: [a, b, c], idf: [1])
        let named = { (row: Int, name: String) in f[row][RankingModel.featureNames.firstIndex(of: name)!] }
        #expect(named(1, "cos_top1") == s[1].top1 && named(0, "cos_top3") == s[0].top3 && named(0, "nbr3") == s[0].neighbours)
        #expect(named(2, "tit_prec") == 0.25 && named(0, "tit_prec") == 0)
        #expect(RankingModel.similarities(of: [a], base: [1]).map(\.top1) == [0])
    }

    @Test("only the best 20 candidates by the linear score are neighbours")
    func similarityDepth() {
        // 25 records, all alike but the last five, which share a stem only with each other.
        let alike = (0..<20).map { Self.candidate(Double(40 - $0), stems: ["p": 1, "q": 1, "k\($0)": 1]) }
        let late = (0..<5).map { Self.candidate(Double(5 - $0), stems: ["r": 1, "s": 1]) }
        let s = RankingModel.similarities(of: alike + late, base: (0..<25).map { 1 - Double($0) / 25 })
        #expect(s[20].top1 == 0 && s[24].neighbours == 0)
        #expect(s[0].top1 > 0)
    }

    @Test("coverage expanded by the nearest candidates, by hand")
    func expandedCoverage() throws {
        // Claim stems with IDF 3 and 1. a holds both; b holds the common one and resembles a; c holds the
        // rare one and resembles no one; d holds neither and shares one word with a and b.
        func candidate(_ present: [Bool], _ stems: [String: Int]) -> RankingModel.Candidate {
            RankingModel.Candidate(linearScore: 1, retrieval: 1, present: present, sentenceCoverage: 0, adjacentCoverage: 0, titleCoverage: 0,
                                   pairShare: 0, wordCount: 10, stemCounts: stems)
        }
        let a = candidate([true, true], ["x": 1, "y": 1, "k": 1])
        let b = candidate([false, true], ["x": 1, "y": 1, "m": 1])
        let c = candidate([true, false], ["z": 1])
        let d = candidate([false, false], ["x": 1, "q": 1])
        let cos = RankingModel.cosines(of: [a, b, c, d])
        let e = RankingModel.expandedCoverage(of: [a, b, c, d], cosines: cos, idf: [3, 1])
        // b: nearest three are a (cos ab), d (cos bd) and c (0); the rare stem is in a and c.
        let ab = cos[1][0], bd = cos[1][3]
        #expect(ab > bd && bd > 0 && cos[1][2] == 0)
        let share: Double = ab / (ab + bd)
        let expectedCoverage: Double = (3 * share + 1) / 4
        let expectedGain: Double = 3 * share / 4
        #expect(abs(e[1].coverage - expectedCoverage) < 1e-12)
        #expect(abs(e[1].gain - expectedGain) < 1e-12)
        // a holds every stem: nothing to gain. c, alike to no one, gains nothing either.
        #expect(e[0].coverage == 1 && e[0].gain == 0)
        #expect(e[2].gain == 0 && e[2].coverage == 0.75)
        // The features carry them after the session-7 ones, before the word-similarity ones.
        let f = RankingModel.features(of: [a, b, c, d], idf: [3, 1])
        let named = { (row: Int, name: String) in f[row][RankingModel.featureNames.firstIndex(of: name)!] }
        #expect(named(1, "exp_cov") == e[1].coverage && named(1, "exp_gain") == e[1].gain)
        #expect(Array(RankingModel.featureNames.prefix(RankingModel.featuresWithoutVectors).suffix(2)) == ["exp_cov", "exp_gain"])
    }

    @Test("title precision: the share of the title's content stems that are the claim's")
    func titlePrecision() {
        let claim: Set<String> = ["ketamin", "depress"]
        #expect(EvidenceLinker.titlePrecision(title: "Ketamine for depression: a trial", claimStems: claim) == 2.0 / 3)
        #expect(EvidenceLinker.titlePrecision(title: "Ketamine and depression in 2019", claimStems: claim) == 1)
        #expect(EvidenceLinker.titlePrecision(title: "", claimStems: claim) == 0)
    }

    @Test("the built-in model decodes, with evidence's features and 200 trees that differ")
    func builtIn() throws {
        let model = RankingModel.sciFact
        #expect(model.features == RankingModel.featureNames)
        #expect(model.trees.count == 200)
        try model.validate(path: "built-in")
        // A strong candidate outscores a weak one.
        let a = RankingModel.Candidate(linearScore: 2, retrieval: 1, present: [true, true], sentenceCoverage: 1, adjacentCoverage: 1,
                                       titleCoverage: 1, pairShare: 1, wordCount: 200)
        let b = RankingModel.Candidate(linearScore: 0.5, retrieval: 0.2, present: [false, true], sentenceCoverage: 0.1, adjacentCoverage: 0.1,
                                       titleCoverage: 0, pairShare: 0, wordCount: 200)
        let f = RankingModel.features(of: [a, b], idf: [5, 1])
        #expect(model.score(f[0]) > model.score(f[1]))
    }

    @Test("a model file with other features or a broken tree is refused, naming the file")
    func refusesBadFiles() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let wrongFeatures = dir.url.appendingPathComponent("features.json")
        try Data(#"{"features":["x"],"trees":[]}"#.utf8).write(to: wrongFeatures)
        #expect(throws: RankingModel.ModelError.self) { try RankingModel.load(path: wrongFeatures.path) }
        let names = String(decoding: try JSONEncoder().encode(RankingModel.featureNames), as: UTF8.self)
        let badChild = dir.url.appendingPathComponent("child.json")
        try Data(#"{"features":\#(names),"trees":[{"feature":[0],"threshold":[1],"left":[0],"right":[0],"value":[0]}]}"#.utf8).write(to: badChild)
        do { _ = try RankingModel.load(path: badChild.path); Issue.record("accepted a tree whose node points at itself") } catch let error as RankingModel.ModelError {
            #expect(error.description.contains("child.json") && error.description.contains("tree 0"))
        }
        // A model of an earlier, shorter feature list (session 6's 19 features) is still read; other lists are not.
        let older = dir.url.appendingPathComponent("older.json")
        try JSONEncoder().encode(RankingModel(features: Array(RankingModel.featureNames.prefix(19)), trees: [Self.tree])).write(to: older)
        #expect(try RankingModel.load(path: older.path).trees == [Self.tree])
        let shuffled = dir.url.appendingPathComponent("shuffled.json")
        try JSONEncoder().encode(RankingModel(features: Array(RankingModel.featureNames.prefix(19).reversed()), trees: [Self.tree])).write(to: shuffled)
        #expect(throws: RankingModel.ModelError.self) { try RankingModel.load(path: shuffled.path) }
        let good = dir.url.appendingPathComponent("good.json")
        try JSONEncoder().encode(RankingModel(features: RankingModel.featureNames, trees: [Self.tree])).write(to: good)
        #expect(try RankingModel.load(path: good.path).trees == [Self.tree])
    }

    @Test("the built-in model knows every SciFact training claim it was trained on",
          .enabled(if: SharedData.isAvailable("eval/scifact/claims_train.jsonl")))
    func trainingClaims() throws {
        let claims = try EvaluationMetrics.readClaims(path: try SharedData.url("eval/scifact/claims_train.jsonl").path)
        #expect(claims.count == 809)
        #expect(RankingModel.sciFact.trainedOn(claims.map(\.claim)) == claims.count)
        #expect(RankingModel.sciFact.trainedOn(claims.map { $0.claim + " (reworded)" }) == 0)
    }
}
