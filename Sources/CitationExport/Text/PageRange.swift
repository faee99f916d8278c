import PubMed

/// A page range with the abbreviated end page expanded: MEDLINE's `148-52` is 148 to 152.
///
/// `MedlinePgn` may hold several ranges (`148-52, 160`), electronic locators (`e1234`) or
/// supplement pages (`S12-5`, expanded to `S12`–`S15`).
public struct PageRange: Hashable, Sendable {
    /// The first page as printed (`148`, `e1234`, `S12`).
    public var first: String
    /// The last page, expanded (`152`), or `nil` for a single page.
    public var last: String?

    /// Creates a range.
    public init(first: String, last: String? = nil) {
        self.first = first
        self.last = last
    }

    /// Parses every comma-separated range of a `MedlinePgn`; empty for blank text.
    public static func ranges(medlinePgn: String) -> [PageRange] {
        medlinePgn.split(whereSeparator: { $0 == "," || $0 == ";" }).compactMap { piece in
            let part = piece.trimmingBlanks
            guard !part.isEmpty else { return nil }
            let ends = part.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
                .map { $0.trimmingBlanks }
            if ends.count == 2, !ends[0].isEmpty, !ends[1].isEmpty {
                return PageRange(first: ends[0], last: expand(end: ends[1], start: ends[0]))
            }
            return PageRange(first: part)
        }
    }

    /// The pages of a record: its `MedlinePgn`, else `StartPage`/`EndPage`.
    public static func ranges(of record: PubMedRecord) -> [PageRange] {
        guard let pagination = record.pagination else { return [] }
        if let pgn = pagination.medlinePgn, !pgn.isEmpty { return ranges(medlinePgn: pgn) }
        guard let start = pagination.startPage, !start.isEmpty else { return [] }
        if let end = pagination.endPage, !end.isEmpty, end != start {
            return [PageRange(first: start, last: expand(end: end, start: start))]
        }
        return [PageRange(first: start)]
    }

    /// Expands an abbreviated end page against its start: (`148`, `52`) → `152`, (`S12`, `5`) → `S15`.
    static func expand(end: String, start: String) -> String {
        let (startPrefix, startDigits) = split(start)
        let (endPrefix, endDigits) = split(end)
        guard !startDigits.isEmpty, !endDigits.isEmpty, endPrefix.isEmpty || endPrefix == startPrefix,
              end.hasSuffix(endDigits), endPrefix.count + endDigits.count == end.count else { return end }
        if endDigits.count < startDigits.count {
            return startPrefix + String(startDigits.dropLast(endDigits.count)) + endDigits
        }
        return startPrefix + endDigits
    }

    /// A leading run of letters and the digits after it (`S12` → (`S`, `12`)).
    private static func split(_ page: String) -> (String, String) {
        let prefix = page.prefix { !$0.isNumber }
        let digits = page.dropFirst(prefix.count)
        guard digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return ("", "") }
        return (String(prefix), String(digits))
    }

    /// `148-152`, with `separator` between the ends (`--` for BibTeX, `–` for APA).
    public func formatted(separator: String = "-") -> String {
        guard let last, last != first else { return first }
        return first + separator + last
    }
}

extension Array where Element == PageRange {
    /// All ranges, comma-separated, each with `separator` between its ends.
    public func formatted(separator: String = "-") -> String? {
        isEmpty ? nil : map { $0.formatted(separator: separator) }.joined(separator: ", ")
    }
}
