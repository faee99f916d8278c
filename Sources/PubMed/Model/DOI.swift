import Foundation

/// A Digital Object Identifier, kept without any resolver prefix (`10.1001/jamapsychiatry.2019.1189`).
public struct DOI: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The DOI itself, starting with `10.`.
    public let value: String

    /// Normalises `https://doi.org/10.x/y`, `doi:10.x/y` and `10.x/y` to `10.x/y`.
    ///
    /// Returns `nil` when no `10.` prefix is found.
    public init?(_ text: String) {
        // Fast path, the usual stored form: `10.…` with nothing to trim at either end.
        if text.utf8.starts(with: [0x31, 0x30, 0x2E]), let last = text.utf8.last, last > 0x20, last < 0x80 {
            self.value = text
            return
        }
        var trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        for prefix in ["https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:", "DOI:"]
        where trimmed.lowercased().hasPrefix(prefix.lowercased()) {
            trimmed = String(trimmed.dropFirst(prefix.count))
        }
        guard trimmed.hasPrefix("10.") else { return nil }
        self.value = trimmed
    }

    public var description: String { value }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let doi = DOI(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a DOI: \(text)"))
        }
        self = doi
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
