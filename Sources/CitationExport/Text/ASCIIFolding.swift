import Foundation

/// Folds text to ASCII letters and digits for identifiers such as BibTeX keys.
///
/// Accents are removed (`Müller` → `Muller`), special letters spelled out (`ø` → `o`,
/// `ł` → `l`, `ß` → `ss`, `æ` → `ae`); whatever has no ASCII form is dropped.
enum ASCIIFolding {
    /// Lower-cased ASCII letters and digits of `text`.
    static func foldedAlphanumerics(_ text: String) -> String {
        var output = ""
        for character in text {
            if character.isASCII {
                if character.isLetter || character.isNumber { output.append(Character(character.lowercased())) }
                continue
            }
            if let spelled = special[Character(character.lowercased())] {
                output += spelled
                continue
            }
            for scalar in String(character).decomposedStringWithCanonicalMapping.unicodeScalars
            where scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)) {
                output.unicodeScalars.append(contentsOf: String(scalar).lowercased().unicodeScalars)
            }
        }
        return output
    }

    private static let special: [Character: String] = [
        "ø": "o", "ł": "l", "ß": "ss", "æ": "ae", "œ": "oe", "đ": "d", "ð": "d", "þ": "th", "ı": "i", "ŋ": "ng",
    ]
}
