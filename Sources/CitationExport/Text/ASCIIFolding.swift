import Foundation

/// Folds text to ASCII letters and digits for identifiers such as BibTeX keys.
///
/// Accents are removed (`Müller` → `Muller`), special letters spelled out (`ø` → `o`,
/// `ł` → `l`, `ß` → `ss`, `æ` → `ae`); whatever has no ASCII form is dropped.
enum ASCIIFolding {
    /// Lower-cased ASCII letters and digits of `text`.
    static func foldedAlphanumerics(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.utf8.count)
            for byte in text.utf8 {
                switch byte {
                case 0x30...0x39, 0x61...0x7A: bytes.append(byte)
                case 0x41...0x5A: bytes.append(byte + 0x20)
                default: continue
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
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
