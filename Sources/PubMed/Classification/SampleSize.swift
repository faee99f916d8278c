import Foundation

/// The number of participants a study reports in its abstract ("705 adults", "n = 86",
/// "a total of 1,234 patients").
///
/// In order of preference: "a total of N", then the first "N [adjective…] people-noun"
/// (up to three words between: "227 adult outpatients", "86 treatment-resistant depressed
/// patients"), then the largest "n = N". Numbers below 2 or over 10,000,000 are ignored.
/// A heuristic, not a data extraction: the CSV evidence table and claim reports both use it,
/// so one record reports the same n everywhere.
public enum SampleSize {
    /// The sample size found in `text`, or `nil`.
    public static func find(in text: String) -> Int? {
        let words = tokens(text)
        // "a total of N"
        for index in words.indices.dropFirst(2) where isWord(words[index - 1], "of") && isWord(words[index - 2], "total") {
            if let number = number(words[index]) { return number }
        }
        // "N (adjective){0,3} noun"
        for (index, word) in words.enumerated() {
            guard let value = number(word) else { continue }
            for offset in 1...4 where index + offset < words.count {
                let candidate = words[index + offset].lowercased()
                if nouns.contains(candidate) { return value }
                if number(candidate) != nil || stopWords.contains(candidate) { break }
            }
        }
        // "n = N"
        var largest: Int?
        for index in words.indices.dropFirst(2) where words[index - 1] == "=" && isWord(words[index - 2], "n") {
            if let value = number(words[index]) { largest = max(largest ?? 0, value) }
        }
        return largest
    }

    /// Whether `word` lower-cased is `lowerCased`, an ASCII word without `k`: compared on bytes,
    /// since only ASCII letters lower-case to such a word (the Kelvin sign is the one
    /// non-ASCII letter that lower-cases to ASCII, to `k`).
    private static func isWord(_ word: String, _ lowerCased: StaticString) -> Bool {
        guard word.utf8.count == lowerCased.utf8CodeUnitCount else { return false }
        var index = 0
        for byte in word.utf8 {
            let folded = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            guard folded == lowerCased.utf8Start[index] else { return false }
            index += 1
        }
        return true
    }

    /// The sample size in a record's abstract (`LABEL: text` sections).
    public static func find(in record: PubMedRecord) -> Int? {
        record.abstractText.flatMap(find(in:))
    }

    /// Words, with `=` kept as its own token ("n=86" → n, =, 86); commas and hyphens inside a
    /// word are kept ("1,234", "treatment-resistant"), at its ends dropped.
    static func tokens(_ text: String) -> [String] {
        var result: [String] = []
        var current: [UInt8] = []
        func flush() {
            var start = 0, end = current.count
            while end > start, current[end - 1] == 0x2C || current[end - 1] == 0x2D { end -= 1 }
            while start < end, current[start] == 0x2C || current[start] == 0x2D { start += 1 }
            if start < end { result.append(String(decoding: current[start..<end], as: UTF8.self)) }
            current.removeAll(keepingCapacity: true)
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                if (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A)
                    || value == 0x2C || value == 0x2D {
                    current.append(UInt8(value))
                    continue
                }
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                current.append(contentsOf: UTF8.encode(scalar)!)
                continue
            }
            if !current.isEmpty { flush() }
            if value == 0x3D { result.append("=") }
        }
        if !current.isEmpty { flush() }
        return result
    }

    /// `1,234` → 1234; `nil` for anything not a plausible count.
    static func number(_ word: String) -> Int? {
        var value = 0
        var digits = 0
        var hasComma = false
        for byte in word.utf8 {
            if byte >= 0x30 && byte <= 0x39 {
                digits += 1
                guard digits <= 8 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            } else if byte == 0x2C, digits > 0 {
                hasComma = true
            } else {
                return nil
            }
        }
        guard digits > 0, value >= 2, value <= 10_000_000 else { return nil }
        // "2019 patients" is rarely a count; years are far likelier.
        if !hasComma, digits == 4, (1900...2100).contains(value) { return nil }
        return value
    }

    static let nouns: Set<String> = [
        "adults", "patients", "participants", "subjects", "individuals", "people", "persons", "women", "men",
        "children", "adolescents", "veterans", "outpatients", "inpatients", "volunteers", "youths", "infants",
        "respondents", "cases", "users", "students", "residents", "mothers", "pregnancies", "newborns", "elderly",
    ]

    static let stopWords: Set<String> = ["of", "and", "or", "in", "to", "from", "with", "were", "was", "at", "for", "studies", "trials", "rcts"]
}
