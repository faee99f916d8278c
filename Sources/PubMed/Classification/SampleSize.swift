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
        // The words of `tokens(text)` as byte ranges of one buffer (no String per word); the
        // rules compare bytes, which gives the same answers: every word they look for is
        // ASCII without `k`, so only ASCII letters lower-case to it (see `isWord`).
        let words = ByteWords(text)
        // "a total of N"
        if words.count > 2 {
            for index in 2..<words.count where words.isWord(index - 1, "of") && words.isWord(index - 2, "total") {
                if let number = words.number(index) { return number }
            }
        }
        // "N (adjective){0,3} noun"
        for index in 0..<words.count {
            guard let value = words.number(index) else { continue }
            for offset in 1...4 where index + offset < words.count {
                let candidate = index + offset
                if words.isAny(candidate, of: nounBytes) { return value }
                if words.number(candidate) != nil || words.isAny(candidate, of: stopWordBytes) { break }
            }
        }
        // "n = N"
        var largest: Int?
        if words.count > 2 {
            for index in 2..<words.count where words.isEquals(index - 1) && words.isWord(index - 2, "n") {
                if let value = words.number(index) { largest = max(largest ?? 0, value) }
            }
        }
        return largest
    }

    /// The words of `tokens(_:)`, kept as ranges of one byte buffer.
    private struct ByteWords {
        let bytes: [UInt8]
        let ranges: [Range<Int>]

        init(_ text: String) {
            var text = text
            var ranges: [Range<Int>] = []
            // Words never hold more bytes than the text: each kept byte is a byte of the text.
            bytes = text.withUTF8 { utf8 in
                [UInt8](unsafeUninitializedCapacity: utf8.count) { buffer, initialized in
                    var count = 0, start = 0
                    func flush() {
                        var first = start, end = count
                        while end > first, buffer[end - 1] == 0x2C || buffer[end - 1] == 0x2D { end -= 1 }
                        while first < end, buffer[first] == 0x2C || buffer[first] == 0x2D { first += 1 }
                        if first < end { ranges.append(first..<end) }
                        start = count
                    }
                    var index = 0
                    while index < utf8.count {
                        let lead = utf8[index]
                        if lead < 0x80 {
                            index += 1
                            if (lead >= 0x30 && lead <= 0x39) || (lead >= 0x41 && lead <= 0x5A) || (lead >= 0x61 && lead <= 0x7A)
                                || lead == 0x2C || lead == 0x2D {
                                buffer[count] = lead
                                count += 1
                                continue
                            }
                        } else {
                            // A scalar of valid UTF-8: its width from the lead byte.
                            let width = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                            var value = UInt32(lead) & (lead < 0xE0 ? 0x1F : lead < 0xF0 ? 0x0F : 0x07)
                            for offset in 1..<width { value = value << 6 | UInt32(utf8[index + offset] & 0x3F) }
                            let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
                            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                                for offset in 0..<width { buffer[count + offset] = utf8[index + offset] }
                                count += width
                                index += width
                                continue
                            }
                            index += width
                        }
                        if count > start { flush() }
                        if lead == 0x3D {
                            buffer[count] = 0x3D
                            count += 1
                            ranges.append((count - 1)..<count)
                            start = count
                        }
                    }
                    if count > start { flush() }
                    initialized = count
                }
            }
            self.ranges = ranges
        }

        var count: Int { ranges.count }

        /// Whether word `index` is `=`.
        func isEquals(_ index: Int) -> Bool {
            ranges[index].count == 1 && bytes[ranges[index].lowerBound] == 0x3D
        }

        /// `isWord(_:_:)` on word `index`.
        func isWord(_ index: Int, _ lowerCased: StaticString) -> Bool {
            let range = ranges[index]
            guard range.count == lowerCased.utf8CodeUnitCount else { return false }
            var position = 0
            for byte in bytes[range] {
                let folded = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                guard folded == lowerCased.utf8Start[position] else { return false }
                position += 1
            }
            return true
        }

        /// Whether word `index` lower-cased is one of `words` (lower-case ASCII without `k`).
        func isAny(_ index: Int, of words: [[UInt8]]) -> Bool {
            let range = ranges[index]
            for word in words where word.count == range.count {
                var same = true
                var position = 0
                for byte in bytes[range] {
                    let folded = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                    if folded != word[position] { same = false; break }
                    position += 1
                }
                if same { return true }
            }
            return false
        }

        /// `SampleSize.number(_:)` of word `index`.
        func number(_ index: Int) -> Int? {
            SampleSize.number(bytes[ranges[index]])
        }
    }

    static let nounBytes: [[UInt8]] = nouns.sorted().map { Array($0.utf8) }
    static let stopWordBytes: [[UInt8]] = stopWords.sorted().map { Array($0.utf8) }

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
        number(word.utf8)
    }

    /// `number(_:)` of a word's UTF-8.
    static func number<Bytes: Sequence<UInt8>>(_ word: Bytes) -> Int? {
        var value = 0
        var digits = 0
        var hasComma = false
        for byte in word {
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
