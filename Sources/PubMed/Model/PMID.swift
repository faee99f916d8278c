/// A PubMed identifier.
///
/// PMIDs are positive integers; they are kept as `Int64` so they can be an
/// SQLite `INTEGER PRIMARY KEY`, and printed without leading zeros.
public struct PMID: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The numeric value.
    public let value: Int64

    /// Wraps a numeric PMID.
    public init(_ value: Int64) { self.value = value }

    /// Parses a PMID from text such as `"30271887"`; surrounding white space is ignored.
    ///
    /// Returns `nil` for anything that is not a positive decimal integer.
    public init?(_ text: some StringProtocol) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.allSatisfy({ $0.isASCII && $0.isNumber }),
              let value = Int64(trimmed), value > 0 else { return nil }
        self.value = value
    }

    public var description: String { String(value) }

    public static func < (lhs: PMID, rhs: PMID) -> Bool { lhs.value < rhs.value }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int64.self) {
            self.value = number
        } else {
            let text = try container.decode(String.self)
            guard let pmid = PMID(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a PMID: \(text)")
            }
            self = pmid
        }
    }

    /// Encodes as a string, as PubMed's own JSON does.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

import Foundation
