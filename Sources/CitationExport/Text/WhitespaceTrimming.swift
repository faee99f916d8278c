/// Trimming of white space without Foundation: `trimmingCharacters(in:)` bridges to NSString,
/// which dominated profiles of large exports.
extension String {
    /// The text without leading and trailing white space or line breaks: the same as
    /// `trimmingCharacters(in: .whitespacesAndNewlines)`.
    var trimmingWhitespaceAndNewlines: String { trimming(where: \.isWhitespaceOrNewline) }

    /// The text without leading and trailing blanks: the same as
    /// `trimmingCharacters(in: .whitespaces)`.
    var trimmingBlanks: String { trimming(where: \.isBlank) }

    private func trimming(where isTrimmed: (Unicode.Scalar) -> Bool) -> String {
        // Fast path: both ends are ASCII and not white space (most fields).
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 { return self }
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !isTrimmed($0) }) else { return "" }
        let end = scalars.lastIndex(where: { !isTrimmed($0) })!
        return String(self[start...end])
    }
}

extension Substring {
    /// `String(self).trimmingBlanks`.
    var trimmingBlanks: String { String(self).trimmingBlanks }
}

extension Unicode.Scalar {
    /// Foundation's `whitespacesAndNewlines` (as swift-corelibs-foundation has it): Unicode's
    /// White_Space property plus the zero-width space U+200B.
    var isWhitespaceOrNewline: Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// Foundation's `whitespaces`: tab, the space separators (category Zs) and U+200B.
    var isBlank: Bool {
        switch value {
        case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }
}
