import Foundation

/// The folding the index applies to names and terms: lower case, no diacritics, and
/// the letters Unicode does not decompose spelled in ASCII (ø→o, ł→l, ı→i, ß→ss, æ→ae,
/// œ→oe, đ→d, ð→d, þ→th).
///
/// It matches what the FTS5 `fold` tokenizer does to tokens, so a column filled with
/// `TextFolding.fold(_:)` can be compared with a folded query term.
public enum TextFolding {
    /// `text` folded: `"Østergaard SD"` → `"ostergaard sd"`, `"Müller"` → `"muller"`.
    public static func fold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        var result = String.UnicodeScalarView()
        for scalar in text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            if let replacement = letters[scalar] {
                result.append(contentsOf: replacement.unicodeScalars)
            } else if scalar.properties.generalCategory != .nonspacingMark {
                result.append(scalar)
            }
        }
        return String(result)
    }

    private static let letters: [Unicode.Scalar: String] = [
        "ø": "o", "ł": "l", "ı": "i", "ß": "ss", "æ": "ae", "œ": "oe", "đ": "d", "ð": "d", "þ": "th",
        "Ø": "o", "Ł": "l", "ẞ": "ss", "Æ": "ae", "Œ": "oe", "Đ": "d", "Ð": "d", "Þ": "th",
    ]
}
