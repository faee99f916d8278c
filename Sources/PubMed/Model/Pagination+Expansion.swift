extension Pagination {
    /// The page ranges with their end pages written in full: `148-52` → `148-152`,
    /// `1123-9` → `1123-1129`, `S1-5` → `S1-S5`; `e123` and comma-separated lists
    /// (`148-52, 160-2` → `148-152, 160-162`) are handled range by range.
    ///
    /// Uses `MedlinePgn`, else `StartPage`–`EndPage`, else `StartPage`. Parts that do
    /// not look like a numeric range are kept as written.
    public var expandedPages: String? {
        if let medlinePgn, !medlinePgn.trimmingWhitespace().isEmpty {
            return medlinePgn
                .split(separator: ",", omittingEmptySubsequences: false)
                .map { Pagination.expandRange(String($0).trimmingWhitespace()) }
                .joined(separator: ", ")
        }
        guard let startPage = startPage?.trimmingWhitespace(), !startPage.isEmpty else { return nil }
        if let endPage = endPage?.trimmingWhitespace(), !endPage.isEmpty, endPage != startPage {
            return Pagination.expandRange("\(startPage)-\(endPage)")
        }
        return startPage
    }

    /// Expands one range such as `148-52`; anything else comes back unchanged.
    static func expandRange(_ range: String) -> String {
        let parts = range.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return range }
        let (startPrefix, startDigits, startSuffix) = split(parts[0])
        let (endPrefix, endDigits, endSuffix) = split(parts[1])
        guard !startDigits.isEmpty, !endDigits.isEmpty, startSuffix.isEmpty, endSuffix.isEmpty,
              endPrefix.isEmpty || endPrefix == startPrefix else { return range }
        var fullEnd = endDigits
        if endDigits.count < startDigits.count {
            fullEnd = String(startDigits.prefix(startDigits.count - endDigits.count)) + endDigits
        }
        return "\(startPrefix)\(startDigits)-\(startPrefix)\(fullEnd)"
    }

    /// Splits `S12a` into (`S`, `12`, `a`).
    private static func split(_ page: Substring) -> (prefix: String, digits: String, suffix: String) {
        let prefix = page.prefix { !$0.isASCII || !$0.isNumber }
        let afterPrefix = page.dropFirst(prefix.count)
        let digits = afterPrefix.prefix { $0.isASCII && $0.isNumber }
        let suffix = afterPrefix.dropFirst(digits.count)
        return (String(prefix), String(digits), String(suffix))
    }
}
