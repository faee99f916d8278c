import Claims
import Testing

@Suite("Directed terms: what a sentence says goes up or down")
struct DirectedTermsTests {
    static func stem(_ word: String) -> String { PorterStemmer.stem(word) }

    static func terms(_ text: String) -> DirectedTerms { DirectedTerms(text: text, cues: .english) }

    @Test("a content word near a direction word takes its direction; a negation just before it turns it", arguments: [
        ("Heavier birth weight was associated with increased breast cancer risk.", "risk", 1),
        ("Receptor expression was reduced in knockout mice.", "expression", -1),
        ("Metformin did not reduce mortality.", "mortality", 1),
        ("There was no reduction in pain scores.", "pain", 1),
        ("Statins lower cholesterol.", "cholesterol", -1),
        ("Statins lower cholesterol in most adults but raise fasting glucose.", "glucose", 1),
    ])
    func direction(text: String, word: String, expected: Int) throws {
        let direction = try #require(Self.terms(text).directions[Self.stem(word)])
        #expect(direction.signum() == expected)
    }

    @Test("words far from any direction word, stop words and numbers are not directed")
    func outsideTheWindow() {
        let terms = Self.terms("Increased uptake was seen in the group of patients who had been followed for five long years.")
        #expect(terms.directions[Self.stem("uptake")] == 1)
        #expect(terms.directions[Self.stem("years")] == nil)
        #expect(terms.directions["the"] == nil)
        #expect(Array(Self.terms("Mortality decreased from 12 to 9.").directions.keys) == [Self.stem("mortality")])
    }

    @Test("whether a direction word is negated", arguments: [
        ("Ketamine does not increase blood pressure.", true),
        ("Esketamine did not improve remission rates.", true),
        ("Ketamine increases blood pressure.", false),
        ("Ketamine is not an opioid.", false),
        ("No patient was lost to follow-up, and response improved.", false),
    ])
    func negatedDirection(text: String, negated: Bool) {
        #expect(Self.terms(text).hasNegatedDirection == negated)
    }

    @Test("agreement: the same words in the same direction agree, in opposite directions disagree", arguments: [
        ("Fruit intake increases the risk of diabetes.", "Fruit intake was associated with a lower risk of diabetes.", -1),
        ("Fruit intake reduces the risk of diabetes.", "Fruit intake was associated with a lower risk of diabetes.", 1),
        ("Fruit intake reduces the risk of diabetes.", "Participants were recruited in 2001.", 0),
        ("Exercise does not lower blood pressure.", "Exercise did not reduce blood pressure.", 1),
    ])
    func agreement(claim: String, evidence: String, sign: Int) {
        let claimTerms = Self.terms(claim)
        let evidenceTerms = DirectedTerms(tokens: WordTokenizer.tokens(of: ScalarText(evidence)), cues: .english,
                                          keeping: Set(claimTerms.directions.keys))
        #expect(claimTerms.agreement(with: evidenceTerms).signum() == sign)
        #expect(Set(evidenceTerms.directions.keys).isSubset(of: Set(claimTerms.directions.keys)))
    }
}
