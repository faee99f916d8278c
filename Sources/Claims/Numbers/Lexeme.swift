/// A number, word or symbol: the units the number extractor reads patterns over.
struct Lexeme: Hashable, Sendable {
    enum Kind: Hashable, Sendable { case number(Double), word(String), symbol(String) }
    var kind: Kind
    var span: TextSpan
    /// Whether a number was written without a decimal point.
    var integral = false
    /// The word as written, for "Day 28" (a capitalised or bare unit noun).
    var isSingularDayWeek = false

    static let dashes: Set<Unicode.Scalar> = ["-", "–", "—", "‒", "−"]
    static let minusSigns: Set<Unicode.Scalar> = ["-", "−", "–"]

    /// Cuts `span` of `text` into lexemes.
    static func scan(_ text: ScalarText, span: TextSpan) -> [Lexeme] {
        let s = text.scalars
        var result: [Lexeme] = []
        var i = max(0, span.start)
        let end = min(span.end, s.count)
        func isDigit(_ k: Int) -> Bool { k < end && k >= 0 && s[k].properties.numericType == .decimal && s[k].isASCII }
        while i < end {
            let c = s[i]
            if c.properties.isWhitespace { i += 1; continue }
            // A number: optional minus (only where a dash cannot be a range joiner), digits, thousands commas, decimals.
            // A dash is a minus sign only where it cannot join a range: at the start, or after
            // white space, an opening bracket or separator ("(−7.91", "to −2.33", "CI, −7.9").
            let before: Unicode.Scalar? = i > span.start ? s[i - 1] : nil
            let minusHere = minusSigns.contains(c) && isDigit(i + 1)
                && (before.map { $0.properties.isWhitespace || "([,;:=".unicodeScalars.contains($0) } ?? true)
            if isDigit(i) || (c == "." && isDigit(i + 1) && !isDigit(i - 1)) || minusHere {
                let start = i
                var negative = false
                if minusHere { negative = true; i += 1 }
                var digits = ""
                var integral = true
                while i < end {
                    if isDigit(i) {
                        digits.unicodeScalars.append(s[i]); i += 1
                    } else if s[i] == ",", isDigit(i + 1), isDigit(i + 2), isDigit(i + 3), !isDigit(i + 4), !digits.isEmpty, !digits.contains(".") {
                        i += 1 // thousands separator
                    } else if s[i] == "." || s[i] == "·", isDigit(i + 1), !digits.contains(".") {
                        digits.append("."); integral = false; i += 1
                    } else {
                        break
                    }
                }
                if digits.hasPrefix(".") { digits = "0" + digits }
                if let value = Double(digits) {
                    var lexeme = Lexeme(kind: .number(negative ? -value : value), span: TextSpan(start: start, end: i))
                    lexeme.integral = integral
                    result.append(lexeme)
                }
                continue
            }
            if c.properties.isAlphabetic {
                let start = i
                while i < end, s[i].properties.isAlphabetic || (s[i] == "-" && i + 1 < end && s[i + 1].properties.isAlphabetic) { i += 1 }
                let raw = text.string(TextSpan(start: start, end: i))
                // A number written as a word: "two hours", "four weeks", "twenty-four hours".
                if let value = numberWord(raw.lowercased()) {
                    var lexeme = Lexeme(kind: .number(value), span: TextSpan(start: start, end: i))
                    lexeme.integral = true
                    result.append(lexeme)
                    continue
                }
                // A number word joined to a noun: "two-thirds", "a four-week course" → 2, "thirds"; 4, "week".
                if let hyphen = raw.firstIndex(of: "-"), let value = numberWord(raw[..<hyphen].lowercased()) {
                    let split = start + raw[..<hyphen].unicodeScalars.count
                    var number = Lexeme(kind: .number(value), span: TextSpan(start: start, end: split))
                    number.integral = true
                    result.append(number)
                    let rest = raw[raw.index(after: hyphen)...].lowercased()
                    var word = Lexeme(kind: .word(rest), span: TextSpan(start: split + 1, end: i))
                    word.isSingularDayWeek = ["day", "week", "month", "hour"].contains(rest)
                    result.append(word)
                    continue
                }
                var lexeme = Lexeme(kind: .word(raw.lowercased()), span: TextSpan(start: start, end: i))
                lexeme.isSingularDayWeek = ["day", "week", "month", "hour", "days", "weeks"].contains(raw.lowercased()) && !raw.lowercased().hasSuffix("s")
                result.append(lexeme)
                continue
            }
            // Two-character relations.
            if (c == "<" || c == ">") && i + 1 < end && s[i + 1] == "=" {
                result.append(Lexeme(kind: .symbol(c == "<" ? "≤" : "≥"), span: TextSpan(start: i, end: i + 2)))
                i += 2
                continue
            }
            let symbol = dashes.contains(c) ? "–" : String(c)
            result.append(Lexeme(kind: .symbol(symbol), span: TextSpan(start: i, end: i + 1)))
            i += 1
        }
        return result
    }
}

extension Lexeme {
    /// Cardinal numbers written as words, to ninety-nine ("one" … "twenty", "thirty", "twenty-four").
    static let numberWords: [String: Double] = {
        let units = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
                     "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
        let tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
        var words: [String: Double] = [:]
        for (k, word) in units.enumerated() { words[word] = Double(k + 1) }
        for (k, ten) in tens.enumerated() {
            let value = Double(20 + 10 * k)
            words[ten] = value
            for unit in 0..<9 { words["\(ten)-\(units[unit])"] = value + Double(unit + 1) }
        }
        return words
    }()

    /// The value of a number word, nil for any other word.
    static func numberWord(_ word: String) -> Double? { numberWords[word] }
}

/// Read helpers over a lexeme array; every accessor is safe past the end.
struct LexemeCursor {
    let lexemes: [Lexeme]
    init(_ lexemes: [Lexeme]) { self.lexemes = lexemes }

    func number(_ i: Int) -> Double? {
        guard i >= 0, i < lexemes.count, case .number(let v) = lexemes[i].kind else { return nil }
        return v
    }

    func integral(_ i: Int) -> Bool { i >= 0 && i < lexemes.count && lexemes[i].integral && number(i) != nil }

    func word(_ i: Int) -> String? {
        guard i >= 0, i < lexemes.count, case .word(let w) = lexemes[i].kind else { return nil }
        return w
    }

    func isWord(_ i: Int, _ words: [String]) -> Bool { word(i).map(words.contains) ?? false }

    func isSymbol(_ i: Int, _ symbol: String) -> Bool {
        guard i >= 0, i < lexemes.count, case .symbol(let s) = lexemes[i].kind else { return false }
        return s == symbol
    }

    func isPercent(_ i: Int) -> Bool { isSymbol(i, "%") || isWord(i, ["percent", "per-cent"]) }

    func isRangeJoiner(_ i: Int) -> Bool { isSymbol(i, "–") || isWord(i, ["to", "and"]) }

    func relation(_ i: Int) -> String? {
        for r in ["<", ">", "=", "≤", "≥"] where isSymbol(i, r) { return r }
        return nil
    }

    func timeUnit(_ i: Int, _ units: [String: (unit: String, seconds: Double)]) -> (unit: String, seconds: Double)? {
        guard let w = word(i) else { return nil }
        return units[w]
    }

    func isTimeUnit(_ i: Int, _ units: [String: (unit: String, seconds: Double)]) -> Bool { timeUnit(i, units) != nil }
}
