/// What a sentence says beyond its concepts, as the stances read it: whether it states a finding or
/// only names a topic, speaks of time, compares, or says that a function got better or held.
extension EvidenceLinker {
    /// Whether a sentence (a title, mostly) states a link or a finding, rather than only naming a topic:
    /// a direction word, a negation, a null result, a finding word of the stance cues or a causal word
    /// ("ketamine-related deaths", "… associated with …"). "Results from a randomized trial" labels a
    /// report; it links nothing.
    func statesLink(_ sentence: RecordAnalysis.Sentence) -> Bool {
        let signals = sentence.signals
        if signals.increases + signals.decreases > 0 || signals.isNegated || signals.isNullResult { return true }
        return sentence.tokens.contains { linkWords.contains($0.folded) }
    }

    /// The finding words of `cues` that do not label a report's parts, and words that link a cause and an effect.
    static func linkWords(_ cues: StanceCues) -> Set<String> {
        Set(cues.findings).subtracting(["results", "conclusion", "conclusions"])
            .union(["related", "induced", "caused", "causes", "linked", "attributed", "risk"])
    }

    /// Words of time: the number extractor's units shorter than a year (in abstracts years are mostly
    /// ages and periods of study, "adults (≥18 years)"), written with two letters or more ("d" is also
    /// Cohen's d); and words of lasting.
    static func timeWords(_ numbers: NumberExtractor) -> Set<String> {
        Set(numbers.timeUnits.filter { $0.key.count >= 2 && $0.value.seconds < 31_557_600 }.keys)
            .union(["lasting", "lasted", "lasts", "sustained", "persisted", "persistent", "persist", "persists", "durable", "duration",
                    "transient", "transiently", "resolved", "resolve", "resolves", "wore", "wear", "wears", "prolonged"])
    }

    /// Whether a sentence states a time or speaks of how long something lasts.
    func speaksOfTime(_ sentence: RecordAnalysis.Sentence) -> Bool {
        sentence.numbers.contains { $0.kind == .duration || $0.kind == .timePoint }
            || sentence.tokens.contains { timeWords.contains($0.folded) }
    }

    /// Words saying a function got better or held, and words saying it got worse.
    static let improvementWords: Set<String> = ["improved", "improves", "improve", "improvement", "improvements", "enhanced", "better",
                                                "stable", "preserved"]
    static let harmWords: Set<String> = ["impaired", "impairment", "impairments", "impair", "impairs", "decline", "declined", "worsened",
                                         "worsening", "worse", "deficit", "deficits", "deteriorated", "deterioration", "reduced", "decreased"]

    /// Whether the sentence says the domain of the claim's harm got better or held: such a word at most
    /// eight words after a mention of the focus or two before it ("cognitive performance of patients
    /// improved", "improved cognitive function"), with no word of harm in the sentence.
    func improvementReachesFocus(of claim: Claim, in sentence: RecordAnalysis.Sentence) -> Bool {
        let tokens = sentence.tokens
        guard !tokens.contains(where: { Self.harmWords.contains($0.folded) }) else { return false }
        for mention in focusMentions(of: claim, in: sentence) {
            guard let first = tokens.firstIndex(where: { $0.span.start >= mention.start }),
                  let last = tokens.lastIndex(where: { $0.span.end <= mention.end }) else { continue }
            let window = max(0, first - 2)..<min(tokens.count, last + 9)
            if window.contains(where: { Self.improvementWords.contains(tokens[$0].folded) }) { return true }
        }
        return false
    }

    /// Words by which a sentence compares one thing with another.
    static let comparativeWords: Set<String> = ["than", "compared", "comparing", "comparison", "versus", "vs", "relative", "unlike",
                                                "superior", "inferior", "noninferior", "similar", "comparable", "equivalent", "fewer",
                                                "safer", "faster", "slower", "better", "worse", "alternative", "whereas"]

    /// Whether `sentence` compares the treatment with something: it names the claim's comparator, or
    /// uses a comparative word. A comparison among forms of the treatment alone ("esketamine … 1.5 times
    /// greater anesthetic efficacy than arketamine") does not bear on a claim that compares it with
    /// something else ("a safer option than other anesthetics").
    func comparesSomething(_ sentence: RecordAnalysis.Sentence, with claim: Claim) -> Bool {
        if let comparator = claim.slots.comparator {
            if sentence.concepts.contains(where: { lexicon.isSameOrNarrower($0, than: comparator.id) }) { return true }
        } else if let intervention = claim.slots.intervention, let group = lexicon.concept(intervention.id)?.group {
            let forms = sentence.concepts.filter { lexicon.concept($0)?.group == group }
            let others = sentence.concepts.contains { lexicon.concept($0)?.slot == .comparator }
            if forms.count >= 2, !others { return false }
        }
        return sentence.tokens.contains { Self.comparativeWords.contains($0.folded) }
    }

    /// Stems of words reporting that an effect occurs ("associated", "cases", "incidence", "common").
    static let occurrenceStems: Set<String> = ["associ", "risk", "case", "incid", "occur", "frequent", "common"]

    /// Words that, after a title's colon, begin a subtitle saying where the results come from ("results
    /// from", "a secondary analysis of", "data from"), and the words that may follow them.
    static let sourceWords: Set<String> = ["results", "result", "data", "findings", "evidence", "insights", "lessons", "experience",
                                           "experiences", "report", "analysis", "analyses"]
    static let sourceLinks: Set<String> = ["from", "of", "in"]

    /// The sentence's words that can state its finding: for a title, those before a subtitle naming where
    /// the results come from ("…: results from the Canadian Rapid Treatment Center of Excellence"), whose
    /// words are a name; for other sentences, all of them.
    func findingTokens(of sentence: RecordAnalysis.Sentence) -> ArraySlice<WordToken> {
        let tokens = sentence.tokens
        guard sentence.role == .title, tokens.count > 2 else { return tokens[...] }
        let text = ScalarText(sentence.sentence.text)
        for index in 1..<tokens.count
        where text.string(TextSpan(start: tokens[index - 1].span.end, end: tokens[index].span.start)).contains(":") {
            // The source word among the subtitle's first three words ("a pooled analysis of"), then "from"/"of".
            for offset in index..<min(index + 3, tokens.count - 1)
            where Self.sourceWords.contains(tokens[offset].folded) && Self.sourceLinks.contains(tokens[offset + 1].folded) {
                return tokens[..<index]
            }
        }
        return tokens[...]
    }

    /// Stems of words naming harm as a topic: adverse, treatment-emergent, safety, tolerability, toxicity,
    /// side (effects). (`harmWords` are words saying a function got worse.)
    static let harmTopicStems: Set<String> = ["advers", "emerg", "safeti", "toler", "toxic", "side"]

    /// Whether the sentence names harm as its topic (adverse or treatment-emergent events, safety, tolerability).
    func namesHarmTopic(_ sentence: RecordAnalysis.Sentence) -> Bool {
        sentence.stems.contains { Self.harmTopicStems.contains($0) }
    }

    /// Stems of positive words that, in a title, name a topic rather than report a finding ("Efficacy of …").
    static let topicStems: Set<String> = ["effect", "efficaci"]

    /// Stems of words reporting a positive finding (outcome names such as "response" are not findings).
    static let positiveStems: Set<String> = ["signific", "efficaci", "effect", "rapid", "improv", "superior", "reduc", "benefit",
                                             "robust", "sustain", "achiev", "demonstr"]
}
