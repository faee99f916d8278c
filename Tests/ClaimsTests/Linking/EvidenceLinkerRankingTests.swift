import Claims
import Testing

@Suite("Batch ranking: word stance and the finding sentence")
struct EvidenceLinkerRankingTests {
    @Test("word stance: exactly one negative side contradicts; opposite directions flip again", arguments: [
        ("Pioglitazone use is associated with prostate cancer.", "Pioglitazone use was associated with an increased risk of prostate cancer.", Stance.supports),
        ("Pioglitazone use is not associated with prostate cancer.", "Pioglitazone use was associated with an increased risk of prostate cancer.", .contradicts),
        ("NSAIDs are ineffective as cancer treatments.", "NSAID use is associated with a lower risk of colorectal cancer.", .contradicts),
        ("Vitamin D does not prevent fractures.", "Vitamin D supplementation had no significant effect on fracture risk.", .supports),
        ("Pharmacist attendance at ward rounds increases adverse events.", "Pharmacist participation reduced adverse drug events.", .contradicts),
        ("Pharmacist attendance at ward rounds reduces adverse events.", "Pharmacist participation reduced adverse drug events by 66%.", .supports),
        ("Early screening is ineffective.", "Early screening did not reduce mortality.", .supports),
    ])
    func wordStance(claim: String, evidence: String, expected: Stance) {
        let (stance, _) = EvidenceLinker.wordStance(claim: StanceCues.english.signals(in: claim), evidence: StanceCues.english.signals(in: evidence))
        #expect(stance == expected)
    }

    static func signals(_ texts: [String]) -> [StanceSignals] { texts.map { StanceCues.english.signals(in: $0) } }

    @Test("the title is the stance sentence when it covers nearly as much as the best sentence")
    func titleWins() {
        let texts = ["Statins and hip fracture", "We studied hip fracture and statin use.", "Statin use was associated with fewer hip fractures."]
        let index = EvidenceLinker.findingSentenceIndex([.title, .abstract, .abstract], coverages: [0.9, 1.0, 1.0], signals: Self.signals(texts))
        #expect(index == 0)
    }

    @Test("among abstract sentences near the best coverage, one reporting a finding wins over the aim")
    func findingWins() {
        let texts = ["Statins", "The aim was to study hip fracture and statin use.", "Statin use was associated with fewer hip fractures.",
                     "Statins were associated with fewer falls."]
        let locations: [EvidenceSentence.Location] = [.title, .abstract, .abstract, .abstract]
        #expect(EvidenceLinker.findingSentenceIndex(locations, coverages: [0.2, 1.0, 0.85, 0.3], signals: Self.signals(texts)) == 2)
        // Too far below the best coverage: the best-covering sentence stays, finding or not.
        #expect(EvidenceLinker.findingSentenceIndex(locations, coverages: [0.2, 1.0, 0.5, 0.3], signals: Self.signals(texts)) == 1)
        #expect(EvidenceLinker.findingSentenceIndex([], coverages: [], signals: []) == nil)
    }
}
