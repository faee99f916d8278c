import Foundation
import PubMed

/// Links claims to evidence: retrieves candidates, scores the sentences of their abstracts,
/// pulls and compares numbers, flags specificity mismatches, decides a stance per link and
/// weighs each link by design, sample size and year.
public final class EvidenceLinker {
    /// The compiled lexicon.
    public let lexicon: CompiledLexicon
    /// Where candidates come from.
    public let index: EvidenceIndex
    /// Stance cues.
    public let stance: StanceCues
    /// Candidates read per query.
    public var candidateLimit = 40
    /// Below this relevance (0…1) a sentence is not evidence for the claim.
    public var relevanceThreshold = 0.5
    /// How much less an aim or methods sentence counts when choosing a record's quote.
    static let reportingPreference = 0.8

    /// Whether a sentence in `role` can support or contradict `claim`: one that reports, or a
    /// method for a claim on how long something takes ("a single 40-minute infusion" is where
    /// a trial says how long its infusions last). Aims never do.
    static func bears(_ role: SentenceRole, on claim: Claim) -> Bool {
        // A trial's methods say how long its infusions last, not how long an effect lasts.
        role.reports || (role == .methods && claim.type == .duration && claim.slots.outcome == nil)
    }
    /// Citations kept per claim.
    public var maxCitations = 10
    /// Broader queries run only while fewer candidates than this were found.
    public var minimumCandidates = 20

    let numbers: NumberExtractor
    /// Words by which a title states a finding (`statesLink`), and words of time (`speaksOfTime`).
    let linkWords: Set<String>
    let timeWords: Set<String>
    let queries: EvidenceQuery
    private var cache: [PMID: RecordAnalysis] = [:]
    private var searchCache: [String: [EvidenceRecord]] = [:]
    private var idfCache: [String: Double] = [:]
    /// The setting of use each claim text scopes itself to (`UseSetting.scope(of:)`), read once per claim.
    private var settingCache: [String: UseSetting?] = [:]
    /// Per record, for the reranker: how often each stem occurs, and the title's content stems.
    private var rankingTermsCache: [PMID: (stemCounts: [String: Int], titleStems: [String])] = [:]

    /// The index's word vectors, read once (`EvidenceIndex.stemVectors()`), and each record's side of the
    /// word-similarity features.
    private var stemVectorsRead = false
    private var stemVectorsValue: (any StemVectors)?
    private var recordVectorsCache: [PMID: RankingModel.RecordVectors] = [:]

    /// The index's word vectors (nil when it has none), asked for once.
    func stemVectors() throws -> (any StemVectors)? {
        if !stemVectorsRead { stemVectorsValue = try index.stemVectors(); stemVectorsRead = true }
        return stemVectorsValue
    }

    /// A record's content-stem counts per text unit (its title first, empty without one; then each abstract
    /// sentence) and their vectors, worked out once per record.
    func recordVectors(of analysis: RecordAnalysis, vectors: some StemVectors) -> RankingModel.RecordVectors {
        if let cached = recordVectorsCache[analysis.record.pmid] { return cached }
        var units: [[String: Int]] = [[:]]
        for sentence in analysis.sentences {
            var counts: [String: Int] = [:]
            for token in sentence.tokens where token.isContentWord {
                counts[token.stem, default: 0] += 1
            }
            if sentence.sentence.location == .title { units[0].merge(counts, uniquingKeysWith: +) } else { units.append(counts) }
        }
        let result = RankingModel.RecordVectors(units: units, vectors: vectors)
        recordVectorsCache[analysis.record.pmid] = result
        return result
    }

    /// A record's stem counts (title and abstract, every word) and its title's content stems, worked
    /// out once per record however many claims rank it.
    func rankingTerms(of analysis: RecordAnalysis) -> (stemCounts: [String: Int], titleStems: [String]) {
        if let cached = rankingTermsCache[analysis.record.pmid] { return cached }
        var stemCounts: [String: Int] = [:]
        for sentence in analysis.sentences { for token in sentence.tokens { stemCounts[token.stem, default: 0] += 1 } }
        let terms = (stemCounts, Self.titleStems(analysis.record.title))
        rankingTermsCache[analysis.record.pmid] = terms
        return terms
    }

    /// A linker over `index`.
    public init(lexicon: CompiledLexicon, index: EvidenceIndex, stance: StanceCues = .english) {
        self.lexicon = lexicon
        self.index = index
        self.stance = stance
        numbers = NumberExtractor(lexicon: lexicon.lexicon)
        queries = EvidenceQuery(lexicon: lexicon)
        linkWords = Self.linkWords(stance)
        timeWords = Self.timeWords(numbers)
    }

    /// The citations for `claim`, best first (none for a claim that is not checkable).
    public func citations(for claim: Claim) throws -> [Citation] {
        guard claim.isCheckable else { return [] }
        var candidates: [PMID: EvidenceRecord] = [:]
        var order: [PMID] = []
        let expressions = queries.expressions(for: claim)
        for (position, expression) in expressions.enumerated() {
            // The last query (claim words OR-ed) is broad and slow on a large index: only when nothing narrower found anything.
            if position == expressions.count - 1, position > 0, !order.isEmpty { break }
            let records: [EvidenceRecord]
            if let cached = searchCache[expression] {
                records = cached
            } else {
                records = try index.search(ftsExpression: expression, limit: candidateLimit)
                searchCache[expression] = records
            }
            for record in records where candidates[record.pmid] == nil {
                candidates[record.pmid] = record
                order.append(record.pmid)
            }
            if order.count >= minimumCandidates { break }
        }
        let weights = try wordWeights(for: claim.text)
        var result: [Citation] = []
        for pmid in order {
            guard let record = candidates[pmid] else { continue }
            let analysis = self.analysis(of: record)
            if let citation = bestCitation(for: claim, in: analysis, weights: weights) { result.append(citation) }
        }
        result.sort { ($0.stance != .mentions ? 1 : 0, $0.score, -$0.pmid.value) > ($1.stance != .mentions ? 1 : 0, $1.score, -$1.pmid.value) }
        return Array(result.prefix(maxCitations))
    }

    func analysis(of record: EvidenceRecord) -> RecordAnalysis {
        if let cached = cache[record.pmid] { return cached }
        let analysis = RecordAnalysis(record: record, lexicon: lexicon, numbers: numbers, stance: stance)
        cache[record.pmid] = analysis
        return analysis
    }

    /// IDF weights of the claim's content stems, from the index's document frequencies.
    func wordWeights(for text: String) throws -> [String: Double] {
        let stems = Set(EvidenceQuery.contentWords(of: text).map(PorterStemmer.stem))
        let missing = stems.filter { idfCache[$0] == nil }
        if !missing.isEmpty {
            let (frequencies, total) = try index.documentFrequencies(of: Set(missing))
            for stem in missing {
                let df = Double(frequencies[stem] ?? 0)
                let n = Double(max(total, 1))
                idfCache[stem] = max(0.1, log((n - df + 0.5) / (df + 0.5) + 1))
            }
        }
        var weights: [String: Double] = [:]
        for stem in stems { weights[stem] = idfCache[stem] ?? 1 }
        return weights
    }

    // MARK: Scoring one record

    struct Relevance {
        var score: Double
        var interventionFound: Bool
        var focusFound: Bool
    }

    func bestCitation(for claim: Claim, in analysis: RecordAnalysis, weights: [String: Double]) -> Citation? {
        let focus = queries.focusConcepts(of: claim)
        // The quote is the most relevant sentence; one that states an aim or a method is taken
        // only when no sentence that reports comes close (within `reportingPreference`).
        var best: (sentence: RecordAnalysis.Sentence, relevance: Double, preference: Double)?
        for sentence in analysis.sentences {
            let relevance = self.relevance(of: sentence, in: analysis, claim: claim, focus: focus, weights: weights)
            let preference = relevance.score * (Self.bears(sentence.role, on: claim) ? 1 : Self.reportingPreference)
            if relevance.score >= relevanceThreshold, best == nil || preference > best!.preference {
                best = (sentence, relevance.score, preference)
            }
        }
        guard let (sentence, relevance, _) = best else { return nil }
        let flags = specificityFlags(claim: claim, analysis: analysis, sentence: sentence)
        let timeContext = sentence.numbers.first { $0.kind == .timePoint }
        var comparison: QuantityComparison?
        if let quantity = claim.slots.quantity, [.efficacy, .onset, .duration, .comparison].contains(claim.type) {
            // Percentages compare only when the sentence speaks of the claim's outcome alone
            // (a sentence on response and relapse could give either rate).
            let outcomes = Set(sentence.conceptMatches.filter { lexicon.concept($0.payload)?.slot == .outcome && lexicon.concept($0.payload)?.group != nil }.map(\.payload))
            let sameOutcome = claim.slots.outcome.map { outcomes == [$0.id] } ?? (outcomes.count <= 1)
            let comparisons = sentence.numbers
                .filter { number in quantity.kind != .percentage || (sameOutcome && !countsNonOccurrence(number, in: sentence)) }
                .compactMap { QuantityComparison.compare(claim: quantity, evidence: $0, timeContext: timeContext) }
            comparison = comparisons.min { rank($0) < rank($1) }
        }
        var (stance, confidence) = judgeStance(claim: claim, sentence: sentence, comparison: comparison, flags: flags)
        var allFlags = flags
        // No harm seen in supervised treatment does not contradict a harm claimed for frequent or
        // unsupervised use, nor does harm in recreational use contradict safety claimed under supervision.
        if stance == .contradicts, claim.type == .adverseEffect || claim.type == .safety,
           let scope = setting(of: claim), case let setting = UseSetting.of(sentence, in: analysis), setting != scope {
            stance = .mentions
            allFlags.append(scope.mismatch(with: setting))
        }
        if analysis.record.isRetracted {
            allFlags.append("retracted: never counted as support")
            if stance == .supports || stance == .mixed { stance = .mentions }
        }
        let sizeFactor = analysis.sampleSize.map { min(1, log10(Double(max($0, 1))) / 3) } ?? 0.2
        let recency = analysis.record.year.map { min(1, max(0, Double($0 - 1990) / 36)) } ?? 0.3
        var score = relevance * (0.55 + 0.3 * analysis.design.weight + 0.1 * sizeFactor + 0.05 * recency)
        if !flags.isEmpty { score *= 0.85 }
        if stance == .mentions { score *= 0.8 }
        return Citation(
            pmid: analysis.record.pmid, title: analysis.record.title, year: analysis.record.year, design: analysis.design,
            sampleSize: analysis.sampleSize, stance: stance, score: (score * 1000).rounded() / 1000,
            confidence: (confidence * 100).rounded() / 100, quote: sentence.sentence.text,
            quoteLocation: sentence.sentence.location, quoteSpan: sentence.sentence.span, numbers: sentence.numbers,
            comparison: comparison, flags: allFlags, isRetracted: analysis.record.isRetracted, method: .auto, decision: nil)
    }

    /// The setting of use `claim` scopes itself to, read from its text once.
    func setting(of claim: Claim) -> UseSetting? {
        if let known = settingCache[claim.text] { return known }
        let found = UseSetting.scope(of: claim.text)
        settingCache[claim.text] = found
        return found
    }

    /// Whether a negation stands between a percentage and the outcome it is nearest ("one-third of
    /// patients … do not achieve adequate response", "20% failed to respond"): a share of those
    /// without the outcome, not a rate of it.
    func countsNonOccurrence(_ number: ReportedNumber, in sentence: RecordAnalysis.Sentence) -> Bool {
        let outcomes = sentence.conceptMatches.filter { lexicon.concept($0.payload)?.slot == .outcome }
        guard let nearest = outcomes.min(by: { distance($0.span, number.span) < distance($1.span, number.span) }) else { return false }
        let between = number.span.end <= nearest.span.start ? TextSpan(start: number.span.end, end: nearest.span.start)
            : TextSpan(start: nearest.span.end, end: number.span.start)
        return sentence.signals.negations.contains { $0.start >= between.start && $0.end <= between.end }
    }

    /// The outcome concept mentioned nearest a number in the sentence ("34 (57.6%) … relapsed" → relapse),
    /// so a relapse rate is never compared with a claimed response rate.
    func nearestOutcome(to number: ReportedNumber, in sentence: RecordAnalysis.Sentence) -> String? {
        let outcomes = sentence.conceptMatches.filter { lexicon.concept($0.payload)?.slot == .outcome && lexicon.concept($0.payload)?.group != nil }
        return outcomes.min { a, b in
            distance(a.span, number.span) < distance(b.span, number.span)
        }?.payload
    }

    private func distance(_ a: TextSpan, _ b: TextSpan) -> Int {
        if a.end <= b.start { return b.start - a.end }
        if b.end <= a.start { return a.start - b.end }
        return 0
    }

    private func rank(_ comparison: QuantityComparison) -> Int {
        switch comparison.agreement { case .within: return 0; case .close: return 1; case .outside: return 2 }
    }

    func relevance(of sentence: RecordAnalysis.Sentence, in analysis: RecordAnalysis, claim: Claim,
                   focus: [SlotValue], weights: [String: Double]) -> Relevance {
        // Word overlap, weighted by IDF.
        var total = 0.0
        var found = 0.0
        for (stem, weight) in weights {
            total += weight
            if sentence.stems.contains(stem) { found += weight }
        }
        let lexical = total > 0 ? found / total : 0
        let slots = claim.slots
        let hasConcepts = slots.intervention != nil || !focus.isEmpty
        guard hasConcepts else { return Relevance(score: lexical, interventionFound: true, focusFound: true) }

        func family(_ id: String) -> (sentence: Bool, record: Bool, relative: Bool) {
            let inSentence = sentence.concepts.contains { lexicon.isSameOrNarrower($0, than: id) }
            let inRecord = analysis.concepts.contains { lexicon.isSameOrNarrower($0, than: id) }
            // A sibling or parent in the same group (esketamine for a ketamine claim, ketamine for esketamine).
            let group = lexicon.concept(id)?.group
            let relative = group != nil && analysis.concepts.contains { lexicon.concept($0)?.group == group }
            return (inSentence, inRecord, relative)
        }
        var interventionScore = 1.0
        var interventionFound = true
        if let intervention = slots.intervention {
            let f = family(intervention.id)
            interventionScore = f.sentence ? 1 : (f.record ? 0.7 : (f.relative ? 0.5 : 0))
            interventionFound = f.sentence || f.record || f.relative
        }
        var focusScore = 1.0
        var focusFound = true
        if !focus.isEmpty {
            let hits = focus.filter { concept in sentence.concepts.contains { lexicon.isSameOrNarrower($0, than: concept.id) } }.count
            focusScore = Double(hits) / Double(focus.count)
            focusFound = hits > 0
        } else {
            // No lexicon concept to focus on: the claim's own words (beyond the intervention) must be there.
            let subject = Set(slots.intervention.map { queries.familyTerms(of: $0.id).flatMap(WordTokenizer.stems(of:)) } ?? [])
            var total = 0.0, found = 0.0
            for (stem, weight) in weights where !subject.contains(stem) {
                total += weight
                if sentence.stems.contains(stem) { found += weight }
            }
            focusScore = total > 0 ? found / total : 0
            focusFound = focusScore >= 0.4
        }
        var populationScore = 0.5
        if let population = slots.population, !population.inherited {
            let f = family(population.id)
            populationScore = f.sentence ? 1 : (f.record ? 0.8 : (f.relative ? 0.4 : 0))
        }
        var quantityScore = 0.5
        var quantityWeight = 0.1
        if let quantity = slots.quantity, [.efficacy, .onset, .duration].contains(claim.type) {
            let comparable = sentence.numbers.contains {
                QuantityComparison.comparable(claim: quantity, evidence: $0) && !($0.kind == .percentage && countsNonOccurrence($0, in: sentence))
            }
            quantityScore = comparable ? 1 : 0.2
            quantityWeight = quantity.kind == .percentage ? 0.25 : 0.15
        }
        guard interventionFound, focusFound else { return Relevance(score: 0, interventionFound: interventionFound, focusFound: focusFound) }
        let score = (0.25 * interventionScore + 0.35 * focusScore + 0.1 * populationScore + quantityWeight * quantityScore
            + 0.2 * min(1, lexical * 1.5)) / (0.9 + quantityWeight)
        return Relevance(score: score, interventionFound: interventionFound, focusFound: focusFound)
    }

    // MARK: Specificity

    func specificityFlags(claim: Claim, analysis: RecordAnalysis, sentence: RecordAnalysis.Sentence) -> [String] {
        var flags: [String] = []
        let slots = claim.slots
        for value in [slots.intervention, slots.population, slots.outcome, slots.regimen].compactMap({ $0 }) {
            guard let concept = lexicon.concept(value.id), let group = concept.group else { continue }
            let evidence = analysis.concepts.filter { lexicon.concept($0)?.group == group }
            guard !evidence.isEmpty else { continue }
            // Same concept (or one under it) present: no mismatch.
            if evidence.contains(where: { lexicon.isSameOrNarrower($0, than: value.id) && $0 == value.id }) { continue }
            if value.inherited && concept.slot != .intervention { continue }
            let narrower = evidence.filter { lexicon.isSameOrNarrower($0, than: value.id) }
            let named = (narrower.isEmpty ? evidence : narrower).compactMap { lexicon.concept($0)?.label }.sorted()
            guard !named.isEmpty else { continue }
            flags.append("evidence is about \(named.joined(separator: " / ")), claim is about \(concept.label)")
        }
        if analysis.design == .preclinical { flags.append("animal or preclinical study") }
        return flags
    }

    // MARK: Stance

    func judgeStance(claim: Claim, sentence: RecordAnalysis.Sentence, comparison: QuantityComparison?, flags: [String]) -> (Stance, Double) {
        let signals = sentence.signals
        let claimNegated = claim.slots.negated
        // A question (often a title) asks; it does not report. Nor does an aim or a method.
        if sentence.sentence.text.hasSuffix("?") || !Self.bears(sentence.role, on: claim) { return (.mentions, 0.2) }
        if let comparison, claim.slots.outcome == nil || sentence.concepts.contains(claim.slots.outcome!.id) {
            let isPercent = comparison.evidence.kind == .percentage
            switch comparison.agreement {
            case .within: return (.supports, isPercent ? 0.85 : 0.7)
            case .close: return (.supports, isPercent ? 0.6 : 0.5)
            case .outside:
                // A percentage of the same outcome far outside the claim contradicts it; a time far off
                // is more likely about something else (a follow-up visit, a dosing schedule).
                if isPercent { return (signals.hasContrast ? .mixed : .contradicts, 0.55) }
                return (.mentions, 0.3)
            }
        }
        // A time far from the claimed one is about something else, whatever outcome the sentence names.
        if let comparison, comparison.agreement == .outside, comparison.evidence.kind != .percentage { return (.mentions, 0.3) }
        if signals.isNullResult, nullResultBears(on: claim, in: sentence) {
            if claimNegated { return (.supports, 0.55) }
            // "X was not associated with response" is about a predictor or a moderator ("no significant
            // genotype effect … on MADRS reductions"), not about whether the treatment works.
            let lower = sentence.sentence.text.lowercased()
            if ["associated", "predict", "related to", "independent of", "correlat", "genotype", "polymorphism", "allele", "moderat",
                "interaction between baseline"]
                .contains(where: lower.contains) { return (.mentions, 0.3) }
            return (signals.hasContrast ? .mixed : .contradicts, 0.5)
        }
        if claimNegated {
            // A denial scoped to a population ("not approved for children") is neither supported nor
            // contradicted by a sentence about other people ("approved for adults with TRD").
            if let population = claim.slots.population, !population.inherited,
               !sentence.concepts.contains(where: { lexicon.isSameOrNarrower($0, than: population.id) }) {
                return (.mentions, 0.3)
            }
            // The claim denies something (no dependence, not an opioid): a negation of it supports;
            // a report of it affirmatively contradicts a safety claim and puts a mechanism claim in
            // doubt. A negation elsewhere in the sentence ("addictive properties …, they are not
            // readily included in routine use") does not deny it.
            if signals.isNegated, negationReachesFocus(of: claim, in: sentence, ifUnnamed: true) { return (.supports, 0.45) }
            // A sentence that does not name the treatment ("… child psychiatry, where few medications are
            // approved") cannot put a denial about it in doubt.
            guard claim.type == .safety || claim.type == .adverseEffect else {
                return namesIntervention(of: claim, in: sentence) ? (.mixed, 0.3) : (.mentions, 0.25)
            }
            let reportsIt = signals.direction >= 0 && (signals.direction > 0 || sentence.stems.contains { Self.occurrenceStems.contains($0) })
            return reportsIt ? (.contradicts, 0.45) : (.mentions, 0.25)
        }
        switch claim.type {
        case .adverseEffect, .safety:
            // "There was no case of interstitial cystitis": a negation that reaches the effect denies it.
            if signals.isNegated, negationReachesFocus(of: claim, in: sentence, ifUnnamed: false) {
                return (signals.hasContrast ? .mixed : .contradicts, 0.5)
            }
            // A title that only names the topic ("Cognitive effects of intravenous ketamine: a systematic
            // review") does not say whether the effect occurs; one that links them ("ketamine-induced
            // cystitis", "… associated with …") does.
            if sentence.role == .title, !statesLink(sentence) { return (.mentions, 0.3) }
            // "Cognitive performance … improved or remained stable": the effect's domain got better or held,
            // which is no harm. ("remained stable" is not a null phrase: in batch labels it would turn the
            // direction words after it.)
            if improvementReachesFocus(of: claim, in: sentence) { return (signals.hasContrast ? .mixed : .contradicts, 0.45) }
            return (.supports, signals.isHedged ? 0.5 : 0.65)
        case .comparison where !comparesSomething(sentence, with: claim):
            // "Ketamine, originally an anesthetic, has emerged as a treatment for TRD" names the claim's
            // words but compares nothing: it cannot bear on "a safer option than other anesthetics".
            return (.mentions, 0.3)
        case .efficacy, .onset, .comparison:
            // A sentence on another outcome of the same kind (relapse for a response claim) does not bear on it.
            if let outcome = claim.slots.outcome, let group = lexicon.concept(outcome.id)?.group,
               sentence.concepts.contains(where: { $0 != outcome.id && lexicon.concept($0)?.group == group }) {
                return (.mentions, 0.3)
            }
            // "About one-third of patients do not achieve adequate response to current treatments":
            // a negated outcome in a sentence that does not name the treatment is about something else.
            if signals.isNegated, !namesIntervention(of: claim, in: sentence), negationReachesOutcome(of: claim, in: sentence) {
                return (.mentions, 0.3)
            }
            // A title naming its topic ("Efficacy of esketamine nasal spray …", "Effect of ketamine on reward
            // processing …") does not say the treatment works; "Rapid and sustained antidepressant effects of
            // ketamine" does. A name in a subtitle saying where the results come from ("…: results from the
            // Canadian Rapid Treatment Center") is no finding, and a title linking the treatment to a harm
            // ("The association between esketamine and treatment-emergent insomnia") says nothing of efficacy.
            let findingStems = sentence.role == .title ? Self.positiveStems.subtracting(Self.topicStems) : Self.positiveStems
            let positive = signals.direction != 0 || findingTokens(of: sentence).contains { findingStems.contains($0.stem) }
                || (sentence.role == .title && statesLink(sentence) && !namesHarmTopic(sentence))
            if positive { return (signals.hasContrast ? .mixed : .supports, 0.55) }
            return (.mentions, 0.3)
        case .duration:
            // How long something lasts is borne on only by a sentence that speaks of time or of lasting
            // ("… antidepressant effects lasting one to two weeks"), not by one that only names the effect.
            return speaksOfTime(sentence) ? (.supports, 0.45) : (.mentions, 0.3)
        case .mechanism, .regulatory, .history:
            return (.supports, 0.45)
        case .general:
            return (.mentions, 0.2)
        }
    }

    /// Whether a sentence's null result is about the claim's focus: true unless every mention of the
    /// focus is cut off from every null phrase by a finding of its own, a contrast or a semicolon
    /// ("Except for hallucinations, which were higher with esketamine, we found no significant
    /// difference in tolerability" reports hallucinations, not a null result on them).
    /// A sentence that does not name the focus keeps its null result.
    func nullResultBears(on claim: Claim, in sentence: RecordAnalysis.Sentence) -> Bool {
        let mentions = focusMentions(of: claim, in: sentence)
        return mentions.isEmpty || Self.nullResult(sentence.signals.nullResults, bearsOnAnyOf: mentions, in: sentence.sentence.text, cues: stance)
    }

    /// Whether a negation cue reaches a mention of the claim's outcome; false when the sentence names none.
    func negationReachesOutcome(of claim: Claim, in sentence: RecordAnalysis.Sentence) -> Bool {
        guard let outcome = claim.slots.outcome else { return false }
        let mentions = sentence.conceptMatches.filter { lexicon.isSameOrNarrower($0.payload, than: outcome.id) }.map(\.span)
        return Self.negation(sentence.signals.negations, reachesAnyOf: mentions, in: sentence.sentence.text, cues: stance)
    }

    /// Where the sentence names the claim's focus.
    func focusMentions(of claim: Claim, in sentence: RecordAnalysis.Sentence) -> [TextSpan] {
        let focus = queries.focusConcepts(of: claim)
        return sentence.conceptMatches.filter { match in focus.contains { lexicon.isSameOrNarrower(match.payload, than: $0.id) } }.map(\.span)
    }

    /// Whether a negation cue in the sentence reaches a mention of the claim's focus; `ifUnnamed` when
    /// the sentence does not name the focus.
    func negationReachesFocus(of claim: Claim, in sentence: RecordAnalysis.Sentence, ifUnnamed: Bool) -> Bool {
        let mentions = focusMentions(of: claim, in: sentence)
        guard !mentions.isEmpty else { return ifUnnamed }
        return Self.negation(sentence.signals.negations, reachesAnyOf: mentions, in: sentence.sentence.text, cues: stance)
    }

    /// Whether the sentence names the claim's intervention or a relative of it (esketamine for ketamine).
    func namesIntervention(of claim: Claim, in sentence: RecordAnalysis.Sentence) -> Bool {
        guard let intervention = claim.slots.intervention else { return true }
        let group = lexicon.concept(intervention.id)?.group
        return sentence.concepts.contains { lexicon.isSameOrNarrower($0, than: intervention.id) || (group != nil && lexicon.concept($0)?.group == group) }
    }

    /// Whether one of the negation cues `negations` ("no", "not", "without") reaches one of `mentions`:
    /// a mention after the cue, by the null-phrase rule ("no case of interstitial cystitis"); or a
    /// mention at most three words before a verbal negation ("dissociation was not observed"). Cues
    /// that only look forward ("no", "without", "free of") never reach back: "caused dissociation
    /// without serious adverse events" reports the dissociation.
    public static func negation(_ negations: [TextSpan], reachesAnyOf mentions: [TextSpan], in text: String, cues: StanceCues) -> Bool {
        let scalars = ScalarText(text)
        for negation in negations {
            let cue = scalars.string(negation).lowercased()
            for mention in mentions {
                if mention.start >= negation.end {
                    if nullResult([negation], bearsOnAnyOf: [mention], in: text, cues: cues) { return true }
                } else if mention.end <= negation.start, !forwardOnlyNegations.contains(cue) {
                    let between = WordTokenizer.tokens(of: ScalarText(scalars.string(TextSpan(start: mention.end, end: negation.start))))
                    if between.count <= 3, nullResult([negation], bearsOnAnyOf: [mention], in: text, cues: cues) { return true }
                }
            }
        }
        return false
    }

    /// Negation cues whose scope runs only forward, to the words after them.
    static let forwardOnlyNegations: Set<String> = ["no", "without", "free of", "absence", "absent", "lack", "lacks", "lacked",
                                                    "none", "neither", "nor", "rather than", "unlike"]

    /// Whether one of `nullResults` reaches one of `mentions` in `text`: nothing between them that
    /// reports its own direction, turns with a contrast, or ends a clause with a semicolon. A null
    /// phrase more than a few words after the mention does not reach it when the mention is already
    /// the object of a direction word earlier in its clause ("Esketamine increased sedation (RR 3.70),
    /// dissociation (RR 2.36) …, with no increase in serious adverse events" reports more sedation;
    /// "sedation did not differ" stays a null result on sedation).
    public static func nullResult(_ nullResults: [TextSpan], bearsOnAnyOf mentions: [TextSpan], in text: String, cues: StanceCues) -> Bool {
        let scalars = ScalarText(text)
        for null in nullResults {
            for mention in mentions {
                if mention.end <= null.start, governed(mention, before: null, in: scalars, cues: cues) { continue }
                let gap = mention.end <= null.start ? TextSpan(start: mention.end, end: null.start)
                    : (null.end <= mention.start ? TextSpan(start: null.end, end: mention.start) : TextSpan(start: 0, end: 0))
                if gap.length <= 0 { return true }
                let between = scalars.string(gap)
                if between.contains(";") || Self.opensClause(between) { continue }
                let signals = cues.signals(in: between)
                if signals.direction != 0 || signals.increases > 0 || signals.decreases > 0 || signals.hasContrast { continue }
                return true
            }
        }
        return false
    }

    /// Whether `text` starts a new clause with a subject of its own after a comma (", they are…",
    /// ", which…"), so what stands on one side does not reach the other.
    static func opensClause(_ text: String) -> Bool {
        let lower = text.lowercased()
        return ClauseCues.subjects.union(ClauseCues.relatives).contains { lower.contains(", \($0) ") }
    }

    /// Whether `mention` is the object of a direction word a few words before it (bracketed asides
    /// skipped, so a list "increased sedation (RR 3.70), dissociation (RR 2.36) and …" counts for each
    /// item), one not turned by a negation, and the null phrase after it is more than three words away.
    static func governed(_ mention: TextSpan, before null: TextSpan, in text: ScalarText, cues: StanceCues) -> Bool {
        guard WordTokenizer.tokens(of: ScalarText(text.string(TextSpan(start: mention.end, end: null.start)))).count > 3 else { return false }
        let before = text.bracketsBlanked.string(TextSpan(start: 0, end: mention.start))
        let clause = before.split(separator: ";", omittingEmptySubsequences: false).last.map(String.init) ?? before
        let near = Array(WordTokenizer.tokens(of: ScalarText(clause)).suffix(4))
        guard let direction = cues.directionWords(in: near).first else { return false }
        return !cues.negationStarts(in: near).contains { $0 < direction.tokens.lowerBound }
    }
}
