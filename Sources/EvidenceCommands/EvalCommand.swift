import ArgumentParser
import Claims
import EvidenceStore
import Foundation

/// `evidence eval FILE.jsonl`: scores claim linking against labelled claims, with the plain bm25 baseline.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score claim retrieval and labels against a labelled claims file (SciFact format), with a bm25 baseline.",
        discussion: """
            Each line: {"id", "claim", "evidence": {doc: "SUPPORT"|"CONTRADICT"}, "cited_doc_ids": [...]}. \
            Prints nDCG@10, recall@10 and recall@100 against cited_doc_ids, and abstract-level label \
            precision, recall and F1 (top 3 labelled predictions per claim), for evidence's ranking \
            and for plain FTS5 bm25 (claim words OR-ed, title + abstract) on the same index.
            """
    )

    @Argument(help: ArgumentHelp("The labelled claims (JSONL).", valueName: "file"))
    var file: String

    @Option(name: .customLong("lexicon"), help: ArgumentHelp("A lexicon file to use (none by default: evaluation is topic-neutral).", valueName: "file"))
    var lexicons: [String] = []

    @Option(help: "Only the first N claims.")
    var limit: Int?

    /// Which claims, by the parity of their numeric id (tune on one half, check on the other).
    enum Half: String, ExpressibleByArgument, CaseIterable { case even, odd }

    @Option(help: ArgumentHelp("Only the claims whose numeric id is even or odd (tune on one half, check on the other).", valueName: "even|odd"))
    var half: Half?

    @Option(help: ArgumentHelp("Best-sentence coverage of the claim's words (0...1) needed before the top record gets a label.", valueName: "share"))
    var labelCoverage: Double?

    @Option(help: ArgumentHelp("Whole-record coverage of the claim's words (0...1) that also lets the top record get a label.", valueName: "share"))
    var recordLabelCoverage: Double?

    @Option(help: ArgumentHelp("The learned reranker: a model file written by scripts/scifact-replica/trial_session9.py (exportsem), or 'none' for the linear score alone (default: the built-in model).", valueName: "file|none"))
    var rankingModel: String?

    @Flag(help: "Print the figures as JSON.")
    var json = false

    @Option(help: ArgumentHelp("Also write evidence's ranking, one JSON line per claim ({\"id\", \"ranked\": [[pmid, score], …]}), to this file.", valueName: "file"))
    var rankingOutput: String?

    @OptionGroup var indexOptions: IndexOptions

    func run() throws {
        try run(output: .standard())
    }

    /// Runs the command, writing to `output`.
    func run(output: CommandOutput) throws {
        guard FileManager.default.fileExists(atPath: indexOptions.index) else {
            throw ValidationError("no index at \(indexOptions.index): ingest the evaluation corpus first")
        }
        var claims = try EvaluationMetrics.readClaims(path: file)
        if let half {
            claims = claims.filter { claim in Int(claim.id).map { ($0 % 2 == 0) == (half == .even) } ?? false }
        }
        if let limit { claims = Array(claims.prefix(limit)) }
        var lexicon = Lexicon()
        for path in lexicons { lexicon = lexicon.merging(try Lexicon.load(path: path)) }
        let store = try ArticleStore(path: indexOptions.index, create: false)
        defer { store.close() }
        let index = StoreEvidenceIndex(store: store)
        index.columnWeights = [1, 1, 0, 0, 0]
        let checker = ClaimChecker(lexicon: CompiledLexicon(lexicon), index: index)
        var weights = EvidenceLinker.RankingWeights()
        if let labelCoverage { weights.labelThreshold = labelCoverage }
        if let recordLabelCoverage { weights.recordLabelThreshold = recordLabelCoverage }
        if let rankingModel { weights.model = rankingModel == "none" ? nil : try RankingModel.load(path: rankingModel) }

        let start = Date()
        var ours: [String: EvaluationMetrics.Prediction] = [:]
        var rankingLines: [String] = []
        let rankingEncoder = JSONEncoder()
        for claim in claims {
            let check = try checker.check(claimText: claim.claim, id: claim.id, depth: 100, weights: weights)
            if rankingOutput != nil {
                let line = RankingLine(id: claim.id, ranked: check.citations.map { [$0.pmid.description, String($0.score)] })
                rankingLines.append(String(decoding: try rankingEncoder.encode(line), as: UTF8.self))
            }
            ours[claim.id] = EvaluationMetrics.Prediction(
                ranked: check.citations.map(\.pmid.description),
                labels: check.citations.compactMap { c in
                    switch c.stance {
                    case .supports: return (c.pmid.description, "SUPPORT")
                    case .contradicts: return (c.pmid.description, "CONTRADICT")
                    default: return nil
                    }
                })
        }
        let oursSeconds = Date().timeIntervalSince(start)
        if let rankingOutput {
            try Data((rankingLines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: rankingOutput))
        }
        let baselineStart = Date()
        var baseline: [String: EvaluationMetrics.Prediction] = [:]
        for claim in claims {
            var seen = Set<String>()
            let words = WordTokenizer.tokens(of: ScalarText(claim.claim)).map(\.folded).filter { seen.insert($0).inserted }
            guard let expression = EvidenceQuery.anyOf(words) else { continue }
            let records = try index.search(ftsExpression: "{title abstract} : " + expression, limit: 100)
            baseline[claim.id] = EvaluationMetrics.Prediction(ranked: records.map(\.pmid.description), labels: [])
        }
        let baselineSeconds = Date().timeIntervalSince(baselineStart)
        // Figures on claims the reranker learned from are in-sample: say so, with how many.
        let inSample = weights.model?.trainedOn(claims.map(\.claim)) ?? 0
        // The word vectors the reranker read: built now (and stored) or loaded.
        let vectors = index.wordVectorsOutcome.map { outcome in
            VectorsFigures(source: outcome.source.rawValue, seconds: outcome.seconds, stems: try? index.wordVectors()?.count,
                           records: outcome.figures?.records)
        }
        let oursMetrics = EvaluationMetrics.score(claims, predictions: ours)
        let baselineMetrics = EvaluationMetrics.score(claims, predictions: baseline)
        if json {
            struct Figures: Encodable {
                var evidence: EvaluationMetrics; var bm25: EvaluationMetrics; var seconds: [String: Double]
                /// Claims the ranking model was trained on (its figures on them are in-sample).
                var claimsInModelTraining: Int
                /// The word vectors the reranker read (absent when it read none).
                var wordVectors: VectorsFigures?
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            let data = try encoder.encode(Figures(evidence: oursMetrics, bm25: baselineMetrics,
                                                  seconds: ["evidence": oursSeconds, "bm25": baselineSeconds],
                                                  claimsInModelTraining: inSample, wordVectors: vectors))
            output.write(String(decoding: data, as: UTF8.self) + "\n")
            return
        }
        func row(_ name: String, _ m: EvaluationMetrics, _ seconds: Double, labels: Bool) -> String {
            let f = { (x: Double) in String(format: "%.3f", x) }
            return [name.padding(toLength: 10, withPad: " ", startingAt: 0), f(m.ndcg10), f(m.recall10), f(m.recall100),
                    labels ? f(m.labelPrecision) : "  -  ", labels ? f(m.labelRecall) : "  -  ", labels ? f(m.labelF1) : "  -  ",
                    String(format: "%.1f s", seconds)].joined(separator: "  ")
        }
        var text = "\(claims.count) \(half.map { "\($0.rawValue)-numbered " } ?? "")claims from \(file) on \(indexOptions.index)\n"
        text += "system      nDCG@10  R@10   R@100  labelP labelR labelF1  time\n"
        text += row("evidence", oursMetrics, oursSeconds, labels: true) + "\n"
        text += row("bm25", baselineMetrics, baselineSeconds, labels: false) + "\n"
        text += String(format: "nDCG@10 difference: %+.3f\n", oursMetrics.ndcg10 - baselineMetrics.ndcg10)
        if let vectors {
            let stems = vectors.stems.map { " (\($0) stems)" } ?? ""
            text += vectors.source == WordVectorsOutcome.Source.built.rawValue
                ? "word vectors: built from the index's \(vectors.records ?? 0) records\(stems) in "
                    + String(format: "%.1f s", vectors.seconds) + " (included in evidence's time) and stored in it\n"
                : "word vectors: read from the index\(stems) in " + String(format: "%.2f s", vectors.seconds) + "\n"
        }
        if inSample > 0 {
            text += """
                note: \(inSample) of these \(claims.count) claims trained the ranking model, so evidence's figures are \
                in-sample, not an estimate for new claims. For a held-out figure pass --ranking-model none, or a model \
                trained without them (scripts/scifact-replica/trial_session9.py exportsem).

                """
        }
        output.write(text)
    }
}

/// How the reranker's word vectors were had, for `evidence eval`'s figures.
private struct VectorsFigures: Encodable {
    /// "built" (from the index's records, then stored) or "loaded".
    var source: String
    var seconds: Double
    var stems: Int?
    /// Records counted (built only).
    var records: Int?
}

/// One line of `evidence eval --ranking-output`: a claim's ranked records as [pmid, score].
private struct RankingLine: Encodable {
    var id: String
    var ranked: [[String]]
}
