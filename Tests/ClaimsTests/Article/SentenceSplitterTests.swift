import Claims
import Testing

@Suite("Sentence splitting")
struct SentenceSplitterTests {
    @Test("abbreviations, initials and decimals do not end sentences", arguments: [
        ("Dr. Smith gave 2.5 mg. The patient slept.", ["Dr. Smith gave 2.5 mg.", "The patient slept."]),
        ("Ketamine vs. placebo was tested, e.g. in the U.S. trials. Results were clear.",
         ["Ketamine vs. placebo was tested, e.g. in the U.S. trials.", "Results were clear."]),
        ("Trials ran in the U.S. The results were positive.", ["Trials ran in the U.S.", "The results were positive."]),
        ("J. Smith et al. reported it. It worked!", ["J. Smith et al. reported it.", "It worked!"]),
        ("Is it safe? Yes, mostly.", ["Is it safe?", "Yes, mostly."]),
        ("He said \"it works.\" Then he left.", ["He said \"it works.\"", "Then he left."]),
    ])
    func splits(text: String, expected: [String]) {
        let scalar = ScalarText(text)
        let spans = SentenceSplitter().sentences(in: scalar, span: TextSpan(start: 0, end: scalar.count))
        #expect(spans.map(scalar.string) == expected)
    }
}
