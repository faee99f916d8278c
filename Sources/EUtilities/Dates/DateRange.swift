import Foundation

/// Which date `mindate`/`maxdate` filter on (`datetype`).
public enum EntrezDateType: String, Sendable, Codable, CaseIterable {
    /// Publication date. Partial dates ("2019", "2019 Spring") make day slices uneven.
    case pdat
    /// Entrez date: when the record entered PubMed; always a full date, best for slicing.
    case edat
    /// Modification date.
    case mdat
}

/// An inclusive range of days, sent as `mindate`/`maxdate`.
public struct DateRange: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The first day.
    public var first: CalendarDay
    /// The last day (inclusive).
    public var last: CalendarDay

    /// A range; nil when `last` is before `first`.
    public init?(first: CalendarDay, last: CalendarDay) {
        guard first <= last else { return nil }
        self.first = first
        self.last = last
    }

    /// Days in the range.
    public var dayCount: Int { last.daysSinceEpoch - first.daysSinceEpoch + 1 }

    /// The two halves, older first; nil for a single day.
    public func bisected() -> (older: DateRange, newer: DateRange)? {
        guard dayCount > 1 else { return nil }
        let middle = first.adding(days: (dayCount - 1) / 2)
        return (DateRange(first: first, last: middle)!, DateRange(first: middle.adding(days: 1), last: last)!)
    }

    /// `YYYY-MM-DD..YYYY-MM-DD`.
    public var description: String { "\(first)..\(last)" }

    /// The earliest day PubMed's dates reach (its oldest records are from the 1780s).
    public static let pubMedOrigin = CalendarDay(year: 1781, month: 1, day: 1)!

    /// From `first` (or PubMed's origin) to `last` (or the end of next year, which covers
    /// publication dates set ahead).
    public static func covering(from first: CalendarDay?, through last: CalendarDay?, today: CalendarDay = .today()) -> DateRange? {
        let end = last ?? CalendarDay(year: today.year + 1, month: 12, day: 31)!
        return DateRange(first: first ?? pubMedOrigin, last: end)
    }
}
