/// Words that turn or soften a statement: negation, contrast, hedges, null results.
///
/// These are English function words, not topic words, so they live in code; a lexicon
/// can still add to them.
public struct StanceCues: Sendable {
    /// Negation cues ("not", "did not", "no", "never", "without", "failed to").
    public var negations: [String]
    /// Phrases reporting the absence of an effect ("no significant", "did not differ").
    public var nullResults: [String]
    /// Contrast cues ("however", "but", "although").
    public var contrasts: [String]
    /// Hedges ("may", "might", "suggests", "possibly").
    public var hedges: [String]
    /// Words saying a quantity goes up.
    public var increases: [String]
    /// Words saying a quantity goes down.
    public var decreases: [String]
    /// Words that reverse a statement's polarity without a negation ("ineffective", "inaccurate",
    /// "harmful"): a claim saying one where its evidence does not, or the other way round, disagrees.
    public var reversals: [String]
    /// Words that mark a sentence as reporting a finding ("significantly", "showed", "associated").
    public var findings: [String]

    private let negationMatcher: PhraseMatcher<String>
    private let nullMatcher: PhraseMatcher<String>
    private let contrastMatcher: PhraseMatcher<String>
    private let hedgeMatcher: PhraseMatcher<String>
    private let increaseMatcher: PhraseMatcher<String>
    private let decreaseMatcher: PhraseMatcher<String>
    private let reversalMatcher: PhraseMatcher<String>
    private let findingMatcher: PhraseMatcher<String>

    /// Cues from word lists.
    public init(negations: [String], nullResults: [String], contrasts: [String], hedges: [String], increases: [String], decreases: [String],
                reversals: [String] = [], findings: [String] = []) {
        self.negations = negations
        self.nullResults = nullResults
        self.contrasts = contrasts
        self.hedges = hedges
        self.increases = increases
        self.decreases = decreases
        self.reversals = reversals
        self.findings = findings
        negationMatcher = Self.matcher(negations)
        nullMatcher = Self.matcher(nullResults)
        contrastMatcher = Self.matcher(contrasts)
        hedgeMatcher = Self.matcher(hedges)
        increaseMatcher = Self.matcher(increases)
        decreaseMatcher = Self.matcher(decreases)
        reversalMatcher = Self.matcher(reversals)
        findingMatcher = Self.matcher(findings)
    }

    /// The built-in English cues.
    public static let english = StanceCues(
        negations: ["not", "no", "never", "none", "neither", "nor", "without", "cannot", "can't", "doesn't", "don't", "didn't",
                    "isn't", "aren't", "wasn't", "weren't", "won't", "lack", "lacks", "lacked", "absence", "absent", "fail", "failed to",
                    "fails to", "unable", "nonsignificant", "non-significant", "insignificant", "free of", "rather than", "unlike"],
        nullResults: ["no significant", "not significant", "not significantly", "did not differ", "does not differ", "no difference",
                      "no differences", "no effect", "no effects", "no association", "not associated", "was not associated",
                      "were not associated", "did not improve", "did not reduce", "did not increase", "failed to", "similar to placebo",
                      "no evidence", "did not reach", "no benefit", "not superior", "no statistically significant", "nonsignificant",
                      "non-significant", "did not change", "unchanged", "no change", "did not affect", "does not affect", "not effective",
                      "ineffective", "comparable", "no significant difference", "not differ", "no increase", "no decrease", "no reduction",
                      "no improvement", "no relationship", "not related", "independent of", "not predict", "did not predict",
                      "not more effective", "no more effective", "not more efficacious", "not better than", "no better than",
                      "remained stable", "remained unchanged", "did not worsen", "no worsening", "significance was not achieved",
                      "did not achieve significance", "did not achieve statistical significance",
                      "not statistically superior", "not statistically significant", "not statistically different"],
        contrasts: ["however", "but", "although", "though", "whereas", "while", "yet", "nevertheless", "nonetheless", "despite",
                    "in contrast", "on the other hand", "conversely", "instead", "unlike", "except", "apart from", "other than"],
        hedges: ["may", "might", "could", "possibly", "possible", "potential", "potentially", "suggest", "suggests", "suggested",
                 "appear", "appears", "likely", "unlikely", "perhaps", "probably", "preliminary", "some", "sometimes", "often",
                 "usually", "typically", "can", "promising", "thought to", "believed", "hypothesized", "warrant", "further research",
                 "further studies", "unclear", "uncertain", "limited evidence", "pilot"],
        increases: ["increase", "increases", "increased", "increasing", "higher", "elevated", "elevation", "raise", "raises", "raised",
                    "greater", "more", "enhance", "enhanced", "enhances", "promote", "promotes", "promoted", "induce", "induces", "induced",
                    "upregulate", "upregulated", "activate", "activates", "activated", "improve", "improves", "improved", "improvement",
                    "accelerate", "accelerates", "stimulate", "stimulates", "rise", "gain", "boost", "exacerbate", "worsen", "worsens",
                    "encourage", "encourages", "encouraged", "facilitate", "facilitates", "facilitated"],
        decreases: ["decrease", "decreases", "decreased", "decreasing", "lower", "reduce", "reduces", "reduced", "reduction", "less",
                    "fewer", "inhibit", "inhibits", "inhibited", "inhibition", "suppress", "suppresses", "suppressed", "downregulate",
                    "downregulated", "block", "blocks", "blocked", "impair", "impairs", "impaired", "attenuate", "attenuates",
                    "attenuated", "diminish", "diminished", "decline", "declined", "loss", "prevent", "prevents", "prevented", "abolish",
                    "abolished", "slow", "slows", "delay", "delays", "delayed", "protect", "protects", "protective", "deplete", "depleted",
                    "deactivate", "deactivates", "deactivated", "impede", "impedes", "impeded", "halt", "halts", "halted", "repress",
                    "represses", "repressed", "hinder", "hinders", "hindered"],
        reversals: ["ineffective", "inaccurate", "unrelated", "unaffected", "insufficient", "inefficient", "incapable", "impossible",
                    "unnecessary", "unimportant", "irrelevant", "inactive", "harmful", "detrimental", "negative", "negatively", "worse"],
        findings: ["significantly", "significant", "associated", "association", "showed", "show", "shows", "found", "demonstrate",
                   "demonstrated", "demonstrates", "suggest", "suggests", "indicate", "indicates", "reveal", "revealed", "results",
                   "conclusion", "conclusions", "increased", "decreased", "reduced"]
    )

    /// Signals found in one sentence.
    public func signals(in tokens: [WordToken]) -> StanceSignals {
        var signals = StanceSignals()
        signals.negations = negationMatcher.matches(in: tokens).map(\.span)
        signals.nullResults = nullMatcher.matches(in: tokens).map(\.span)
        signals.contrasts = contrastMatcher.matches(in: tokens).map(\.span)
        signals.hedges = hedgeMatcher.matches(in: tokens).map(\.span)
        signals.increases = increaseMatcher.matches(in: tokens).count
        signals.decreases = decreaseMatcher.matches(in: tokens).count
        signals.reversals = reversalMatcher.matches(in: tokens).map(\.span)
        signals.findings = findingMatcher.matches(in: tokens).count
        return signals
    }

    /// Where the direction words are, by token: each match's token range with +1 ("goes up") or −1
    /// ("goes down"), in text order.
    public func directionWords(in tokens: [WordToken]) -> [(tokens: Range<Int>, direction: Int)] {
        (increaseMatcher.matches(in: tokens).map { ($0.tokenRange, 1) } + decreaseMatcher.matches(in: tokens).map { ($0.tokenRange, -1) })
            .sorted { $0.0.lowerBound < $1.0.lowerBound }
    }

    /// The token index where each negation cue or null-result phrase starts ("not", "did not differ").
    public func negationStarts(in tokens: [WordToken]) -> [Int] {
        (negationMatcher.matches(in: tokens) + nullMatcher.matches(in: tokens)).map(\.tokenRange.lowerBound)
    }

    /// The signals in a string.
    public func signals(in string: String) -> StanceSignals {
        signals(in: WordTokenizer.tokens(of: ScalarText(string)))
    }

    private static func matcher(_ phrases: [String]) -> PhraseMatcher<String> {
        // Whole folded words: stems would let "comparable" meet "compare".
        PhraseMatcher(phrases.map { ($0, $0) }, foldedWords: true)
    }
}

/// What `StanceCues` found in a sentence.
public struct StanceSignals: Hashable, Sendable {
    /// Where negation cues are.
    public var negations: [TextSpan] = []
    /// Where null-result phrases are.
    public var nullResults: [TextSpan] = []
    /// Where contrast cues are.
    public var contrasts: [TextSpan] = []
    /// Where hedges are.
    public var hedges: [TextSpan] = []
    /// How many "goes up" words.
    public var increases = 0
    /// How many "goes down" words.
    public var decreases = 0
    /// Where polarity-reversing words are ("ineffective", "harmful").
    public var reversals: [TextSpan] = []
    /// How many finding-report words.
    public var findings = 0

    /// Whether the sentence negates something.
    public var isNegated: Bool { !negations.isEmpty }
    /// Whether it reports no effect.
    public var isNullResult: Bool { !nullResults.isEmpty }
    /// Whether it turns with a contrast.
    public var hasContrast: Bool { !contrasts.isEmpty }
    /// Whether it is hedged.
    public var isHedged: Bool { !hedges.isEmpty }
    /// Whether a polarity-reversing word is there.
    public var isReversed: Bool { !reversals.isEmpty }
    /// Whether it says something is not so, in any of the three ways: a negation, a null result or a reversing word.
    public var isNegative: Bool { isNegated || isNullResult || isReversed }
    /// Whether it reads as a reported finding: a finding word, a direction word or a negation.
    public var reportsFinding: Bool { findings > 0 || direction != 0 || isNegated }
    /// +1 when it says "goes up", −1 "goes down", 0 neither or both.
    public var direction: Int { increases > decreases ? 1 : (decreases > increases ? -1 : 0) }
}
