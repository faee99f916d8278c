/// The Porter (1980) stemmer, as FTS5's `porter` tokenizer applies it, for lower-case ASCII words.
///
/// Words with non-ASCII letters, or shorter than three letters, are returned unchanged.
public enum PorterStemmer {
    /// The stem of `word` ("relapses" → "relaps", "dissociative" → "dissoci").
    public static func stem(_ word: String) -> String {
        guard word.count > 2, word.unicodeScalars.allSatisfy({ $0.isASCII && $0.properties.isLowercase }) else {
            return word
        }
        var w = Array(word.utf8)
        step1a(&w); step1b(&w); step1c(&w); step2(&w); step3(&w); step4(&w); step5(&w)
        return String(decoding: w, as: UTF8.self)
    }

    private static func isConsonant(_ w: [UInt8], _ i: Int) -> Bool {
        switch w[i] {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"): return false
        case UInt8(ascii: "y"): return i == 0 ? true : !isConsonant(w, i - 1)
        default: return true
        }
    }

    /// The measure m of the first `length` letters: the number of VC sequences.
    private static func measure(_ w: [UInt8], _ length: Int) -> Int {
        var m = 0
        var i = 0
        while i < length, isConsonant(w, i) { i += 1 }
        while i < length {
            while i < length, !isConsonant(w, i) { i += 1 }
            guard i < length else { break }
            m += 1
            while i < length, isConsonant(w, i) { i += 1 }
        }
        return m
    }

    private static func hasVowel(_ w: [UInt8], _ length: Int) -> Bool {
        (0..<length).contains { !isConsonant(w, $0) }
    }

    private static func endsDoubleConsonant(_ w: [UInt8]) -> Bool {
        let n = w.count
        return n >= 2 && w[n - 1] == w[n - 2] && isConsonant(w, n - 1)
    }

    /// cvc where the last c is not w, x or y.
    private static func endsCVC(_ w: [UInt8], _ length: Int) -> Bool {
        guard length >= 3 else { return false }
        let c = w[length - 1]
        return isConsonant(w, length - 3) && !isConsonant(w, length - 2) && isConsonant(w, length - 1)
            && c != UInt8(ascii: "w") && c != UInt8(ascii: "x") && c != UInt8(ascii: "y")
    }

    private static func ends(_ w: [UInt8], _ suffix: String) -> Bool {
        let s = Array(suffix.utf8)
        return w.count >= s.count && Array(w[(w.count - s.count)...]) == s
    }

    private static func replace(_ w: inout [UInt8], _ suffix: String, _ replacement: String) {
        w.removeLast(suffix.utf8.count)
        w.append(contentsOf: replacement.utf8)
    }

    /// Replaces `suffix` by `replacement` when the stem before it has measure > `minimum`.
    @discardableResult
    private static func rule(_ w: inout [UInt8], _ suffix: String, _ replacement: String, minimum: Int) -> Bool {
        guard ends(w, suffix) else { return false }
        if measure(w, w.count - suffix.utf8.count) > minimum { replace(&w, suffix, replacement) }
        return true
    }

    private static func step1a(_ w: inout [UInt8]) {
        if ends(w, "sses") { replace(&w, "sses", "ss") }
        else if ends(w, "ies") { replace(&w, "ies", "i") }
        else if ends(w, "ss") { return }
        else if ends(w, "s") { w.removeLast() }
    }

    private static func step1b(_ w: inout [UInt8]) {
        if ends(w, "eed") {
            if measure(w, w.count - 3) > 0 { w.removeLast() }
            return
        }
        var stripped = false
        for suffix in ["ed", "ing"] where ends(w, suffix) {
            if hasVowel(w, w.count - suffix.utf8.count) {
                w.removeLast(suffix.utf8.count)
                stripped = true
            }
            break
        }
        guard stripped else { return }
        if ends(w, "at") || ends(w, "bl") || ends(w, "iz") {
            w.append(UInt8(ascii: "e"))
        } else if endsDoubleConsonant(w), let last = w.last,
                  last != UInt8(ascii: "l"), last != UInt8(ascii: "s"), last != UInt8(ascii: "z") {
            w.removeLast()
        } else if measure(w, w.count) == 1, endsCVC(w, w.count) {
            w.append(UInt8(ascii: "e"))
        }
    }

    private static func step1c(_ w: inout [UInt8]) {
        if ends(w, "y"), hasVowel(w, w.count - 1) { w[w.count - 1] = UInt8(ascii: "i") }
    }

    private static let step2Rules: [(String, String)] = [
        ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"),
        ("bli", "ble"), ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"),
        ("ization", "ize"), ("ation", "ate"), ("ator", "ate"), ("alism", "al"), ("iveness", "ive"),
        ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"), ("iviti", "ive"), ("biliti", "ble"),
        ("logi", "log"),
    ]

    private static func step2(_ w: inout [UInt8]) {
        for (suffix, replacement) in step2Rules where rule(&w, suffix, replacement, minimum: 0) { return }
    }

    private static let step3Rules: [(String, String)] = [
        ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""), ("ness", ""),
    ]

    private static func step3(_ w: inout [UInt8]) {
        for (suffix, replacement) in step3Rules where rule(&w, suffix, replacement, minimum: 0) { return }
    }

    private static let step4Suffixes = [
        "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou",
        "ism", "ate", "iti", "ous", "ive", "ize",
    ]

    private static func step4(_ w: inout [UInt8]) {
        // Longest match first, as in the reference implementation.
        for suffix in step4Suffixes.sorted(by: { $0.utf8.count > $1.utf8.count }) where ends(w, suffix) {
            let stemLength = w.count - suffix.utf8.count
            guard measure(w, stemLength) > 1 else { return }
            if suffix == "ion" {
                guard stemLength > 0, w[stemLength - 1] == UInt8(ascii: "s") || w[stemLength - 1] == UInt8(ascii: "t") else { return }
            }
            w.removeLast(suffix.utf8.count)
            return
        }
    }

    private static func step5(_ w: inout [UInt8]) {
        if ends(w, "e") {
            let m = measure(w, w.count - 1)
            if m > 1 || (m == 1 && !endsCVC(w, w.count - 1)) { w.removeLast() }
        }
        if measure(w, w.count) > 1, endsDoubleConsonant(w), w.last == UInt8(ascii: "l") { w.removeLast() }
    }
}
