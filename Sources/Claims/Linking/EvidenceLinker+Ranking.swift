import Foundation
import PubMed

extension EvidenceLinker {
    /// Weights of the reranking features (retrieval score, best-sentence coverage, whole-record
    /// coverage, claim word pairs, title coverage). Chosen on half of the SciFact training claims
    /// and checked on the other half; see `docs/check-report-schema.md` ("Ranking").
    public struct RankingWeights: Sendable, Hashable {
        public var retrieval = 0.7
        public var sentence = 0.7
        public var record = 0.3
        public var pairs = 0.3
        public var title = 0.2
        /// Best-sentence coverage needed before the top record gets a SUPPORT/CONTRADICT stance…
        public var labelThreshold = 0.5
        /// …or whole-record coverage.
        public var recordLabelThreshold = 0.55
        /// The learned reranker applied over the linear score (nil: rank by the linear score alone).
        public var model: RankingModel? = RankingModel.sciFact
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
        let vectors = weights.model?.readsWordVectors == true ? try stemVectors() : nil
        let claimIDF = uniqueStems.map { idf[$0] ?? 1 }
        let claimVectors = vectors.map { RankingModel.ClaimVectors(stems: uniqueStems, idf: claimIDF, vectors: $0) }

        struct Scored {
            var analysis: RecordAnalysis; var score: Double; var best: RecordAnalysis.Sentence?; var coverage: Double; var recordCoverage: Double
            var coverages: [Double]
            var candidate: RankingModel.Candidate
        }
        var scored: [Scored] = []
        for record in records {
            let analysis = self.analysis(of: record)
            func coverage(_ set: Set<String>) -> Double {
                total > 0 ? uniqueStems.filter(set.contains).map { idf[$0] ?? 1 }.reduce(0, +) / total : 0
            }
            var best: RecordAnalysis.Sentence?
            var bestCoverage = -1.0
            var coverages: [Double] = []
            // Which claim stems each sentence holds, for the sentence coverages and the reranker's
            // best coverage by two adjacent sentences.
            let held = analysis.sentences.map { sentence in uniqueStems.map(sentence.stems.contains) }
            func coverage(held: [Bool]) -> Double {
                total > 0 ? zip(uniqueStems, held).filter(\.1).map { idf[$0.0] ?? 1 }.reduce(0, +) / total : 0
            }
            for (sentence, present) in zip(analysis.sentences, held) {
                let c = coverage(held: present)
                coverages.append(c)
                if c > bestCoverage { bestCoverage = c; best = sentence }
            }
            let pairScore = pairs.isEmpty ? 0 : Double(pairs.filter(analysis.bigrams.contains).count) / Double(pairs.count)
            let recordCoverage = coverage(analysis.allStems)
            // A retracted record is shown, flagged, but never ranked as the best evidence.
            let retraction = record.isRetracted ? 0.5 : 1.0
            let titleCoverage = coverage(analysis.titleStems)
            let score = retraction * (weights.retrieval * record.retrievalScore / max(maxRetrieval, 1e-9) + weights.sentence * max(0, bestCoverage)
                + weights.record * recordCoverage + weights.pairs * pairScore + weights.title * titleCoverage)
            let adjacent = weights.model == nil ? 0
                : zip(held, held.dropFirst()).map { pair in coverage(held: zip(pair.0, pair.1).map { $0 || $1 }) }.max() ?? 0
            var stemCounts: [String: Int] = [:]
            var titlePrecision = 0.0
            if weights.model != nil {
                let terms = rankingTerms(of: analysis)
                stemCounts = terms.stemCounts
                titlePrecision = Self.titlePrecision(titleStems: terms.titleStems, claimStems: seenStems)
            }
            var candidate = RankingModel.Candidate(
                linearScore: score, retrieval: record.retrievalScore / max(maxRetrieval, 1e-9), present: uniqueStems.map(analysis.allStems.contains),
                sentenceCoverage: max(0, bestCoverage), adjacentCoverage: adjacent, titleCoverage: titleCoverage, pairShare: pairScore,
                wordCount: analysis.sentences.map(\.tokens.count).reduce(0, +), stemCounts: stemCounts, titlePrecision: titlePrecision)
            if let vectors, let claimVectors {
                candidate.wordSimilarity = RankingModel.wordSimilarity(claim: claimVectors, record: recordVectors(of: analysis, vectors: vectors))
            }
            scored.append(Scored(analysis: analysis, score: score, best: best, coverage: max(0, bestCoverage), recordCoverage: recordCoverage,
                                 coverages: coverages, candidate: candidate))
        }
        scored.sort { ($0.score, -$0.analysis.record.pmid.value) > ($1.score, -$1.analysis.record.pmid.value) }
        if let model = weights.model, !model.trees.isEmpty {
            // The learned reranker: its score replaces the linear one (rescaled to 0...1), a retracted record still halved.
            let features = RankingModel.features(of: scored.map(\.candidate), idf: claimIDF)
            let raw = features.map(model.score)
            let low = raw.min() ?? 0, high = raw.max() ?? 1
            for i in scored.indices {
                let scaled = high > low ? (raw[i] - low) / (high - low) : 1
                scored[i].score = (scored[i].analysis.record.isRetracted ? 0.5 : 1.0) * scaled
            }
            scored.sort { ($0.score, -$0.analysis.record.pmid.value) > ($1.score, -$1.analysis.record.pmid.value) }
        }
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
            guard var sentence = item.best else { continue }
            var stance = Stance.mentions
            var confidence = 0.2
            if rank == 0, item.coverage >= weights.labelThreshold || item.recordCoverage >= weights.recordLabelThreshold {
                // The stance is read from the sentence that states the finding, which is then the quote.
                if let index = Self.findingSentenceIndex(item.analysis.sentences.map(\.sentence.location), coverages: item.coverages,
                                                         signals: item.analysis.sentences.map(\.signals)) {
                    sentence = item.analysis.sentences[index]
                }
                (stance, confidence) = wordStance(claim: claim.text, sentence: sentence, record: item.analysis)
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

    /// Share of a title's unique content stems (`EvidenceQuery.contentWords`) that are among the claim's
    /// stems; 0 for a title without content words. A title about much else than the claim scores low.
    public static func titlePrecision(title: String, claimStems: Set<String>) -> Double {
        titlePrecision(titleStems: titleStems(title), claimStems: claimStems)
    }

    /// The same, from the title's content stems (`titleStems`).
    static func titlePrecision(titleStems stems: [String], claimStems: Set<String>) -> Double {
        stems.isEmpty ? 0 : Double(stems.filter(claimStems.contains).count) / Double(stems.count)
    }

    /// A title's content stems, in order.
    static func titleStems(_ title: String) -> [String] {
        EvidenceQuery.contentWords(of: title).map(PorterStemmer.stem)
    }

    /// Stance from one sentence's words alone, with a confidence: a claim and its evidence sentence
    /// disagree when exactly one of them is negative (a negation, a null result or a reversing word
    /// such as "ineffective"), flipped again when they name opposite directions (increase vs
    /// decrease). Batch labels use the record-wide `wordStance(claim:finding:record:cues:)`.
    public static func wordStance(claim: StanceSignals, evidence: StanceSignals) -> (Stance, Double) {
        var flip = claim.isNegative != evidence.isNegative
        if claim.direction != 0, evidence.direction != 0, claim.direction != evidence.direction { flip.toggle() }
        return flip ? (.contradicts, 0.4) : (.supports, 0.5)
    }

    /// Share of the best coverage the title needs to be the stance sentence: a title states the main finding.
    public static let titleStanceShare = 0.9
    /// Share of the best coverage an abstract sentence needs to be considered for the stance.
    public static let findingStanceShare = 0.8

    /// The sentence a record's stance on a claim is read from, given each sentence's field, its
    /// coverage of the claim's words and its stance signals: the title when it covers nearly as much
    /// as the best sentence; otherwise, among abstract sentences close to the best coverage, one that
    /// reports a finding (a finding word, a direction or a negation), the best-covering first.
    /// Nil when there are no sentences. (The best-covering sentence is often the aim or the methods.)
    public static func findingSentenceIndex(_ locations: [EvidenceSentence.Location], coverages: [Double], signals: [StanceSignals]) -> Int? {
        guard let best = coverages.max(), !coverages.isEmpty else { return nil }
        if let title = locations.firstIndex(of: .title), coverages[title] >= titleStanceShare * best { return title }
        let candidates = coverages.indices.filter { locations[$0] == .abstract && coverages[$0] >= findingStanceShare * best }
        guard !candidates.isEmpty else { return coverages.firstIndex(of: best) }
        return candidates.max { a, b in
            (signals[a].reportsFinding ? 1 : 0, coverages[a], -a) < (signals[b].reportsFinding ? 1 : 0, coverages[b], -b)
        }
    }
}
