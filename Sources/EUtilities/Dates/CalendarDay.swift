import Foundation

/// A day in the proleptic Gregorian calendar, free of time zones.
///
/// E-utilities takes dates as `YYYY/MM/DD`; date slicing needs day arithmetic, done here on
/// a day count (days since 1970-01-01) rather than through `Calendar`.
public struct CalendarDay: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The year.
    public var year: Int
    /// The month, 1...12.
    public var month: Int
    /// The day of the month, 1...31.
    public var day: Int

    /// A day; nil when it does not exist (February 30th…).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...Self.daysInMonth(year: year, month: month)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The day `daysSinceEpoch` days after 1970-01-01.
    public init(daysSinceEpoch: Int) {
        // Howard Hinnant's civil_from_days.
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = doy - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// Days since 1970-01-01 (negative before).
    public var daysSinceEpoch: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The day `days` later (earlier when negative).
    public func adding(days: Int) -> CalendarDay {
        CalendarDay(daysSinceEpoch: daysSinceEpoch + days)
    }

    /// Today in UTC.
    public static func today(now: Date = Date()) -> CalendarDay {
        CalendarDay(daysSinceEpoch: Int((now.timeIntervalSince1970 / 86_400).rounded(.down)))
    }

    /// Parses `YYYY`, `YYYY/MM`, `YYYY/MM/DD` or the same with `-`; a partial date is its first
    /// day, or its last with `endOfPeriod`.
    public init?(parsing text: String, endOfPeriod: Bool = false) {
        let parts = text.trimmingCharacters(in: .whitespaces)
            .split(whereSeparator: { $0 == "/" || $0 == "-" }).map(String.init)
        guard (1...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigitCharacter) }),
              parts[0].count == 4, let year = Int(parts[0]) else { return nil }
        let month = parts.count > 1 ? Int(parts[1]) : (endOfPeriod ? 12 : 1)
        guard let month, (1...12).contains(month) else { return nil }
        let day = parts.count > 2 ? Int(parts[2]) : (endOfPeriod ? Self.daysInMonth(year: year, month: month) : 1)
        guard let day, let value = CalendarDay(year: year, month: month, day: day) else { return nil }
        self = value
    }

    /// `YYYY/MM/DD`, the form E-utilities takes.
    public var entrezFormat: String { String(format: "%04d/%02d/%02d", year, month, day) }

    /// `YYYYMMDD`, for file names.
    public var compactFormat: String { String(format: "%04d%02d%02d", year, month, day) }

    /// `YYYY-MM-DD`.
    public var description: String { String(format: "%04d-%02d-%02d", year, month, day) }

    public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = CalendarDay(parsing: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a date (YYYY-MM-DD): \(text)"))
        }
        self = value
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
