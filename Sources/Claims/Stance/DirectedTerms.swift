/// The content words a sentence says go up or go down: every stem within a few words of a
/// direction word ("increased breast cancer risk", "expression was reduced"), with its net
/// direction. A direction word shortly after a negation ("did not increase", "no reduction")
/// counts the other way.
///
/// Reading direction word by word, rather than for the whole sentence, lets a claim and its
/// evidence be compared on what they share: "X increases the risk of Y" against "X was associated
/// with a lower risk of Y" disagree on "risk", whatever else the evidence says goes up.
public struct DirectedTerms: Hashable, Sendable {
    /// Net direction by stem: positive goes up, negative goes down, 0 both as often.
    public var directions: [String: Int]
    /// Whether a direction word stands in a negation's scope ("does not increase").
    public var hasNegatedDirection: Bool

    /// Words either side of a direction word that it governs.
    public static let defaultWindow = 4
    /// How many words after a negation cue still fall in its scope.
    public static let defaultNegationScope = 3

    /// Whether no content word was found near a direction word.
    public var isEmpty: Bool { directions.isEmpty }

    /// The directed terms of `tokens`; with `keeping`, only those stems.
    public init(tokens: [WordToken], cues: StanceCues, keeping: Set<String>? = nil,
                window: Int = DirectedTerms.defaultWindow, negationScope: Int = DirectedTerms.defaultNegationScope) {
        let negations = cues.negationStarts(in: tokens)
        var directions: [String: Int] = [:]
        var negated = false
        for (range, direction) in cues.directionWords(in: tokens) {
            let isNegated = negations.contains { $0 < range.lowerBound && $0 >= range.lowerBound - negationScope }
            negated = negated || isNegated
            let signed = isNegated ? -direction : direction
            for position in max(0, range.lowerBound - window)..<min(tokens.count, range.upperBound + window) where !range.contains(position) {
                let token = tokens[position]
                guard token.isContentWord else { continue }
                if let keeping, !keeping.contains(token.stem) { continue }
                directions[token.stem, default: 0] += signed
            }
        }
        self.directions = directions
        hasNegatedDirection = negated
    }

    /// The directed terms of a string.
    public init(text: String, cues: StanceCues) {
        self.init(tokens: WordTokenizer.tokens(of: ScalarText(text)), cues: cues)
    }

    /// How far `other` agrees with these terms: for each stem both direct, +1 when they name the
    /// same direction and −1 when opposite (a stem with no net direction counts 0).
    public func agreement(with other: DirectedTerms) -> Int {
        other.directions.reduce(0) { sum, entry in
            guard let mine = directions[entry.key] else { return sum }
            return sum + mine.signum() * entry.value.signum()
        }
    }
}
