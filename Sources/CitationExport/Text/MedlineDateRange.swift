import PubMed

/// Reads the free-text `MedlineDate` of a journal issue as CSL date parts.
///
/// Handles `1998 Dec-1999 Jan`, `2000 Jan-Feb`, `1999-2000`, `2001 Nov 22-28`, `2003 Spring`
/// and a bare `1975`; anything else yields just the first four-digit year.
enum MedlineDateRange {
    /// One or two dates, each `[year]`, `[year, month]` or `[year, month, day]`; `nil` without a year.
    static func dateParts(_ text: String) -> [[Int]]? {
        let halves = text.split(separator: "-", maxSplits: 1).map { $0.split(separator: " ").map(String.init) }
        guard let start = halves.first, let year = start.first.flatMap({ Int($0) }), (1000...9999).contains(year) else {
            return firstYear(text).map { [[$0]] }
        }
        var first = [year]
        if start.count > 1, let month = PubDate.monthNumber(forName: start[1]) {
            first.append(month)
            if start.count > 2, let day = Int(start[2]) { first.append(day) }
        }
        guard halves.count == 2, let end = halves.last, let head = end.first else { return [first] }
        var second: [Int] = []
        if let number = Int(head), (1000...9999).contains(number) {
            second = [number]
            if end.count > 1, let month = PubDate.monthNumber(forName: end[1]) { second.append(month) }
        } else if let month = PubDate.monthNumber(forName: head) {
            second = [year, month]
            if end.count > 1, let day = Int(end[1]) { second.append(day) }
        } else if let day = Int(head), first.count == 3 {
            second = [year, first[1], day]
        } else {
            return [first]
        }
        return [first, second]
    }

    static func firstYear(_ text: String) -> Int? {
        var digits = ""
        for character in text {
            if character.isASCII && character.isNumber {
                digits.append(character)
                if digits.count == 4 { return Int(digits) }
            } else {
                digits = ""
            }
        }
        return nil
    }
}
