/// Turns Markdown into plain text, keeping line structure and every scalar's origin.
///
/// Removes heading markers, emphasis and code delimiters, link and image syntax (keeping
/// the link text or alt text), blockquote markers, fences, raw inline tags and reference
/// definitions. List markers (`-`, `*`, `+`, `1.`) become `•` so list items stay list items.
public enum MarkdownStripper {
    /// The plain text of a Markdown document.
    public static func strip(_ markdown: ScalarText) -> PlainText {
        let s = markdown.scalars
        var out = PlainTextBuilder()
        var lineStart = 0
        while lineStart < s.count {
            var lineEnd = lineStart
            while lineEnd < s.count, s[lineEnd] != "\n" { lineEnd += 1 }
            stripLine(s, lineStart, lineEnd, into: &out)
            if lineEnd < s.count { out.append("\n", from: lineEnd) }
            lineStart = lineEnd + 1
        }
        return out.build(originalLength: s.count)
    }

    static func stripLine(_ s: [Unicode.Scalar], _ start: Int, _ end: Int, into out: inout PlainTextBuilder) {
        var i = start
        while i < end, s[i] == " " || s[i] == "\t" { i += 1 }
        // Fences and thematic breaks vanish; reference definitions too.
        let line = String(String.UnicodeScalarView(s[i..<end]))
        if line.hasPrefix("```") || line.hasPrefix("~~~") { return }
        if line.count >= 3, Set(line.filter { $0 != " " }).count == 1, let c = line.first, "-*_".contains(c) { return }
        if line.hasPrefix("["), line.contains("]:") { return }
        // Blockquote markers.
        while i < end, s[i] == ">" {
            i += 1
            while i < end, s[i] == " " { i += 1 }
        }
        // Heading markers.
        if i < end, s[i] == "#" {
            var j = i
            while j < end, s[j] == "#" { j += 1 }
            if j - i <= 6, j == end || s[j] == " " {
                i = j
                while i < end, s[i] == " " { i += 1 }
            }
        }
        // List markers become bullets.
        if i + 1 < end, s[i] == "-" || s[i] == "*" || s[i] == "+", s[i + 1] == " " {
            out.append("•", from: i)
            out.append(" ", from: i + 1)
            i += 2
        } else {
            var j = i
            while j < end, s[j].properties.numericType != nil, j - i < 4 { j += 1 }
            if j > i, j + 1 < end, s[j] == "." || s[j] == ")", s[j + 1] == " " {
                out.append("•", from: i)
                out.append(" ", from: j + 1)
                i = j + 2
            }
        }
        stripInline(s, i, end, into: &out)
    }

    static func stripInline(_ s: [Unicode.Scalar], _ start: Int, _ end: Int, into out: inout PlainTextBuilder) {
        var i = start
        while i < end {
            let c = s[i]
            // Images and links: keep the bracketed text, drop the target.
            if c == "!" || c == "[" {
                let open = c == "!" ? i + 1 : i
                if open < end, s[open] == "[", let close = closing(s, open, end, "[", "]"),
                   close + 1 < end, s[close + 1] == "(", let paren = closing(s, close + 1, end, "(", ")") {
                    stripInline(s, open + 1, close, into: &out)
                    i = paren + 1
                    continue
                }
            }
            if c == "*" || c == "_" || c == "`" || c == "~" {
                // An emphasis run next to a word is markup; a lone one between spaces is text.
                let before = i > start ? s[i - 1] : " "
                var j = i
                while j < end, s[j] == c { j += 1 }
                let after = j < end ? s[j] : " "
                let intraword = c == "_" && before.properties.isAlphabetic && after.properties.isAlphabetic
                if !intraword, !(before.properties.isWhitespace && after.properties.isWhitespace) {
                    i = j
                    continue
                }
            }
            if c == "<", let tag = HTMLStripper.readTag(s, i), tag.end <= end {
                i = tag.end
                continue
            }
            if c == "\\", i + 1 < end, s[i + 1].isASCII, s[i + 1].properties.isPatternSyntax {
                out.append(s[i + 1], from: i + 1)
                i += 2
                continue
            }
            out.append(c, from: i)
            i += 1
        }
    }

    static func closing(_ s: [Unicode.Scalar], _ open: Int, _ end: Int, _ o: Unicode.Scalar, _ c: Unicode.Scalar) -> Int? {
        var depth = 0
        var i = open
        while i < end {
            if s[i] == o { depth += 1 } else if s[i] == c {
                depth -= 1
                if depth == 0 { return i }
            }
            i += 1
        }
        return nil
    }
}
