/// Finds percentages (with their counts and denominators), sample sizes, confidence intervals,
/// p-values, time points and durations in a sentence.
///
/// It first cuts the text into lexemes (numbers, words, symbols), then reads patterns over
/// them, longest first, so "95% CI" is never read as a 95 percent rate, and "50-70%" is a range.
public struct NumberExtractor: Sendable {
    /// Time units by how they are written ("hrs" → hour), with their length in seconds.
    public var timeUnits: [String: (unit: String, seconds: Double)]
    /// Nouns that make "705 adults" a sample size.
    public var participantNouns: Set<String>

    /// An extractor with the lexicon's units (or the built-in English ones when it has none).
    public init(lexicon: Lexicon? = nil) {
        var units: [String: (unit: String, seconds: Double)] = [:]
        let definitions = (lexicon?.units.isEmpty ?? true) ? Self.defaultUnits : lexicon!.units
        for definition in definitions {
            for term in definition.terms { units[term.lowercased()] = (definition.unit, definition.seconds) }
        }
        timeUnits = units
        participantNouns = [
            "patients", "adults", "participants", "subjects", "individuals", "people", "women", "men", "children",
            "adolescents", "veterans", "volunteers", "cases", "persons", "outpatients", "inpatients", "respondents",
            "users", "controls", "infants", "mothers", "pregnancies", "residents", "employees", "students", "nurses",
            "physicians", "mice", "rats", "animals", "eyes", "families", "households", "trials", "studies", "rcts",
        ]
    }

    static let defaultUnits: [TimeUnitDefinition] = [
        TimeUnitDefinition(unit: "second", seconds: 1, terms: ["second", "seconds", "sec", "secs"]),
        TimeUnitDefinition(unit: "minute", seconds: 60, terms: ["minute", "minutes", "min", "mins"]),
        TimeUnitDefinition(unit: "hour", seconds: 3600, terms: ["hour", "hours", "hr", "hrs", "h"]),
        TimeUnitDefinition(unit: "day", seconds: 86400, terms: ["day", "days", "d"]),
        TimeUnitDefinition(unit: "week", seconds: 604800, terms: ["week", "weeks", "wk", "wks"]),
        TimeUnitDefinition(unit: "month", seconds: 2629800, terms: ["month", "months", "mo"]),
        TimeUnitDefinition(unit: "year", seconds: 31557600, terms: ["year", "years", "yr", "yrs"]),
    ]

    /// The numbers in `string`, spans relative to it.
    public func numbers(in string: String) -> [ReportedNumber] {
        let text = ScalarText(string)
        return numbers(in: text, span: TextSpan(start: 0, end: text.count))
    }

    /// The numbers in `span` of `text`, spans relative to `text`.
    public func numbers(in text: ScalarText, span: TextSpan) -> [ReportedNumber] {
        let lexemes = Lexeme.scan(text, span: span)
        var result: [ReportedNumber] = []
        var i = 0
        while i < lexemes.count {
            if var (number, next) = read(lexemes, at: i, text: text) {
                if number.kind == .percentage { number.measure = Self.measure(LexemeCursor(lexemes), first: i, next: next) }
                // An age ("adults (≥18 years)", "aged 18–65 years", "46 years old") is neither a duration nor a time point.
                if number.kind == .duration || number.kind == .timePoint, ["year", "month"].contains(number.unit ?? ""),
                   Self.isAge(LexemeCursor(lexemes), first: i, next: next) {
                    i = next
                    continue
                }
                result.append(number)
                i = next
            } else {
                i += 1
            }
        }
        return result
    }

    // MARK: Patterns

    private func read(_ l: [Lexeme], at i: Int, text: ScalarText) -> (ReportedNumber, Int)? {
        let lx = LexemeCursor(l)
        // p-value: "P < .001", "p=0.03"
        if lx.isWord(i, ["p"]), let rel = lx.relation(i + 1), let v = lx.number(i + 2) {
            var n = make(.pValue, l, i, i + 2, text)
            n.value = v
            n.relation = rel
            return (n, i + 3)
        }
        // n = 86
        if lx.isWord(i, ["n"]), lx.isSymbol(i + 1, "="), let v = lx.number(i + 2) {
            var n = make(.sampleSize, l, i, i + 2, text)
            n.value = v
            return (n, i + 3)
        }
        // Confidence interval: [95 %] CI [,:] low (to|–|-|,) high
        if let ci = confidenceInterval(lx, l, i, text) { return ci }
        guard let first = lx.number(i) else {
            // "day 28", "week 4": a time point named by its unit first.
            if let unit = lx.timeUnit(i, timeUnits), lx.lexemes[i].isSingularDayWeek, let v = lx.number(i + 1), lx.integral(i + 1) {
                var n = make(.timePoint, l, i, i + 1, text)
                n.value = v
                n.unit = unit.unit
                n.seconds = v * unit.seconds
                n.relation = "at"
                return (n, i + 2)
            }
            // "an hour", "a day" after a time preposition.
            if lx.isWord(i, Self.timePrepositions), lx.isWord(i + 1, ["an", "a", "one"]), let unit = lx.timeUnit(i + 2, timeUnits) {
                var n = make(.timePoint, l, i, i + 2, text)
                n.value = 1
                n.unit = unit.unit
                n.seconds = unit.seconds
                n.relation = lx.word(i)
                return (n, i + 3)
            }
            // "a third of", "a quarter of", "half of" patients.
            if lx.isWord(i, ["a"]) || lx.isWord(i, ["half"]) {
                let noun = lx.isWord(i, ["half"]) ? i : i + 1
                if let parts = Self.fractionNouns[lx.word(noun) ?? ""], parts.singular, lx.isWord(noun + 1, ["of"]) {
                    var n = make(.percentage, l, i, noun, text)
                    n.value = (100 / parts.denominator * 10).rounded() / 10
                    n.unit = "%"
                    return (n, noun + 1)
                }
            }
            // "within 24 hours": a preposition, then a number and a unit.
            if lx.isWord(i, Self.timePrepositions), lx.number(i + 1) != nil, let (inner, next) = read(l, at: i + 1, text: text),
               inner.kind == .duration {
                var n = inner
                n.kind = .timePoint
                n.relation = lx.word(i)
                n.span = TextSpan(start: l[i].span.start, end: inner.span.end)
                n.text = text.string(n.span)
                return (n, next)
            }
            return nil
        }
        // A fraction of people: "one third of patients", "two-thirds", "one in three", "1 in 5".
        if let fraction = fraction(lx, l, i, first, text) { return fraction }
        // count (percent%) → "24 (26.7%)"
        if lx.isSymbol(i + 1, "("), let p = lx.number(i + 2), lx.isPercent(i + 3), lx.integral(i) {
            var n = make(.percentage, l, i, i + 3, text)
            n.value = p
            n.unit = "%"
            n.numerator = Int(first)
            if lx.isSymbol(i + 4, ")") { n.span.end = l[i + 4].span.end; n.text = text.string(n.span) }
            return (n, i + 4)
        }
        // Percentage range: 50–70% / 50 to 70% / 50% to 70%
        if lx.isPercent(i + 1), lx.isRangeJoiner(i + 2), let second = lx.number(i + 3), lx.isPercent(i + 4) {
            var n = make(.percentage, l, i, i + 4, text)
            n.low = min(first, second); n.high = max(first, second); n.unit = "%"
            return (n, i + 5)
        }
        if lx.isRangeJoiner(i + 1), let second = lx.number(i + 2), lx.isPercent(i + 3) {
            var n = make(.percentage, l, i, i + 3, text)
            n.low = min(first, second); n.high = max(first, second); n.unit = "%"
            return (n, i + 4)
        }
        // The level of an interval whose bounds were not read ("95% CI" alone) is not a rate.
        if lx.isPercent(i + 1), lx.isWord(i + 2, ["ci", "cri", "cis", "confidence", "credible"]) { return nil }
        // Percentage, with an optional "(24/45)" or "of 86" after it.
        if lx.isPercent(i + 1) {
            var n = make(.percentage, l, i, i + 1, text)
            n.value = first
            n.unit = "%"
            var next = i + 2
            if lx.isSymbol(next, "("), let a = lx.number(next + 1), lx.isSymbol(next + 2, "/"), let b = lx.number(next + 3) {
                n.numerator = Int(a); n.denominator = Int(b)
                let closing = lx.isSymbol(next + 4, ")") ? next + 4 : next + 3
                n.span.end = l[closing].span.end
                next = closing + 1
            }
            n.text = text.string(n.span)
            return (n, next)
        }
        // "45 of 86", "45/86 (52.3%)"
        if lx.isWord(i + 1, ["of"]) || lx.isSymbol(i + 1, "/"), let b = lx.number(i + 2), lx.integral(i), lx.integral(i + 2), b >= first, b > 0,
           !lx.isTimeUnit(i + 3, timeUnits) {
            var n = make(.percentage, l, i, i + 2, text)
            n.numerator = Int(first); n.denominator = Int(b)
            n.value = (first / b * 1000).rounded() / 10
            n.unit = "%"
            var next = i + 3
            if lx.isSymbol(next, "("), let p = lx.number(next + 1), lx.isPercent(next + 2) {
                n.value = p
                let closing = lx.isSymbol(next + 3, ")") ? next + 3 : next + 2
                n.span.end = l[closing].span.end
                n.text = text.string(n.span)
                next = closing + 1
            }
            return (n, next)
        }
        // Duration ranges: "40 to 60 minutes", "1-2 hours", "40 minutes to an hour"
        if lx.isRangeJoiner(i + 1), let second = lx.number(i + 2), let unit = lx.timeUnit(i + 3, timeUnits) {
            var n = make(.duration, l, i, i + 3, text)
            n.low = first; n.high = second; n.unit = unit.unit
            n.seconds = first * unit.seconds; n.highSeconds = second * unit.seconds
            return (n, i + 4)
        }
        // "a 100-minute infusion"
        if lx.isSymbol(i + 1, "–"), let unit = lx.timeUnit(i + 2, timeUnits) {
            var n = make(.duration, l, i, i + 2, text)
            n.value = first; n.unit = unit.unit; n.seconds = first * unit.seconds
            return (n, i + 3)
        }
        if let unit = lx.timeUnit(i + 1, timeUnits) {
            if lx.isRangeJoiner(i + 2) {
                let upperValue: Double? = lx.number(i + 3) ?? (lx.isWord(i + 3, ["an", "a", "one"]) ? 1 : nil)
                if let upper = upperValue, let upperUnit = lx.timeUnit(i + 4, timeUnits) {
                    var n = make(.duration, l, i, i + 4, text)
                    n.unit = unit.unit
                    n.low = first
                    n.high = upper * upperUnit.seconds / unit.seconds
                    n.seconds = first * unit.seconds; n.highSeconds = upper * upperUnit.seconds
                    return (n, i + 5)
                }
            }
            var n = make(.duration, l, i, i + 1, text)
            n.value = first; n.unit = unit.unit; n.seconds = first * unit.seconds
            return (n, i + 2)
        }
        // Sample size: "705 adults", "86 patients with TRD"
        if lx.integral(i), first >= 2, let noun = lx.word(i + 1), participantNouns.contains(noun) ||
            (lx.isWord(i + 1, Self.participantAdjectives) && lx.word(i + 2).map(participantNouns.contains) == true) {
            let end = participantNouns.contains(noun) ? i + 1 : i + 2
            var n = make(.sampleSize, l, i, end, text)
            n.value = first
            return (n, end + 1)
        }
        return nil
    }

    // MARK: Fractions

    /// Fraction nouns: how many parts make a whole, and whether the noun is singular ("third") or plural ("thirds").
    static let fractionNouns: [String: (denominator: Double, singular: Bool)] = [
        "half": (2, true), "third": (3, true), "thirds": (3, false), "quarter": (4, true), "quarters": (4, false),
        "fifth": (5, true), "fifths": (5, false), "tenth": (10, true), "tenths": (10, false),
    ]

    /// A fraction read as a percentage from the number `first` at `i`: "one third", "two-thirds"
    /// (the hyphen read as a joiner), "one in three", "1 in 5".
    private func fraction(_ lx: LexemeCursor, _ l: [Lexeme], _ i: Int, _ first: Double, _ text: ScalarText) -> (ReportedNumber, Int)? {
        guard lx.integral(i), first >= 1 else { return nil }
        let nounIndex = lx.isSymbol(i + 1, "–") ? i + 2 : i + 1
        if let parts = Self.fractionNouns[lx.word(nounIndex) ?? ""], first < parts.denominator, parts.singular == (first == 1),
           lx.isWord(nounIndex + 1, ["of"]) || !lx.isTimeUnit(nounIndex + 1, timeUnits) {
            var n = make(.percentage, l, i, nounIndex, text)
            n.value = (first / parts.denominator * 1000).rounded() / 10
            n.unit = "%"
            return (n, nounIndex + 1)
        }
        if lx.isWord(i + 1, ["in"]), let whole = lx.number(i + 2), lx.integral(i + 2), whole > first, whole <= 1000,
           !lx.isTimeUnit(i + 3, timeUnits) {
            var n = make(.percentage, l, i, i + 2, text)
            n.numerator = Int(first); n.denominator = Int(whole)
            n.value = (first / whole * 1000).rounded() / 10
            n.unit = "%"
            return (n, i + 3)
        }
        return nil
    }

    // MARK: Ages

    /// Whether the years read from lexemes `first..<next` are an age: after "aged"/"age" (symbols
    /// between allowed: "mean age, 46 years"), after a relation following a participant noun
    /// ("adults (≥18 years)"), or before "old", "of age", "and older".
    static func isAge(_ lx: LexemeCursor, first: Int, next: Int) -> Bool {
        if lx.isWord(next, ["old"]) || (lx.isWord(next, ["of"]) && lx.isWord(next + 1, ["age"]))
            || (lx.isWord(next, ["and", "or"]) && lx.isWord(next + 1, ["older", "above", "over"])) { return true }
        var j = first - 1
        var relation = false
        while j >= 0, j >= first - 3, lx.word(j) == nil, lx.number(j) == nil {
            if lx.relation(j) != nil { relation = true }
            j -= 1
        }
        if lx.isWord(j, ["aged", "age", "ages"]) { return true }
        return relation && lx.isWord(j, ageNouns)
    }

    /// Nouns that a relation and a number of years after them make an age: "adults (≥18 years)".
    static let ageNouns = ["adults", "adult", "patients", "participants", "subjects", "individuals", "people", "children",
                           "adolescents", "women", "men", "persons", "veterans", "volunteers"]

    // MARK: What a percentage measures

    /// Nouns that make "a 50% reduction" a change rather than a share.
    static let changeNouns: Set<String> = [
        "reduction", "reductions", "decrease", "decreases", "decline", "declines", "drop", "drops", "fall", "falls",
        "improvement", "improvements", "increase", "increases", "rise", "rises", "change", "changes", "worsening",
        "gain", "gains", "loss", "losses", "decrement", "increment", "elevation", "lowering",
        // Comparatives: "30% lower risk", "50% more likely" compare two rates.
        "lower", "higher", "greater", "less", "more", "fewer", "smaller", "larger",
    ]
    /// Verbs that make "reduced by 50%" a change.
    static let changeVerbs: Set<String> = [
        "reduced", "reduce", "reduces", "reducing", "decreased", "decrease", "decreases", "decreasing", "increased",
        "increase", "increases", "increasing", "improved", "improve", "improves", "improving", "fell", "dropped",
        "declined", "rose", "lowered", "lowers", "raised", "raises", "changed", "cut", "cuts", "diminished", "diminishes",
    ]

    /// What the percentage read from lexemes `first..<next` measures: a change when a change noun
    /// follows it ("50% reduction", "50% or greater decrease") or a change verb and "by" come
    /// before it ("reduced by 30%"); a threshold when such a change is also bounded ("≥50%",
    /// "at least 50%", "50% or more").
    static func measure(_ lx: LexemeCursor, first: Int, next: Int) -> ReportedNumber.Measure? {
        var after = next
        var bounded = false
        // "50% or more reduction", "50% or greater decrease", "a 50 percent or higher change"
        if lx.isWord(after, ["or"]), lx.isWord(after + 1, ["more", "greater", "higher", "larger", "above", "less", "lower", "fewer", "below"]) {
            bounded = true
            after += 2
        }
        var isChange = false
        if let word = lx.word(after), changeNouns.contains(word) { isChange = true }
        // "reduced by 30%", "cuts symptoms by 50%": a change verb up to four words before "by".
        if lx.isWord(first - 1, ["by"]) {
            var k = first - 2
            while k >= max(0, first - 6), let word = lx.word(k) {
                if changeVerbs.contains(word) { isChange = true; break }
                k -= 1
            }
        }
        guard isChange else { return nil }
        if lx.relation(first - 1).map({ $0 != "=" }) == true { bounded = true }
        if lx.isWord(first - 1, ["least", "than", "over", "under", "minimum"]) { bounded = true }
        // "a decrease of at least 50%" / "defined as ≥50%": the bound reads before the number.
        if lx.isWord(first - 2, ["at"]), lx.isWord(first - 1, ["least"]) { bounded = true }
        return bounded ? .threshold : .change
    }

    private func confidenceInterval(_ lx: LexemeCursor, _ l: [Lexeme], _ i: Int, _ text: ScalarText) -> (ReportedNumber, Int)? {
        var j = i
        var level: Double?
        if let v = lx.number(j), lx.isPercent(j + 1) { level = v; j += 2 }
        if lx.isWord(j, ["ci", "cri", "cis"]) {
            j += 1
        } else if lx.isWord(j, ["confidence", "credible"]), lx.isWord(j + 1, ["interval", "intervals"]) {
            j += 2
        } else {
            return nil
        }
        // "95% confidence interval [CI] = −5.71 to −2.05": the abbreviation in brackets after the words.
        if (lx.isSymbol(j, "[") || lx.isSymbol(j, "(")), lx.isWord(j + 1, ["ci", "cri", "cis"]), lx.isSymbol(j + 2, "]") || lx.isSymbol(j + 2, ")") { j += 3 }
        while lx.isSymbol(j, ",") || lx.isSymbol(j, ":") || lx.isSymbol(j, "=") || lx.isSymbol(j, "[") || lx.isSymbol(j, "(") { j += 1 }
        guard let low = lx.number(j), lx.isRangeJoiner(j + 1) || lx.isSymbol(j + 1, ",") || lx.isSymbol(j + 1, ";"),
              let high = lx.number(j + 2) else { return nil }
        var n = make(.confidenceInterval, l, i, j + 2, text)
        n.low = low; n.high = high; n.level = level ?? 95
        return (n, j + 3)
    }

    static let timePrepositions = ["within", "at", "after", "by", "over", "for", "in", "from", "up", "until", "through", "during"]
    static let participantAdjectives = ["adult", "eligible", "consecutive", "randomized", "randomised", "enrolled", "hospitalized", "depressed", "healthy", "elderly", "older", "young", "male", "female"]

    private func make(_ kind: ReportedNumber.Kind, _ l: [Lexeme], _ first: Int, _ last: Int, _ text: ScalarText) -> ReportedNumber {
        let span = TextSpan(start: l[first].span.start, end: l[min(last, l.count - 1)].span.end)
        return ReportedNumber(kind: kind, text: text.string(span), span: span)
    }
}
