import Foundation

/// How query text is split into searchable tokens and folded, mirroring the index's
/// `porter fold unicode61 remove_diacritics 2` tokenizer closely enough to decide what is a
/// phrase and what has nothing to search.
///
/// Tokens are runs of letters and digits (Unicode categories L, N and Co), as in unicode61.
/// Everything else (hyphens, slashes, apostrophes, `<`, `.`…) separates tokens, which is why
/// `treatment-resistant` becomes the phrase "treatment resistant" and `p<0.05` the phrase
/// "p 0 05". Stemming and diacritic folding are left to FTS5 itself: tokens go to `MATCH`
/// as quoted strings and are tokenized there by the same tokenizer as the documents.
public enum SearchText {
    /// The tokens of `text`, in order, as written (not folded).
    public static func tokens(_ text: some StringProtocol) -> [String] {
        var tokens: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isTokenScalar(scalar) {
                current.append(scalar)
            } else if !current.isEmpty {
                tokens.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { tokens.append(String(current)) }
        return tokens
    }

    /// Whether a scalar belongs to a token (letters, digits, private use; combining marks too,
    /// so that a decomposed "Å" stays one token).
    static func isTokenScalar(_ scalar: Unicode.Scalar) -> Bool {
        // ASCII without a Unicode property lookup: letters and digits only.
        if scalar.isASCII {
            let value = scalar.value
            return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber, .privateUse,
             .nonspacingMark, .spacingMark, .enclosingMark:
            return true
        default:
            return false
        }
    }

    /// Lower-cases `text`, removes diacritics and folds the letters unicode61 keeps
    /// (ø→o, ł→l, ı→i, ß→ss, æ→ae, œ→oe, đ→d, ð→d, þ→th), as the store does for
    /// `author.search_name` and `mesh_heading.search_descriptor`.
    public static func folded(_ text: some StringProtocol) -> String {
        TextFolding.fold(String(text))
    }

    /// Drops an English possessive ending (`ketamine's` → `ketamine`, also with ’).
    static func strippingPossessive(_ word: String) -> String {
        // Only a word ending in s or S can end in a possessive.
        guard let last = word.utf8.last, last == UInt8(ascii: "s") || last == UInt8(ascii: "S") else { return word }
        for suffix in ["'s", "’s", "'S", "’S"] where word.count > suffix.count + 1 && word.hasSuffix(suffix) {
            return String(word.dropLast(2))
        }
        return word
    }
}
