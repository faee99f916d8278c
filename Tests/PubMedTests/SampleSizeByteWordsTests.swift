import Testing
@testable import PubMed

/// `SampleSize.find` compares the words as bytes; it must answer as the String definition does.
@Suite("Sample size on bytes")
struct SampleSizeByteWordsTests {
    /// The rules on `tokens(_:)` with Strings, as they were written first.
    static func reference(_ text: String) -> Int? {
        let words = SampleSize.tokens(text)
        func isWord(_ word: String, _ lower: String) -> Bool { word.lowercased() == lower }
        for index in words.indices.dropFirst(2) where isWord(words[index - 1], "of") && isWord(words[index - 2], "total") {
            if let number = SampleSize.number(words[index]) { return number }
        }
        for (index, word) in words.enumerated() {
            guard let value = SampleSize.number(word) else { continue }
            for offset in 1...4 where index + offset < words.count {
                let candidate = words[index + offset].lowercased()
                if SampleSize.nouns.contains(candidate) { return value }
                if SampleSize.number(candidate) != nil || SampleSize.stopWords.contains(candidate) { break }
            }
        }
        var largest: Int?
        for index in words.indices.dropFirst(2) where words[index - 1] == "=" && isWord(words[index - 2], "n") {
            if let value = SampleSize.number(words[index]) { largest = max(largest ?? 0, value) }
        }
        return largest
    }

    @Test("find(in:) agrees with the String rules on combinations of tricky pieces")
    func agrees() {
        let pieces = ["A total of", "TOTAL OF", "total-of", "12", "1,234", "-86-", ",705,", "2019", "1", "99999999",
                      "adults", "PATIENTS", "Patients.", "adult", "outpatients", "of", "and", "trials", "n", "N", "=",
                      "n=86", "N = 43", "(n = 12)", "ﬁve", "Ｐatients", "patientſ", "\u{212A}", "٣", "²", "Zürich",
                      "treatment-resistant", "depressed", "were", ", ", "-", "--", " ", "\n", "e\u{301}"]
        var texts = pieces
        for first in pieces {
            for second in pieces {
                texts.append(first + " " + second)
                for third in ["patients", "12", "=", "of"] { texts.append(first + " " + second + " " + third) }
            }
        }
        for text in texts {
            #expect(SampleSize.find(in: text) == Self.reference(text), "\(text)")
        }
    }
}
