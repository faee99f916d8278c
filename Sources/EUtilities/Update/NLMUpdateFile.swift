import Foundation

/// An NLM distribution file, `pubmedYYnNNNN.xml.gz` (baseline or daily update).
///
/// NLM numbers the files of one year's release in sequence, the baseline first and the
/// daily updates after it, so applying them in (year, number) order replays history.
public struct NLMUpdateFile: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The file.
    public var url: URL
    /// The two-digit release year (`24` in `pubmed24n1219.xml.gz`).
    public var year: Int
    /// The file number (`1219`).
    public var number: Int

    /// The file name.
    public var name: String { url.lastPathComponent }

    /// The `.md5` sidecar NLM publishes beside each file.
    public var checksumURL: URL { url.deletingLastPathComponent().appendingPathComponent(name + ".md5") }

    /// Recognises `pubmedYYnNNNN.xml.gz` (or `.xml`); nil for any other name.
    public init?(url: URL) {
        let name = url.lastPathComponent
        let stem: Substring
        if name.hasSuffix(".xml.gz") {
            stem = name.dropLast(7)
        } else if name.hasSuffix(".xml") {
            stem = name.dropLast(4)
        } else {
            return nil
        }
        guard stem.hasPrefix("pubmed") else { return nil }
        let rest = stem.dropFirst(6)
        guard let n = rest.firstIndex(of: "n") else { return nil }
        let yearText = rest[..<n]
        let numberText = rest[rest.index(after: n)...]
        guard yearText.count == 2, (4...5).contains(numberText.count),
              yearText.allSatisfy(\.isASCIIDigitCharacter), numberText.allSatisfy(\.isASCIIDigitCharacter),
              let year = Int(yearText), let number = Int(numberText) else { return nil }
        self.url = url
        self.year = year
        self.number = number
    }

    /// Order of application: release year, then file number.
    public static func < (lhs: NLMUpdateFile, rhs: NLMUpdateFile) -> Bool {
        (lhs.year, lhs.number, lhs.name) < (rhs.year, rhs.number, rhs.name)
    }

    public var description: String { name }

    /// The distribution files in `folder`, in the order they are to be applied.
    public static func files(in folder: URL) throws -> [NLMUpdateFile] {
        try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .compactMap(NLMUpdateFile.init(url:))
            .sorted()
    }
}

/// An NLM `.md5` sidecar: `MD5(pubmed21n1298.xml.gz)= 0123…ef`.
public struct MD5Sidecar: Hashable, Sendable {
    /// The file name the checksum is for.
    public var fileName: String?
    /// The checksum, lower-case hex.
    public var digest: String

    /// Parses NLM's form, or the `md5sum` form (`hex  name`), or a bare hex digest.
    public init?(_ text: String) {
        let line = text.split(whereSeparator: \.isNewline).first.map(String.init)?
            .trimmingCharacters(in: .whitespaces) ?? ""
        func isDigest(_ value: Substring) -> Bool {
            value.count == 32 && value.allSatisfy(\.isHexDigit)
        }
        if line.hasPrefix("MD5("), let close = line.range(of: ")=") {
            let name = line[line.index(line.startIndex, offsetBy: 4)..<close.lowerBound]
            let value = line[close.upperBound...].trimmingCharacters(in: .whitespaces)
            guard isDigest(Substring(value)) else { return nil }
            fileName = String(name)
            digest = value.lowercased()
            return
        }
        let parts = line.split(separator: " ", omittingEmptySubsequences: true)
        guard let first = parts.first, isDigest(first) else { return nil }
        digest = first.lowercased()
        fileName = parts.count > 1 ? String(parts[1]).trimmingCharacters(in: CharacterSet(charactersIn: "*")) : nil
    }
}
