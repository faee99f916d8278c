import Foundation

/// A `[dp]` value: a year, month or day, or a range between two of them (`2015:2020`,
/// `2019/06`, `2019/06/01:2020`).
///
/// Bounds are kept as `YYYY-MM-DD` strings comparable with `article.sort_date`; a bound given
/// as a year or month covers the whole year or month.
public struct PublicationDateRange: Hashable, Sendable, CustomStringConvertible {
    /// One end of a range as written: a year, optionally a month and a day.
    public struct Point: Hashable, Sendable {
        /// The year.
        public var year: Int
        /// The month, 1–12.
        public var month: Int?
        /// The day, 1–31.
        public var day: Int?

        /// The first day the point covers, as `YYYY-MM-DD`.
        public var lowerBound: String { Self.format(year, month ?? 1, day ?? 1) }
        /// The last day the point covers, as `YYYY-MM-DD`.
        public var upperBound: String { Self.format(year, month ?? 12, day ?? 31) }

        /// As written, `YYYY[/MM[/DD]]`.
        public var written: String {
            var text = String(year)
            if let month { text += "/" + pad(month) }
            if let day { text += "/" + pad(day) }
            return text
        }

        static func format(_ y: Int, _ m: Int, _ d: Int) -> String {
            "\(String(format: "%04d", y))-\(pad(m))-\(pad(d))"
        }
    }

    /// The start of the range.
    public var from: Point
    /// The end of the range (equal to `from` for a single date).
    public var to: Point

    /// Whether both ends are whole years, so that `pub_year` alone answers it.
    public var isWholeYears: Bool { from.month == nil && from.day == nil && to.month == nil && to.day == nil }

    /// Parses `YYYY`, `YYYY/MM`, `YYYY/MM/DD` (also with `-` or `.`), or two of them joined by `:`.
    ///
    /// Returns `nil` when the text is not such a date; reversed ranges are put in order.
    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2,
              let first = Self.point(String(parts[0])) else { return nil }
        var last = first
        if parts.count == 2 {
            guard let second = Self.point(String(parts[1])) else { return nil }
            last = second
        }
        if first.lowerBound > last.upperBound {
            self.from = last
            self.to = first
        } else {
            self.from = first
            self.to = last
        }
    }

    /// Creates a range of whole years.
    public init(years: ClosedRange<Int>) {
        from = Point(year: years.lowerBound)
        to = Point(year: years.upperBound)
    }

    /// A range that starts at `from` and ends at `to`.
    public init(from: Point, to: Point) {
        self.from = from
        self.to = to
    }

    /// As written in a query (`2015:2020`).
    public var description: String { from == to ? from.written : "\(from.written):\(to.written)" }

    static func point(_ text: String) -> Point? {
        let fields = text.trimmingCharacters(in: .whitespaces)
            .split(omittingEmptySubsequences: false, whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." })
        guard (1...3).contains(fields.count),
              fields.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              fields[0].count == 4, let year = Int(fields[0]), year >= 1000 else { return nil }
        var point = Point(year: year)
        if fields.count >= 2 {
            guard fields[1].count <= 2, let month = Int(fields[1]), (1...12).contains(month) else { return nil }
            point.month = month
        }
        if fields.count == 3 {
            guard fields[2].count <= 2, let day = Int(fields[2]), (1...31).contains(day) else { return nil }
            point.day = day
        }
        return point
    }
}

private func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
