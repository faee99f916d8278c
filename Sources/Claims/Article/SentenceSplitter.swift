/// Splits running text into sentences, aware of abbreviations ("Dr.", "vs.", "e.g.", "U.S."),
/// initials, decimals ("2.5 mg") and closing quotes or brackets after the full stop.
public struct SentenceSplitter: Sendable {
    /// Lower-cased abbreviations (without their final full stop) that do not end a sentence.
    public var abbreviations: Set<String>

    /// The default English abbreviation list.
    public static let englishAbbreviations: Set<String> = [
        "dr", "mr", "mrs", "ms", "prof", "sr", "jr", "st", "vs", "v", "e.g", "i.e", "cf", "etc", "al", "fig",
        "figs", "no", "nos", "approx", "ca", "inc", "ltd", "co", "corp", "dept", "u.s", "u.k", "u.s.a", "e.u",
        "mt", "vol", "pp", "p", "ed", "eds",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "ph.d", "m.d",
        "resp", "incl", "est", "govt", "a.m", "p.m",
    ]

    /// A splitter with the given abbreviations.
    public init(abbreviations: Set<String> = SentenceSplitter.englishAbbreviations) {
        self.abbreviations = abbreviations
    }

    /// The sentence spans inside `span` of `text`, trimmed, in order.
    public func sentences(in text: ScalarText, span: TextSpan) -> [TextSpan] {
        let s = text.scalars
        var result: [TextSpan] = []
        var start = span.start
        var i = span.start
        let end = min(span.end, s.count)
        while i < end {
            let c = s[i]
            if c == "." || c == "!" || c == "?" || c == "…" {
                // Swallow runs of terminal punctuation and closing quotes/brackets.
                var j = i + 1
                while j < end, ".!?…\"'’”)]".unicodeScalars.contains(s[j]) { j += 1 }
                if j >= end || s[j].properties.isWhitespace, isBoundary(s, period: i, next: j, end: end) {
                    let sentence = text.trimmed(TextSpan(start: start, end: j))
                    if sentence.length > 0 { result.append(sentence) }
                    start = j
                }
                i = j
                continue
            }
            i += 1
        }
        let rest = text.trimmed(TextSpan(start: start, end: end))
        if rest.length > 0 { result.append(rest) }
        return result
    }

    private func isBoundary(_ s: [Unicode.Scalar], period: Int, next: Int, end: Int) -> Bool {
        // The next word must look like a sentence start.
        var k = next
        while k < end, s[k].properties.isWhitespace { k += 1 }
        guard k < end else { return true }
        let first = s[k]
        let startsSentence = first.properties.isUppercase || first.properties.numericType != nil
            || "\"“‘'([•".unicodeScalars.contains(first)
        guard s[period] == "." else { return startsSentence || !first.properties.isLowercase }
        guard startsSentence else { return false }
        // The word before the full stop.
        var w = period
        while w > 0, !s[w - 1].properties.isWhitespace, s[w - 1] != "(" { w -= 1 }
        var word = String.UnicodeScalarView()
        word.append(contentsOf: s[w..<period])
        let lower = String(word).lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "\"'“‘("))
        if lower.count == 1, let letter = lower.unicodeScalars.first, letter.properties.isAlphabetic {
            return false // an initial: "J. Smith"
        }
        if abbreviations.contains(lower) {
            // "etc." and "U.S." can still end a sentence; only trust them before a capitalised function word.
            if lower == "etc" || lower == "u.s" || lower == "u.k" {
                let nextWord = lowercasedWord(at: k, in: s, end: end)
                return Self.sentenceOpeners.contains(nextWord)
            }
            return false
        }
        return true
    }

    private func lowercasedWord(at index: Int, in s: [Unicode.Scalar], end: Int) -> String {
        var k = index
        var result = String.UnicodeScalarView()
        while k < end, s[k].properties.isAlphabetic {
            result.append(s[k])
            k += 1
        }
        return String(result).lowercased()
    }

    /// Capitalised words that usually open a sentence, used after an ambiguous abbreviation.
    static let sentenceOpeners: Set<String> = [
        "the", "this", "these", "that", "it", "its", "in", "a", "an", "we", "they", "there", "however", "but",
        "and", "for", "some", "many", "most", "one", "if", "when", "while", "although", "patients", "i", "he", "she",
    ]
}

import Foundation
