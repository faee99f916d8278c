/// Renders a check report as Markdown, the default output of `evidence check`.
public enum MarkdownReportRenderer {
    /// The Markdown text.
    public static func render(_ report: CheckReport) -> String {
        var out: [String] = []
        out.append("# Fact check: \(report.article.title ?? report.article.source)")
        out.append("")
        out.append("Source: `\(report.article.source)` · index snapshot `\(report.snapshot.prefix(12))` · lexicon \(report.lexicon) · \(report.tool)")
        out.append("")
        let checkable = report.claims.filter { $0.verdict != Verdict.notCheckable.rawValue }
        let counts = Verdict.allCases.compactMap { verdict -> String? in
            let n = report.summary[verdict.rawValue] ?? 0
            return n > 0 ? "\(n) \(verdict.rawValue)" : nil
        }
        out.append("**\(report.claims.count) claims** (\(checkable.count) checkable): \(counts.joined(separator: ", ")). \(report.skipped.count) passages skipped.")
        out.append("")
        if let changes = report.changes {
            out.append("## Changes since the last run (\(changes.previousCheckedAt))")
            out.append("")
            if changes.isEmpty { out.append("No changes.") }
            for change in changes.verdictChanges { out.append("- \(change.claim): verdict \(change.from) → **\(change.to)**") }
            for link in changes.newCitations { out.append("- \(link.claim): new citation PMID \(link.pmid) (\(link.stance))") }
            for link in changes.removedCitations { out.append("- \(link.claim): citation PMID \(link.pmid) no longer found") }
            for claim in changes.newClaims { out.append("- \(claim): new claim") }
            for text in changes.removedClaims { out.append("- claim no longer in the article: \(escape(text))") }
            if changes.humanDecisionsApplied > 0 { out.append("- \(changes.humanDecisionsApplied) human review decision(s) kept") }
            out.append("")
        }
        out.append("## Claims")
        out.append("")
        for claim in checkable {
            out.append("### \(claim.id) · \(claim.type) · \(badge(claim.verdict))")
            out.append("")
            out.append("> \(escape(claim.text))")
            out.append("")
            out.append("- Reading: \(claim.statement) (chars \(claim.start)–\(claim.end))")
            out.append("- Verdict: **\(claim.verdict)**: \(claim.reason)")
            if claim.citations.isEmpty {
                out.append("- Citations: none above the relevance threshold.")
            }
            out.append("")
            for (rank, c) in claim.citations.prefix(5).enumerated() {
                var meta = [c.year.map(String.init), c.design, c.n.map { "n=\($0)" }].compactMap { $0 }.joined(separator: ", ")
                if c.retracted { meta += ", RETRACTED" }
                var line = "\(rank + 1). [PMID \(c.pmid)](\(c.url)) (\(meta)) **\(c.stance)** (score \(c.score))"
                if c.method == "human" || c.decision != nil { line += " · \(c.method)\(c.decision.map { ", \($0)" } ?? "")" }
                out.append(line)
                out.append("   \"\(escape(c.quote))\" (\(c.quoteLocation) \(c.quoteStart)–\(c.quoteEnd))")
                if let comparison = c.comparison { out.append("   Numbers: \(comparison)") }
                else if !c.numbers.isEmpty { out.append("   Numbers: \(c.numbers.map(\.summary).joined(separator: "; "))") }
                for flag in c.flags { out.append("   ⚠ \(flag)") }
            }
            out.append("")
        }
        let uncheckable = report.claims.filter { $0.verdict == Verdict.notCheckable.rawValue }
        if !uncheckable.isEmpty {
            out.append("## Not checkable")
            out.append("")
            for claim in uncheckable { out.append("- \(claim.id): \(escape(claim.text)) (\(claim.reason))") }
            out.append("")
        }
        if !report.skipped.isEmpty {
            out.append("## Skipped")
            out.append("")
            for skip in report.skipped where skip.reason != "heading" {
                out.append("- \(skip.reason)\(skip.cue.map { " (\"\($0)\")" } ?? ""): \(escape(skip.text))")
            }
            let headings = report.skipped.filter { $0.reason == "heading" }.count
            if headings > 0 { out.append("- \(headings) headings") }
            out.append("")
        }
        return out.joined(separator: "\n")
    }

    static func badge(_ verdict: String) -> String {
        switch verdict {
        case Verdict.supported.rawValue: return "✅ supported"
        case Verdict.partlySupported.rawValue: return "🟡 partly supported"
        case Verdict.contradicted.rawValue: return "❌ contradicted"
        case Verdict.noEvidence.rawValue: return "⚪ no evidence found in this index"
        default: return "➖ not checkable"
        }
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "*", with: "\\*").replacingOccurrences(of: "_", with: "\\_")
    }
}
