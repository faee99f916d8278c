import EvidenceStore

/// Builds FTS5 MATCH expressions for a claim from its slots and the lexicon's synonyms.
///
/// Only escaped pieces (`FTS5Expression.string`) go into an expression, so hyphens, quotes
/// and FTS5 keywords in claim text can never become syntax.
public struct EvidenceQuery: Sendable {
    /// The compiled lexicon.
    public let lexicon: CompiledLexicon

    /// A query builder for `lexicon`.
    public init(lexicon: CompiledLexicon) {
        self.lexicon = lexicon
    }

    /// Every term of a concept and of the concepts under it (ketamine → esketamine, arketamine).
    public func familyTerms(of conceptID: String) -> [String] {
        let family = lexicon.lexicon.allConcepts.filter { lexicon.isSameOrNarrower($0.id, than: conceptID) }
        var seen = Set<String>()
        return family.flatMap(\.allTerms).filter { seen.insert(WordTokenizer.stems(of: $0).joined(separator: " ")).inserted }
    }

    /// Terms of a concept alone.
    public func terms(of conceptID: String) -> [String] {
        lexicon.concept(conceptID)?.allTerms ?? []
    }

    /// An OR of escaped phrases, or nil when there is none.
    public static func anyOf(_ phrases: [String]) -> String? {
        var seen = Set<String>()
        let pieces = phrases
            .filter { !WordTokenizer.stems(of: $0).isEmpty }
            .filter { seen.insert(WordTokenizer.stems(of: $0).joined(separator: " ")).inserted }
            .map(FTS5Expression.string)
        guard !pieces.isEmpty else { return nil }
        return pieces.count == 1 ? pieces[0] : "(" + pieces.joined(separator: " OR ") + ")"
    }

    /// AND of the non-nil parts.
    public static func allOf(_ parts: [String?]) -> String? {
        let present = parts.compactMap { $0 }
        guard !present.isEmpty else { return nil }
        return present.joined(separator: " AND ")
    }

    /// The content words of a text: folded, without stop words, numbers or one-letter words.
    public static func contentWords(of text: String) -> [String] {
        var seen = Set<String>()
        return WordTokenizer.tokens(of: ScalarText(text))
            .filter(\.isContentWord)
            .map(\.folded)
            .filter { seen.insert(PorterStemmer.stem($0)).inserted }
    }

    /// The focus concepts of a claim: what must be in an evidence sentence for it to be about the claim.
    public func focusConcepts(of claim: Claim) -> [SlotValue] {
        let slots = claim.slots
        if let effect = slots.effect { return [effect] }
        var focus: [SlotValue] = []
        switch claim.type {
        case .mechanism: focus = slots.mechanisms
        case .regulatory: focus = [slots.regulator].compactMap { $0 }
        case .efficacy, .onset: focus = [slots.outcome].compactMap { $0 }
        case .duration:
            // "wear off within a few hours": the lexicon's duration outcome is what evidence must speak of.
            if let outcome = slots.outcome, lexicon.concept(outcome.id)?.claimType == ClaimType.duration.rawValue { focus = [outcome] }
        case .comparison: focus = [slots.comparator, slots.outcome].compactMap { $0 }
        default: break
        }
        if focus.isEmpty {
            focus = slots.concepts.filter { !$0.inherited && $0.id != slots.intervention?.id && $0.id != slots.population?.id }
        }
        if focus.isEmpty, let population = slots.population, claim.type == .efficacy || claim.type == .onset {
            focus = [population]
        }
        return focus.filter { !$0.inherited }
    }

    /// Queries for a claim, strict first: intervention AND focus; then intervention AND (focus OR words); then words.
    public func expressions(for claim: Claim) -> [String] {
        let intervention = claim.slots.intervention.flatMap { Self.anyOf(familyTerms(of: $0.id)) }
        let focus = focusConcepts(of: claim)
        let focusTerms = focus.flatMap { terms(of: $0.id) }
        let interventionStems = Set(claim.slots.intervention.map { familyTerms(of: $0.id).flatMap(WordTokenizer.stems(of:)) } ?? [])
        let words = Self.contentWords(of: claim.text).filter { !interventionStems.contains(PorterStemmer.stem($0)) }
        var result: [String] = []
        if !focusTerms.isEmpty, let strict = Self.allOf([intervention, Self.anyOf(focusTerms)]) {
            result.append(strict)
            if let population = claim.slots.population, !population.inherited,
               let narrow = Self.allOf([strict, Self.anyOf(terms(of: population.id))]) {
                result.insert(narrow, at: 0)
            }
        }
        if let loose = Self.allOf([intervention, Self.anyOf(focusTerms + words)]) { result.append(loose) }
        if let plain = Self.anyOf(words) { result.append(plain) }
        return result
    }
}
