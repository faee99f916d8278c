import Foundation
import PubMed

extension EvidenceLinker {
    /// Weights of the reranking features (retrieval score, best-sentence coverage, whole-record
    /// coverage, claim word pairs, title coverage). Chosen on half of the SciFact training claims
    /// and checked on the other half; see `docs/check-report-schema.md` ("Ranking").
    public struct RankingWeights: Sendable, Hashable {
        public var retrieval = 1.0
        public var sentence = 0.4
        public var record = 0.4
        public var pairs = 0.3
        public var title = 0.1
        /// Best-sentence coverage needed before the top record gets a SUPPORT/CONTRADICT stance…
        public var labelThreshold = 0.45
        /// …or whole-record coverage.
        public var recordLabelThreshold = 0.7
        public init() {}
    }

    /// Batch ranking: the best `depth` records for a claim, each with its best sentence, ranked by
    /// bm25 combined with sentence- and record-level coverage of the claim's words.
    ///
    /// Unlike `citations(for:)` this keeps records below the relevance threshold (as `mentions`),
    /// so retrieval can be scored; only the top record gets a stance from word evidence, and
    /// records passing the concept checks keep the concept-based stance.
    public func rankedCitations(for claim: Claim, depth: Int, weights: RankingWeights = RankingWeights()) throws -> [Citation] {
        let words = EvidenceQuery.contentWords(of: claim.text)
        var allWords: [String] = []
        var seen = Set<String>()
        for token in WordTokenizer.tokens(of: ScalarText(claim.text)) where seen.insert(token.folded).inserted { allWords.append(token.folded) }
        guard let expression = EvidenceQuery.anyOf(allWords) else { return [] }
        let records = try index.search(ftsExpression: "{title abstract} : " + expression, limit: max(depth, 100))
        guard !records.isEmpty else { return [] }
        let idf = try wordWeights(for: claim.text)
        let stems = words.map(PorterStemmer.stem)
        var uniqueStems: [String] = []
        var seenStems = Set<String>()
        for stem in stems where seenStems.insert(stem).inserted { uniqueStems.append(stem) }
        let pairs = zip(uniqueStems, uniqueStems.dropFirst()).map { $0 + " " + $1 }
        let total = uniqueStems.map { idf[$0] ?? 1 }.reduce(0, +)
        let maxRetrieval = records.map(\.retrievalScore).max() ?? 1
        let focus = queries.focusConcepts(of: claim)

        struct Scored { var analysis: RecordAnalysis; var score: Double; var best: RecordAnalysis.Sentence?; var coverage: Double; var recordCoverage: Double }
        var scored: [Scored] = []
        for record in records {
            let analysis = self.analysis(of: record)
            func coverage(_ set: Set<String>) -> Double {
                total > 0 ? uniqueStems.filter(set.contains).map { idf[$0] ?? 1 }.reduce(0, +) / total : 0
            }
            var best: RecordAnalysis.Sentence?
            var bestCoverage = -1.0
            for sentence in analysis.sentences {
                let c = coverage(sentence.stems)
                if c > bestCoverage { bestCoverage = c; best = sentence }
            }
            let pairScore = pairs.isEmpty ? 0 : Double(pairs.filter(analysis.bigrams.contains).count) / Double(pairs.count)
            let recordCoverage = coverage(analysis.allStems)
            // A retracted record is shown, flagged, but never ranked as the best evidence.
            let retraction = record.isRetracted ? 0.5 : 1.0
            let score = retraction * (weights.retrieval * record.retrievalScore / max(maxRetrieval, 1e-9) + weights.sentence * max(0, bestCoverage)
                + weights.record * recordCoverage + weights.pairs * pairScore + weights.title * coverage(analysis.titleStems))
            scored.append(Scored(analysis: analysis, score: score, best: best, coverage: max(0, bestCoverage), recordCoverage: recordCoverage))
        }
        scored.sort { ($0.score, -$0.analysis.record.pmid.value) > ($1.score, -$1.analysis.record.pmid.value) }
        let top = scored.first?.score ?? 1
        var result: [Citation] = []
        for (rank, item) in scored.prefix(depth).enumerated() {
            // Concept-based linking where the lexicon knows the claim's terms.
            if claim.slots.intervention != nil || !focus.isEmpty,
               var citation = bestCitation(for: claim, in: item.analysis, weights: idf) {
                citation.score = (item.score / max(top, 1e-9) * 1000).rounded() / 1000
                result.append(citation)
                continue
            }
            guard let sentence = item.best else { continue }
            var stance = Stance.mentions
            var confidence = 0.2
            if rank == 0, item.coverage >= weights.labelThreshold || item.recordCoverage >= weights.recordLabelThreshold {
                (stance, confidence) = wordStance(claim: claim.text, sentence: sentence)
                if item.analysis.record.isRetracted && stance == .supports { stance = .mentions }
            }
            result.append(Citation(
                pmid: item.analysis.record.pmid, title: item.analysis.record.title, year: item.analysis.record.year,
                design: item.analysis.design, sampleSize: item.analysis.sampleSize, stance: stance,
                score: (item.score / max(top, 1e-9) * 1000).rounded() / 1000, confidence: confidence,
                quote: sentence.sentence.text, quoteLocation: sentence.sentence.location, quoteSpan: sentence.sentence.span,
                numbers: sentence.numbers, comparison: nil, flags: item.analysis.record.isRetracted ? ["retracted: never counted as support"] : [],
                isRetracted: item.analysis.record.isRetracted, method: .auto, decision: nil))
        }
        return result
    }

    /// Stance from words alone: a claim and its best evidence sentence disagree when exactly one
    /// of them is negated (or reports no effect), with the verdict flipped again when they name
    /// opposite directions (increase vs decrease).
    func wordStance(claim: String, sentence: RecordAnalysis.Sentence) -> (Stance, Double) {
        let claimSignals = stance.signals(in: claim)
        let evidence = sentence.signals
        var flip = claimSignals.isNegated != (evidence.isNegated || evidence.isNullResult)
        if claimSignals.direction != 0, evidence.direction != 0, claimSignals.direction != evidence.direction { flip.toggle() }
        return flip ? (.contradicts, 0.4) : (.supports, 0.5)
    }
}
