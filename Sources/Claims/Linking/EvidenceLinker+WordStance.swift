extension EvidenceLinker {
    /// Stance of a record on a claim from words alone, read from the claim, the record's finding
    /// sentence and all the record's sentences (see `wordStance(claim:finding:record:cues:)`).
    func wordStance(claim: String, sentence: RecordAnalysis.Sentence, record: RecordAnalysis) -> (Stance, Double) {
        Self.wordStance(claim: WordTokenizer.tokens(of: ScalarText(claim)), finding: sentence.signals,
                        record: record.sentences.map(\.tokens), cues: stance)
    }

    /// Stance from words alone, for a claim against one record.
    ///
    /// 1. The claim's own polarity: a negative claim ("X does not cause Y", "X is ineffective")
    ///    starts as contradicted, unless its negation only turns a direction word ("does not
    ///    increase"), which the directed terms below already read the other way.
    /// 2. The claim's directed terms (stems near a direction word, `DirectedTerms`) are compared
    ///    with the same stems' directions in every sentence of the record (title and abstract): a
    ///    net disagreement flips the stance. Findings are often stated in a sentence other than
    ///    the best-covering one, and one sentence's stray "increased" weighs little against the
    ///    whole abstract.
    /// 3. With no net agreement either way, the claim's and the finding sentence's overall
    ///    directions (increase vs decrease) flip it when opposite.
    /// A claim with no directed terms that is negative, against a negative finding sentence ("X is
    /// ineffective" against "X did not reduce mortality"), is supported.
    /// The evidence sentence's own negations count only through its directed terms: on SciFact a
    /// negation elsewhere in the sentence was more often about something else (see
    /// docs/check-report-schema.md, "Label F1 work in session 6").
    public static func wordStance(claim: [WordToken], finding: StanceSignals, record: [[WordToken]], cues: StanceCues) -> (Stance, Double) {
        let claimSignals = cues.signals(in: claim)
        let claimTerms = DirectedTerms(tokens: claim, cues: cues)
        if claimTerms.isEmpty, claimSignals.isNegative, finding.isNegative { return (.supports, 0.5) }
        var flip = claimTerms.hasNegatedDirection ? false : claimSignals.isNegative
        let keys = Set(claimTerms.directions.keys)
        let agreement = claimTerms.isEmpty ? 0
            : record.reduce(0) { $0 + claimTerms.agreement(with: DirectedTerms(tokens: $1, cues: cues, keeping: keys)) }
        if agreement < 0 {
            flip.toggle()
        } else if agreement == 0, claimSignals.direction != 0, finding.direction != 0, claimSignals.direction != finding.direction {
            flip.toggle()
        }
        return flip ? (.contradicts, 0.4) : (.supports, 0.5)
    }

    /// `wordStance(claim:finding:record:cues:)` on text: the claim, the finding sentence and the
    /// record's sentences (the finding sentence among them).
    public static func wordStance(claim: String, finding: String, record: [String], cues: StanceCues = .english) -> Stance {
        let tokens = { (text: String) in WordTokenizer.tokens(of: ScalarText(text)) }
        return wordStance(claim: tokens(claim), finding: cues.signals(in: finding), record: record.map(tokens), cues: cues).0
    }
}
