import EvidenceStore

/// Renders search results as a table that fits the terminal width.
struct SearchResultsTable {
    var style: TerminalStyle

    /// The whole table: summary line, hits (title line and snippet line), facets.
    func render(_ results: SearchResults) -> String {
        var lines: [String] = []
        let first = results.options.offset + 1
        let last = results.options.offset + results.hits.count
        var summary = "\(results.total) record\(results.total == 1 ? "" : "s") for \(results.query.description)"
        if !results.hits.isEmpty {
            summary += " (showing \(first)–\(last), by \(results.options.sort.rawValue))"
        }
        lines.append(TerminalStyle.fitted(summary, max(style.width, 40)))
        if !results.hits.isEmpty {
            lines.append(contentsOf: table(results.hits, startingAt: first))
        }
        for facet in SearchFacet.allCases {
            guard let counts = results.facets[facet] else { continue }
            lines.append("")
            lines.append(contentsOf: facetLines(facet, counts))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Rows for hits: `#  PMID  Year  Author  Journal  Design  Title`, then the snippet indented.
    func table(_ hits: [SearchHit], startingAt first: Int) -> [String] {
        let width = max(style.width, 40)
        let rankWidth = String(first + hits.count - 1).count
        var authorWidth = min(18, max(6, hits.map { ($0.firstAuthor ?? "").count }.max() ?? 6))
        var journalWidth = min(20, max(7, hits.map { ($0.journal ?? "").count }.max() ?? 7))
        var designWidth = min(17, max(6, hits.map { $0.design.rawValue.count }.max() ?? 6))
        // Narrow terminals: shrink, then drop, the journal, design and author columns so the
        // title keeps at least 20 characters.
        func fixedWidth() -> Int {
            rankWidth + 2 + 8 + 2 + 4 + 2 + [authorWidth, journalWidth, designWidth].filter { $0 > 0 }.reduce(0) { $0 + $1 + 2 }
        }
        while fixedWidth() + 20 > width, journalWidth > 7 || authorWidth > 8 || designWidth > 6 {
            if journalWidth > 7 { journalWidth -= 1 }
            if authorWidth > 8 { authorWidth -= 1 }
            if designWidth > 6 { designWidth -= 1 }
        }
        if fixedWidth() + 20 > width { journalWidth = 0 }
        if fixedWidth() + 20 > width { designWidth = 0 }
        if fixedWidth() + 20 > width { authorWidth = 0 }
        let titleWidth = max(10, width - fixedWidth())
        func cell(_ text: String, _ count: Int) -> String { count > 0 ? TerminalStyle.padded(text, count) + "  " : "" }
        var lines: [String] = []
        let header = TerminalStyle.padded("#", rankWidth) + "  " + TerminalStyle.padded("PMID", 8) + "  Year  "
            + cell("Author", authorWidth) + cell("Journal", journalWidth) + cell("Design", designWidth) + "Title"
        lines.append(header)
        let indent = String(repeating: " ", count: rankWidth + 2)
        for (offset, hit) in hits.enumerated() {
            let rank = String(first + offset)
            var line = String(repeating: " ", count: rankWidth - rank.count) + rank + "  "
            line += TerminalStyle.padded(hit.pmid.description, 8) + "  "
            line += TerminalStyle.padded(hit.year.map(String.init) ?? "", 4) + "  "
            line += cell(hit.firstAuthor ?? "", authorWidth)
            line += cell(hit.journal ?? "", journalWidth)
            line += cell(hit.design.rawValue, designWidth)
            line += highlighted(hit.title, fittingIn: titleWidth)
            lines.append(line)
            if !hit.snippet.segments.isEmpty {
                lines.append(contentsOf: wrapped(hit.snippet, width: width - indent.count - 1, maxLines: 2).map { indent + $0 })
            }
        }
        return lines
    }

    func facetLines(_ facet: SearchFacet, _ counts: [FacetCount]) -> [String] {
        let title: String
        switch facet {
        case .year: title = "By year"
        case .type: title = "By publication type"
        case .journal: title = "By journal"
        case .mesh: title = "By MeSH descriptor"
        }
        guard !counts.isEmpty else { return ["\(title): none"] }
        let valueWidth = min(max(10, style.width - 12), min(40, counts.map(\.value.count).max() ?? 4))
        let countWidth = counts.map { String($0.count).count }.max() ?? 1
        return ["\(title):"] + counts.map { count in
            let number = String(count.count)
            return "  " + TerminalStyle.padded(count.value, valueWidth) + "  "
                + String(repeating: " ", count: countWidth - number.count) + number
        }
    }

    /// Highlighted text cut to `count` characters, bold matches when the style allows.
    func highlighted(_ text: HighlightedText, fittingIn count: Int) -> String {
        var remaining = count
        var result = ""
        let total = text.plain.count
        let budget = total > count ? count - 1 : count
        remaining = budget
        for segment in text.segments where remaining > 0 {
            let piece = String(segment.text.prefix(remaining))
            remaining -= piece.count
            result += segment.isMatch && style.bold ? "\u{1B}[1m" + piece + "\u{1B}[22m" : piece
        }
        if total > count { result += "…" }
        return result
    }

    /// Highlighted text wrapped at word boundaries to `width`, at most `maxLines` lines.
    func wrapped(_ text: HighlightedText, width: Int, maxLines: Int) -> [String] {
        // Words carry whether they are (part of) a match.
        var words: [(String, Bool)] = []
        for segment in text.segments {
            let parts = segment.text.split(separator: " ", omittingEmptySubsequences: false)
            for (index, part) in parts.enumerated() {
                if index > 0 || words.isEmpty { words.append(("", false)) }
                if !part.isEmpty {
                    let last = words.count - 1
                    let marked = segment.isMatch && style.bold ? "\u{1B}[1m" + part + "\u{1B}[22m" : String(part)
                    words[last] = (words[last].0 + marked, words[last].1 || segment.isMatch)
                }
            }
        }
        var lines: [String] = []
        var line = ""
        var lineCount = 0
        for (word, _) in words where !word.isEmpty {
            let visible = word.replacingOccurrences(of: "\u{1B}[1m", with: "").replacingOccurrences(of: "\u{1B}[22m", with: "").count
            if lineCount > 0 && lineCount + 1 + visible > width {
                lines.append(line)
                if lines.count == maxLines { return truncatedLast(lines) }
                line = ""
                lineCount = 0
            }
            if lineCount > 0 {
                line += " "
                lineCount += 1
            }
            line += word
            lineCount += visible
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    private func truncatedLast(_ lines: [String]) -> [String] {
        var lines = lines
        if let last = lines.last, !last.hasSuffix("…") { lines[lines.count - 1] = last + "…" }
        return lines
    }
}
