import Claims
import Testing

@Suite("Batch labels: word stance over the whole record")
struct EvidenceLinkerWordStanceTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var claim: String
        /// The finding sentence, first of the record's sentences.
        var finding: String
        var others: [String] = []
        var expected: Stance
        var testDescription: String { claim }
    }

    @Test("claim against finding sentence and record", arguments: [
        // The direction is read across the record: a title without one does not decide.
        Case(claim: "Consumption of whole fruits increases the risk of type 2 diabetes.",
             finding: "Fruit consumption and risk of type 2 diabetes: results from three prospective cohorts.",
             others: ["Eating whole fruits was associated with a lower risk of type 2 diabetes."], expected: .contradicts),
        Case(claim: "Consumption of whole fruits reduces the risk of type 2 diabetes.",
             finding: "Fruit consumption and risk of type 2 diabetes: results from three prospective cohorts.",
             others: ["Eating whole fruits was associated with a lower risk of type 2 diabetes."], expected: .supports),
        // A negated direction in the claim is read as the opposite direction, not counted twice.
        Case(claim: "Statins do not reduce mortality in sepsis.", finding: "Statin therapy reduced mortality in patients with sepsis.",
             expected: .contradicts),
        Case(claim: "Statins do not reduce mortality in sepsis.", finding: "Statin therapy did not reduce mortality in patients with sepsis.",
             expected: .supports),
        // A negation in the evidence about something else does not flip the stance.
        Case(claim: "Exercise reduces blood pressure.", finding: "Exercise reduced blood pressure, but not heart rate.", expected: .supports),
        // A negative claim with no direction: a negative finding agrees, a positive one disagrees.
        Case(claim: "Early screening is ineffective.", finding: "Early screening did not reduce mortality.", expected: .supports),
        Case(claim: "Amitriptyline is ineffective for tension headache.", finding: "Amitriptyline was effective in chronic tension-type headache.",
             expected: .contradicts),
        // Nothing shared: the overall directions of the claim and the finding sentence decide.
        Case(claim: "Vaccination increases titres.", finding: "Antibody levels were lower in older adults.", expected: .contradicts),
        Case(claim: "Vaccination increases titres.", finding: "Antibody levels were higher in older adults.", expected: .supports),
        // Promote/hinder verbs are directions.
        Case(claim: "Antibody targeting of the receptor encourages metastasis.",
             finding: "Antibody targeting of the receptor inhibits growth and metastasis.", expected: .contradicts),
        Case(claim: "Vitamin C impedes wound healing.", finding: "Vitamin C promoted wound healing in mice.", expected: .contradicts),
    ])
    func wordStance(_ example: Case) {
        let stance = EvidenceLinker.wordStance(claim: example.claim, finding: example.finding, record: [example.finding] + example.others)
        #expect(stance == example.expected)
    }
}
