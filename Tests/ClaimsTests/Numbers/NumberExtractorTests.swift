import Claims
import Testing

@Suite("Number extraction")
struct NumberExtractorTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var text: String
        var kind: ReportedNumber.Kind
        var summary: String
        var testDescription: String { text }
    }

    @Test("reads each kind of number", arguments: [
        Case(text: "Response was 52.9% at day 28.", kind: .percentage, summary: "52.9%"),
        Case(text: "remission in 24 (26.7%) patients", kind: .percentage, summary: "26.7% (n=24)"),
        Case(text: "45 of 86 responded", kind: .percentage, summary: "52.3% (45/86)"),
        Case(text: "around 50-70% respond", kind: .percentage, summary: "50–70%"),
        Case(text: "around 50–70% respond", kind: .percentage, summary: "50–70%"),
        Case(text: "between 50% and 70% of patients", kind: .percentage, summary: "50–70%"),
        Case(text: "Eligible patients (n = 86) were", kind: .sampleSize, summary: "n = 86"),
        Case(text: "A total of 705 adults enrolled", kind: .sampleSize, summary: "n = 705"),
        Case(text: "1,800 participants", kind: .sampleSize, summary: "n = 1800"),
        Case(text: "difference (95% CI, −7.91 to −2.33)", kind: .confidenceInterval, summary: "95% CI -7.91 to -2.33"),
        Case(text: "OR 1.26 (95% CI 0.92-1.71)", kind: .confidenceInterval, summary: "95% CI 0.92 to 1.71"),
        Case(text: "was significant (P < .001)", kind: .pValue, summary: "P < 0.001"),
        Case(text: "p=0.03 for the trend", kind: .pValue, summary: "P = 0.03"),
        Case(text: "improved within 24 hours", kind: .timePoint, summary: "within 24 hours"),
        Case(text: "assessed at 4 hours", kind: .timePoint, summary: "at 4 hours"),
        Case(text: "the primary end point at day 28", kind: .timePoint, summary: "at 28 days"),
        Case(text: "lasts 40 to 60 minutes", kind: .duration, summary: "40–60 minutes"),
        Case(text: "lasts 40 minutes to an hour", kind: .duration, summary: "40–60 minutes"),
        Case(text: "over 6 months", kind: .timePoint, summary: "over 6 months"),
        // Numbers written as words, and fractions of people.
        Case(text: "about one third of patients reached remission", kind: .percentage, summary: "33.3%"),
        Case(text: "two-thirds of patients responded", kind: .percentage, summary: "66.7%"),
        Case(text: "two thirds responded", kind: .percentage, summary: "66.7%"),
        Case(text: "a third of patients relapsed", kind: .percentage, summary: "33.3%"),
        Case(text: "half of patients relapsed", kind: .percentage, summary: "50%"),
        Case(text: "one in three patients", kind: .percentage, summary: "33.3% (1/3)"),
        Case(text: "1 in 5 adults", kind: .percentage, summary: "20% (1/5)"),
        Case(text: "remission after four weeks", kind: .timePoint, summary: "after 4 weeks"),
        Case(text: "each session lasts about two hours", kind: .duration, summary: "2 hours"),
        Case(text: "a four-week course of infusions", kind: .duration, summary: "4 weeks"),
        Case(text: "within twenty-four hours", kind: .timePoint, summary: "within 24 hours"),
        Case(text: "within one hour", kind: .timePoint, summary: "within 1 hour"),
        Case(text: "forty patients were enrolled", kind: .sampleSize, summary: "n = 40"),
    ])
    func reads(_ example: Case) throws {
        let numbers = NumberExtractor().numbers(in: example.text)
        let number = try #require(numbers.first { $0.kind == example.kind }, "found \(numbers.map(\.summary))")
        #expect(number.summary == example.summary)
    }

    @Test("number words that are not quantities stay words", arguments: [
        "one of the most common side effects", "the third dose", "one patient withdrew", "in 2019 the FDA approved it",
    ])
    func notQuantities(text: String) {
        #expect(NumberExtractor().numbers(in: text).isEmpty, "\(NumberExtractor().numbers(in: text).map(\.summary))")
    }

    @Test("a confidence interval's level is not read as a percentage")
    func ciLevelIsNotARate() {
        let numbers = NumberExtractor().numbers(in: "mean difference −5.1 (95% CI, −7.91 to −2.33; P < .001)")
        #expect(!numbers.contains { $0.kind == .percentage })
        #expect(numbers.map(\.kind) == [.confidenceInterval, .pValue])
    }

    @Test("an interval's level is not a rate, with the abbreviation after the words or with no bounds read", arguments: [
        ("reduced MADRS scores (SMD = -3.88; 95% confidence interval [CI] = -5.71 to -2.05; P < .0001)", [ReportedNumber.Kind.confidenceInterval, .pValue]),
        ("the pooled estimate and its 95% CI were reported", []),
    ])
    func ciLevelWithAbbreviation(text: String, kinds: [ReportedNumber.Kind]) {
        let numbers = NumberExtractor().numbers(in: text)
        #expect(numbers.map(\.kind) == kinds)
        #expect(numbers.first { $0.kind == .confidenceInterval }.map(\.summary) == (kinds.isEmpty ? nil : "95% CI -5.71 to -2.05"))
    }

    @Test("a range of percentages written with a hyphen keeps its bounds positive")
    func hyphenRange() {
        let numbers = NumberExtractor().numbers(in: "incidence, 20.4%-27.0%")
        #expect(numbers.first?.low == 20.4)
        #expect(numbers.first?.high == 27)
    }

    @Test("spans point at the number's text")
    func spans() throws {
        let text = "Response was 52.9% at day 28."
        let number = try #require(NumberExtractor().numbers(in: text).first)
        #expect(ScalarText(text).string(number.span) == "52.9%")
    }

    @Test("an age is neither a duration nor a time point", arguments: [
        ("RCTs in adults (≥18 years) with MDD or TRD", [ReportedNumber.Kind]()),
        ("patients aged 18–65 years received ketamine", []),
        ("participants aged over 65 years", []),
        ("a 46 years old woman", []),
        ("adults 18 years of age and older", []),
        ("infusions over 40 minutes for 2 years", [.timePoint, .timePoint]),
        ("follow-up lasted 2 years", [.duration]),
    ])
    func ages(text: String, kinds: [ReportedNumber.Kind]) {
        #expect(NumberExtractor().numbers(in: text).map(\.kind) == kinds, "\(text)")
    }

    @Test("a decade is not a duration")
    func decade() {
        let numbers = NumberExtractor().numbers(in: "It was developed in the 1960s as an anesthetic.")
        #expect(numbers.isEmpty)
    }
}

@Suite("Number extraction on real abstract sentences")
struct NumberExtractorRealSentenceTests {
    @Test("odds ratios with intervals and p-values yield no percentages")
    func oddsRatios() {
        let text = "Pooled response from six studies gave OR = 1.26 (95% CI, 0.92-1.71; p = 0.15) and remission from seven studies gave OR = 1.17 (95% CI, 0.89-1.54; p = 0.26)."
        let numbers = NumberExtractor().numbers(in: text)
        // "six studies", "seven studies": the number of studies pooled, as "6 studies" would be.
        #expect(numbers.map(\.kind) == [.sampleSize, .confidenceInterval, .pValue, .sampleSize, .confidenceInterval, .pValue])
        #expect(numbers.filter { $0.kind == .sampleSize }.map(\.value) == [6, 7])
    }

    @Test("counts with percentages keep their numerators")
    func countsWithPercentages() {
        let text = "Among the 121 who achieved stable response, 16 (25.8%) in the esketamine group and 34 (57.6%) in the placebo group relapsed."
        let numbers = NumberExtractor().numbers(in: text).filter { $0.kind == .percentage }
        #expect(numbers.map(\.summary) == ["25.8% (n=16)", "57.6% (n=34)"])
    }
}

@Suite("What a percentage measures")
struct PercentageMeasureTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var text: String
        var measure: ReportedNumber.Measure?
        var testDescription: String { text }
    }

    @Test("shares, changes and cut-offs", arguments: [
        // Shares of people or events.
        Case(text: "Response was 52.9% at day 28.", measure: nil),
        Case(text: "Overall, 52% improved and 20% remitted.", measure: nil),
        Case(text: "around 50-70% of those with TRD respond", measure: nil),
        Case(text: "50% or more of patients responded", measure: nil),
        Case(text: "remission in 24 (26.7%) patients", measure: nil),
        // Changes in a score or rate.
        Case(text: "a 50% reduction in MADRS total score", measure: .change),
        Case(text: "symptoms were reduced by 30% from baseline", measure: .change),
        Case(text: "a 30% lower risk of relapse", measure: .change),
        Case(text: "a 50 percent decrease in suicidal ideation", measure: .change),
        // Cut-offs: response definitions and eligibility criteria.
        Case(text: "Response (≥50% improvement in total score from baseline)", measure: .threshold),
        Case(text: "Early treatment response was defined as a ≥ 50% decrease in MADRS", measure: .threshold),
        Case(text: "inadequate response (≤25% improvement) to 2 or more oral antidepressants", measure: .threshold),
        Case(text: "response, a 50% or greater reduction in HAM-D", measure: .threshold),
        Case(text: "a decrease of at least 50% improvement", measure: .threshold),
        Case(text: "responders (>=50% reduction)", measure: .threshold),
    ])
    func measures(_ example: Case) throws {
        let number = try #require(NumberExtractor().numbers(in: example.text).first { $0.kind == .percentage })
        #expect(number.measure == example.measure)
    }

    @Test("the measure shows in the summary")
    func summary() throws {
        let numbers = NumberExtractor().numbers(in: "≥50% improvement; a 30% reduction; 52% responded")
        #expect(numbers.map(\.summary) == ["50% cut-off", "30% change", "52%"])
    }
}
