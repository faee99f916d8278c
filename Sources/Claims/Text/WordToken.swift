import Foundation

/// A word in a text: its folded form, its stem and where it is.
public struct WordToken: Hashable, Sendable {
    /// Lower-cased, diacritics removed ("Åsberg" → "asberg").
    public var folded: String
    /// The Porter stem of `folded` ("responded" → "respond").
    public var stem: String
    /// Where the word is, in scalar offsets of the text it came from.
    public var span: TextSpan
    /// Whether the word is made of digits only.
    public var isNumeric: Bool

    /// Whether the word carries content: not a number, not one letter, not a stop word (the words queries
    /// and word-overlap scores keep).
    public var isContentWord: Bool { !isNumeric && folded.count > 1 && !StopWords.contains(folded) }
}

/// Splits text into words the way FTS5's unicode61 tokenizer does: runs of letters and
/// digits; everything else (hyphens, apostrophes, punctuation) separates words.
public enum WordTokenizer {
    /// The words of `text`.
    public static func tokens(of text: ScalarText) -> [WordToken] {
        tokens(of: text, in: TextSpan(start: 0, end: text.count))
    }

    /// The words of `text` inside `span`.
    public static func tokens(of text: ScalarText, in span: TextSpan) -> [WordToken] {
        var result: [WordToken] = []
        var index = max(0, span.start)
        let end = min(span.end, text.count)
        let scalars = text.scalars
        while index < end {
            guard isWordScalar(scalars[index]) else { index += 1; continue }
            let start = index
            while index < end, isWordScalar(scalars[index]) { index += 1 }
            let raw = text.string(TextSpan(start: start, end: index))
            let folded = fold(raw)
            let numeric = folded.unicodeScalars.allSatisfy { $0.properties.numericType != nil }
            result.append(WordToken(folded: folded, stem: numeric ? folded : StemCache.shared.stem(folded),
                                    span: TextSpan(start: start, end: index), isNumeric: numeric))
        }
        return result
    }

    /// The words of a string, folded and stemmed, without positions.
    public static func stems(of string: String) -> [String] {
        tokens(of: ScalarText(string)).map(\.stem)
    }

    /// Whether `scalar` belongs inside a word.
    public static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil || properties.generalCategory == .nonspacingMark
    }

    /// Lower-cases and strips diacritics.
    public static func fold(_ word: String) -> String {
        if word.unicodeScalars.allSatisfy({ $0.isASCII }) { return word.lowercased() }
        return word.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .replacingOccurrences(of: "ß", with: "ss")
    }
}

/// Remembers stems: the same few thousand words recur in every abstract.
final class StemCache: @unchecked Sendable {
    static let shared = StemCache()
    private var stems: [String: String] = [:]
    private let lock = NSLock()

    func stem(_ word: String) -> String {
        lock.lock()
        defer { lock.unlock() }
        if let cached = stems[word] { return cached }
        let stem = PorterStemmer.stem(word)
        if stems.count < 500_000 { stems[word] = stem }
        return stem
    }
}
