import Foundation
import PubMed

/// The number of participants a study reports in its abstract ("705 adults", "n = 86",
/// "a total of 1,234 patients").
///
/// In order of preference: "a total of N", then the first "N [adjective…] people-noun"
/// (up to three words between: "227 adult outpatients", "86 treatment-resistant depressed
/// patients"), then the largest "n = N". Numbers below 2 or over 10,000,000 are ignored.
/// A heuristic for the CSV evidence table, not a data extraction.
public enum SampleSize {
    /// The sample size found in `text`, or `nil`.
    public static func find(in text: String) -> Int? {
        let words = tokens(text)
        // "a total of N"
        for index in words.indices.dropFirst(2) where words[index - 2].lowercased() == "total" && words[index - 1].lowercased() == "of" {
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
        for index in words.indices.dropFirst(2) where words[index - 1] == "=" && words[index - 2].lowercased() == "n" {
            if let value = number(words[index]) { largest = max(largest ?? 0, value) }
        }
        return largest
    }

    /// The sample size in a record's abstract.
    public static func find(in record: PubMedRecord) -> Int? {
        record.abstractOneLine.flatMap(find(in:))
    }

    /// Words, with `=` kept as its own token ("n=86" → n, =, 86).
    static func tokens(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        for character in text {
            if character.isLetter || character.isNumber || character == "," || character == "-" {
                current.append(character)
            } else {
                if !current.isEmpty { result.append(current.trimmingCharacters(in: CharacterSet(charactersIn: ",-"))) }
                current = ""
                if character == "=" { result.append("=") }
            }
        }
        if !current.isEmpty { result.append(current.trimmingCharacters(in: CharacterSet(charactersIn: ",-"))) }
        return result.filter { !$0.isEmpty }
    }

    /// `1,234` → 1234; `nil` for anything not a plausible count.
    static func number(_ word: String) -> Int? {
        let digits = word.replacingOccurrences(of: ",", with: "")
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), digits.count <= 8,
              let value = Int(digits), value >= 2, value <= 10_000_000 else { return nil }
        // "2019 patients" is rarely a count; years are far likelier.
        if word.count == 4, (1900...2100).contains(value), !word.contains(",") { return nil }
        return value
    }

    static let nouns: Set<String> = [
        "adults", "patients", "participants", "subjects", "individuals", "people", "persons", "women", "men",
        "children", "adolescents", "veterans", "outpatients", "inpatients", "volunteers", "youths", "infants",
        "respondents", "cases", "users", "students", "residents", "mothers", "pregnancies", "newborns", "elderly",
    ]

    static let stopWords: Set<String> = ["of", "and", "or", "in", "to", "from", "with", "were", "was", "at", "for", "studies", "trials", "rcts"]
}
