import Foundation

/// A record identifier in an Entrez database (for PubMed, a PMID).
///
/// EUtilities does not depend on the PubMed model, so it carries its own wrapper; commands
/// convert to `PMID` where they meet the store.
public struct EntrezUID: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The numeric identifier.
    public var rawValue: UInt64

    /// Wraps a numeric identifier.
    public init(rawValue: UInt64) {
        self.rawValue = rawValue
    }

    /// Parses decimal digits (surrounding whitespace allowed); nil for anything else or zero.
    public init?(_ text: some StringProtocol) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.allSatisfy(\.isASCIIDigitCharacter),
              let value = UInt64(trimmed), value > 0 else { return nil }
        rawValue = value
    }

    public init(from decoder: Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(UInt64.self)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public static func < (lhs: EntrezUID, rhs: EntrezUID) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String { String(rawValue) }
}

extension Character {
    /// Whether this is one of the ASCII digits 0-9.
    var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
