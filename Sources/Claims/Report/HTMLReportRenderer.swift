/// Renders a check as one self-contained HTML page: the article text with claims
/// highlighted (coloured by verdict, linked to their cards), verdict badges, and
/// citations with quotes and PubMed links. No scripts, no external resources.
public enum HTMLReportRenderer {
    /// The page.
    public static func render(_ check: ArticleCheck, report: CheckReport) -> String {
        let title = report.article.title ?? report.article.source
        var html = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Fact check: \(escape(title))</title>
        <style>
        body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; color: #1d2125; background: #f6f7f9; }
        header { background: #24323f; color: #fff; padding: 16px 24px; }
        header h1 { margin: 0 0 4px; font-size: 22px; }
        header p { margin: 0; opacity: .85; font-size: 13px; }
        main { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1.2fr); gap: 24px; padding: 24px; }
        section.article { background: #fff; padding: 16px 20px; border-radius: 8px; white-space: pre-wrap; font-family: Georgia, serif; }
        section.claims { display: flex; flex-direction: column; gap: 12px; }
        mark { border-radius: 3px; padding: 0 1px; color: inherit; text-decoration: none; }
        mark a { color: inherit; text-decoration: none; }
        .v-supported { background: #c8efcf; } .v-partly { background: #fbeaa6; } .v-contradicted { background: #f8c4c0; }
        .v-none { background: #e3e6ea; } .v-notcheckable { background: transparent; border-bottom: 1px dotted #999; }
        article.claim { background: #fff; border-radius: 8px; padding: 12px 16px; border-left: 6px solid #ccc; }
        article.claim.v-supported { border-color: #2e9b46; background: #fff; } article.claim.v-partly { border-color: #c9a300; background: #fff; }
        article.claim.v-contradicted { border-color: #c9362b; background: #fff; } article.claim.v-none { border-color: #8a949e; background: #fff; }
        .badge { display: inline-block; font-size: 12px; font-weight: 600; padding: 1px 8px; border-radius: 10px; color: #fff; background: #8a949e; }
        .badge.v-supported { background: #2e9b46; } .badge.v-partly { background: #a88700; } .badge.v-contradicted { background: #c9362b; }
        .type { font-size: 12px; color: #56606a; text-transform: uppercase; letter-spacing: .04em; margin-left: 6px; }
        blockquote { margin: 6px 0; padding-left: 10px; border-left: 3px solid #d5dae0; color: #333; }
        ol.citations { padding-left: 20px; margin: 6px 0 0; } ol.citations li { margin-bottom: 8px; }
        .stance { font-weight: 600; } .stance.supports { color: #2e7d32; } .stance.contradicts { color: #c62828; }
        .stance.mixed { color: #a86b00; } .stance.mentions { color: #56606a; }
        .meta, .reason, .numbers { font-size: 13px; color: #4a545e; } .flag { font-size: 13px; color: #a35a00; }
        details { background: #fff; border-radius: 8px; padding: 8px 16px; }
        </style>
        </head>
        <body>
        <header>
        <h1>Fact check: \(escape(title))</h1>
        <p>Source \(escape(report.article.source)) · index snapshot \(escape(String(report.snapshot.prefix(12)))) · lexicon \(escape(report.lexicon)) · \(escape(report.tool))</p>
        <p>\(escape(summaryLine(report)))</p>
        </header>
        <main>
        <section class="article" aria-label="Article text">
        """
        html += highlightedArticle(check, report: report)
        html += "</section>\n<section class=\"claims\" aria-label=\"Claims\">\n"
        for claim in report.claims where claim.verdict != Verdict.notCheckable.rawValue {
            html += card(claim)
        }
        let uncheckable = report.claims.filter { $0.verdict == Verdict.notCheckable.rawValue }
        if !uncheckable.isEmpty {
            html += "<details><summary>\(uncheckable.count) statements not checkable</summary><ul>\n"
            for claim in uncheckable {
                html += "<li id=\"\(claim.id)\">\(escape(claim.text)) <span class=\"reason\">(\(escape(claim.reason)))</span></li>\n"
            }
            html += "</ul></details>\n"
        }
        let skipped = report.skipped.filter { $0.reason != "heading" }
        if !skipped.isEmpty {
            html += "<details><summary>\(skipped.count) passages skipped (advertising, calls to action…)</summary><ul>\n"
            for skip in skipped { html += "<li><b>\(escape(skip.reason))</b>: \(escape(skip.text))</li>\n" }
            html += "</ul></details>\n"
        }
        html += "</section>\n</main>\n</body>\n</html>\n"
        return html
    }

    static func summaryLine(_ report: CheckReport) -> String {
        let counts = Verdict.allCases.compactMap { v -> String? in
            let n = report.summary[v.rawValue] ?? 0
            return n > 0 ? "\(n) \(v.rawValue)" : nil
        }
        return "\(report.claims.count) claims: " + counts.joined(separator: ", ")
    }

    static func verdictClass(_ verdict: String) -> String {
        switch verdict {
        case Verdict.supported.rawValue: return "v-supported"
        case Verdict.partlySupported.rawValue: return "v-partly"
        case Verdict.contradicted.rawValue: return "v-contradicted"
        case Verdict.noEvidence.rawValue: return "v-none"
        default: return "v-notcheckable"
        }
    }

    static func card(_ claim: CheckReport.ClaimEntry) -> String {
        let cls = verdictClass(claim.verdict)
        var html = "<article class=\"claim \(cls)\" id=\"\(claim.id)\" data-verdict=\"\(escape(claim.verdict))\">\n"
        html += "<div><span class=\"badge \(cls)\">\(escape(claim.verdict))</span><span class=\"type\">\(escape(claim.id)) · \(escape(claim.type))</span></div>\n"
        html += "<blockquote>\(escape(claim.text))</blockquote>\n"
        html += "<div class=\"reason\">\(escape(claim.reason))</div>\n"
        if !claim.citations.isEmpty {
            html += "<ol class=\"citations\">\n"
            for c in claim.citations.prefix(5) {
                let meta = [c.year.map(String.init), c.design, c.n.map { "n=\($0)" }, c.retracted ? "RETRACTED" : nil]
                    .compactMap { $0 }.joined(separator: " · ")
                html += "<li class=\"citation\" data-pmid=\"\(c.pmid)\"><a href=\"\(c.url)\">PMID \(c.pmid)</a> <span class=\"stance \(c.stance)\">\(c.stance)</span> "
                html += "<span class=\"meta\">\(escape(meta)) · score \(c.score)</span><br><span class=\"meta\">\(escape(c.title))</span>"
                html += "<blockquote>\(escape(c.quote))</blockquote>"
                if let comparison = c.comparison { html += "<div class=\"numbers\">\(escape(comparison))</div>" }
                for flag in c.flags { html += "<div class=\"flag\">⚠ \(escape(flag))</div>" }
                html += "</li>\n"
            }
            html += "</ol>\n"
        }
        html += "</article>\n"
        return html
    }

    /// The plain article text with each claim's span wrapped in a `mark` linking to its card.
    static func highlightedArticle(_ check: ArticleCheck, report: CheckReport) -> String {
        let text = check.article.plain.text
        let verdicts = Dictionary(uniqueKeysWithValues: report.claims.map { ($0.id, $0.verdict) })
        let claims = check.checks.map(\.claim).filter { $0.plainSpan.length > 0 }
        var boundaries = Set([0, text.count])
        for claim in claims { boundaries.insert(claim.plainSpan.start); boundaries.insert(claim.plainSpan.end) }
        let points = boundaries.filter { $0 >= 0 && $0 <= text.count }.sorted()
        var html = ""
        for (start, end) in zip(points, points.dropFirst()) where end > start {
            let piece = escape(text.string(TextSpan(start: start, end: end)))
            let covering = claims.filter { $0.plainSpan.start <= start && end <= $0.plainSpan.end }
            guard let innermost = covering.min(by: { $0.plainSpan.length < $1.plainSpan.length }) else {
                html += piece
                continue
            }
            let verdict = verdicts[innermost.id] ?? ""
            let ids = covering.map(\.id).joined(separator: " ")
            html += "<mark class=\"\(verdictClass(verdict))\" data-claims=\"\(ids)\" title=\"\(escape(innermost.id)): \(escape(verdict))\"><a href=\"#\(innermost.id)\">\(piece)</a></mark>"
        }
        return html
    }

    /// HTML-escapes text.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }
}
