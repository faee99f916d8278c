/// A lexicon with its phrase matchers built once, ready for matching many sentences.
public struct CompiledLexicon: Sendable {
    /// The lexicon.
    public let lexicon: Lexicon
    /// Concepts by id.
    public let conceptsByID: [String: LexiconConcept]
    /// Matches every concept term (article and evidence forms); payload is the concept id.
    public let concepts: PhraseMatcher<String>
    /// Matches the phrases in which a concept's terms mean something else; payload is the concept id.
    public let exclusions: PhraseMatcher<String>
    /// Matches claim-type cues; payload is the `ClaimType` raw value.
    public let claimCues: PhraseMatcher<String>
    /// Matches skip cues; payload is "reason\tphrase".
    public let skipCues: PhraseMatcher<String>
    /// Matches vague phrases; payload is the phrase.
    public let vagueCues: PhraseMatcher<String>
    /// Matches vague time phrases; payload is the index in `lexicon.vagueQuantities`.
    public let vagueQuantities: PhraseMatcher<Int>
    /// Claim-type priority, best first.
    public let typePriority: [ClaimType]

    /// Compiles `lexicon`.
    public init(_ lexicon: Lexicon) {
        self.lexicon = lexicon
        let all = lexicon.allConcepts
        var byID: [String: LexiconConcept] = [:]
        for concept in all { byID[concept.id] = concept }
        conceptsByID = byID
        concepts = PhraseMatcher(all.flatMap { concept in concept.allTerms.map { ($0, concept.id) } })
        exclusions = PhraseMatcher(all.flatMap { concept in (concept.notIn ?? []).map { ($0, concept.id) } })
        claimCues = PhraseMatcher(lexicon.claimCues.flatMap { type, cues in cues.map { ($0, type) } })
        skipCues = PhraseMatcher(lexicon.skipCues.flatMap { cue in cue.phrases.map { ($0, "\(cue.reason)\t\($0)") } })
        vagueCues = PhraseMatcher((lexicon.vagueCues ?? []).map { ($0, $0) })
        // Whole words, not stems: "days" is a vague span of time, "on the day of treatment" is not.
        vagueQuantities = PhraseMatcher((lexicon.vagueQuantities ?? []).enumerated().map { ($0.element.phrase, $0.offset) }, foldedWords: true)
        let priority = (lexicon.typePriority ?? []).compactMap(ClaimType.init(rawValue:))
        typePriority = priority + ClaimType.allCases.filter { !priority.contains($0) }
    }

    /// The concept matches in `tokens`, longest first, without overlaps; a term inside one of its
    /// concept's `notIn` phrases is left out.
    public func conceptMatches(in tokens: [WordToken]) -> [PhraseMatch<String>] {
        let matches = concepts.matches(in: tokens)
        guard !exclusions.isEmpty, !matches.isEmpty else { return matches }
        let excluded = exclusions.matches(in: tokens, overlapping: true)
        guard !excluded.isEmpty else { return matches }
        return matches.filter { match in
            !excluded.contains { $0.payload == match.payload && $0.tokenRange.clamped(to: match.tokenRange) == match.tokenRange }
        }
    }

    /// The concept with `id`.
    public func concept(_ id: String) -> LexiconConcept? { conceptsByID[id] }

    /// Whether `specific` is `general` or lies under it (esketamine under ketamine).
    public func isSameOrNarrower(_ specific: String, than general: String) -> Bool {
        var current: String? = specific
        var steps = 0
        while let id = current, steps < 8 {
            if id == general { return true }
            current = conceptsByID[id]?.broader
            steps += 1
        }
        return false
    }

    /// A time unit's length in seconds, by canonical name.
    public func seconds(ofUnit unit: String) -> Double? {
        let units = lexicon.units.isEmpty ? NumberExtractor.defaultUnits : lexicon.units
        return units.first { $0.unit == unit }?.seconds
    }
}
