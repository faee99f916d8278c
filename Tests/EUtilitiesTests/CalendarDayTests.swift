import EUtilities
import Testing

@Suite("CalendarDay and DateRange")
struct CalendarDayTests {
    @Test("day numbers round-trip", arguments: [-719_468, -1, 0, 1, 11_016, 18_321, 19_782, 2_932_896])
    func roundTrip(days: Int) {
        #expect(CalendarDay(daysSinceEpoch: days).daysSinceEpoch == days)
    }

    @Test("known days", arguments: [
        ("1970-01-01", 0), ("2000-02-29", 11_016), ("2020-03-01", 18_322), ("1781-01-01", -69_030),
    ])
    func known(text: String, days: Int) throws {
        let day = try #require(CalendarDay(parsing: text))
        #expect(day.daysSinceEpoch == days)
        #expect(day.description == text)
    }

    @Test("partial dates start or end their period", arguments: [
        ("2019", false, "2019/01/01"), ("2019", true, "2019/12/31"), ("2024/02", true, "2024/02/29"),
        ("2023-02", true, "2023/02/28"), ("2021/6/5", false, "2021/06/05"),
    ])
    func partial(text: String, end: Bool, expected: String) throws {
        #expect(try #require(CalendarDay(parsing: text, endOfPeriod: end)).entrezFormat == expected)
    }

    @Test("impossible dates are rejected", arguments: ["2019-02-29", "2019-13-01", "19-01-01", "2019-1x", "", "2019-01-01-02"])
    func invalid(text: String) {
        #expect(CalendarDay(parsing: text) == nil)
    }

    @Test("bisection covers the range without overlap or gap")
    func bisection() throws {
        let range = try #require(DateRange(first: CalendarDay(parsing: "2019-12-30")!, last: CalendarDay(parsing: "2020-01-04")!))
        let halves = try #require(range.bisected())
        #expect(halves.older.first == range.first)
        #expect(halves.newer.last == range.last)
        #expect(halves.older.last.adding(days: 1) == halves.newer.first)
        #expect(halves.older.dayCount + halves.newer.dayCount == range.dayCount)
        #expect(DateRange(first: range.first, last: range.first)!.bisected() == nil)
    }
}
