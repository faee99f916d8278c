import Claims
import Testing

@Suite("Stance cues")
struct StanceCuesTests {
    @Test("negation", arguments: [
        ("Ketamine did not improve depressive symptoms.", true),
        ("Esketamine failed to separate from placebo.", true),
        ("Ketamine is not an opioid.", true),
        ("Ketamine improved depressive symptoms.", false),
        ("Response was noted in most patients.", false),
    ])
    func negation(text: String, negated: Bool) {
        #expect(StanceCues.english.signals(in: text).isNegated == negated)
    }

    @Test("null results", arguments: [
        ("There was no significant difference between groups.", true),
        ("MADRS scores did not differ between arms.", true),
        ("Remission was not associated with baseline severity.", true),
        ("Cognitive performance remained stable after two years of treatment.", true),
        ("Statistical significance was not achieved with esketamine 84 mg compared with placebo.", true),
        ("Esketamine plus AD was not statistically superior to AD plus placebo at day 28.", true),
        ("Remission rates were significantly higher with ketamine.", false),
        ("We compared ketamine with midazolam.", false),
    ])
    func nullResults(text: String, null: Bool) {
        #expect(StanceCues.english.signals(in: text).isNullResult == null)
    }

    @Test("contrast and hedges", arguments: [
        ("However, the effect faded by day 7.", true, false),
        ("The effect was large but short-lived.", true, false),
        ("Ketamine may reduce suicidal ideation.", false, true),
        ("These findings suggest a rapid effect.", false, true),
        ("Ketamine reduced suicidal ideation.", false, false),
    ])
    func contrastAndHedges(text: String, contrast: Bool, hedge: Bool) {
        let signals = StanceCues.english.signals(in: text)
        #expect(signals.hasContrast == contrast)
        #expect(signals.isHedged == hedge)
    }

    @Test("direction", arguments: [
        ("Ketamine increased glutamate release.", 1),
        ("Ketamine reduced depressive symptoms.", -1),
        ("Ketamine was given intravenously.", 0),
        ("The compound encourages cell proliferation.", 1),
        ("The drug facilitated recovery.", 1),
        ("The mutation deactivates the kinase.", -1),
        ("Scar tissue impedes regeneration.", -1),
        ("Treatment halted disease progression.", -1),
        ("The factor represses transcription.", -1),
        ("Fibrosis hinders drug delivery.", -1),
    ])
    func direction(text: String, direction: Int) {
        #expect(StanceCues.english.signals(in: text).direction == direction)
    }
}

@Suite("Stance cues: reversals and findings")
struct StanceCuesReversalTests {
    @Test("reversing words make a sentence negative without a negation", arguments: [
        ("Nonsteroidal anti-inflammatory drugs are ineffective as cancer treatments.", true, false),
        ("Ambulatory monitoring is inaccurate at diagnosing hypertension.", true, false),
        ("Bariatric surgery has a negative effect on mental health.", true, false),
        ("Aspirin use is associated with a lower risk of colorectal cancer.", false, false),
        ("Exercise did not improve sleep.", false, true),
    ])
    func reversals(text: String, reversed: Bool, negated: Bool) {
        let signals = StanceCues.english.signals(in: text)
        #expect(signals.isReversed == reversed)
        #expect(signals.isNegated == negated)
        #expect(signals.isNegative == (reversed || negated || signals.isNullResult))
    }

    @Test("finding reports", arguments: [
        ("Mortality was significantly lower in the screened group.", true),
        ("We found no association between statin use and fracture.", true),
        ("Levels rose after treatment.", false),
        ("We assessed the incidence of dementia by two sets of criteria.", false),
        ("The aim of this study was to compare two screening strategies.", false),
    ])
    func findings(text: String, reports: Bool) {
        #expect(StanceCues.english.signals(in: text).reportsFinding == reports)
    }
}
