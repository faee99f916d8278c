/// Turns HTML into plain text without touching the words: tags are dropped, block elements
/// become line breaks, list items become bullet lines, entities are decoded, and `script`,
/// `style`, `nav`, `head` and comments are skipped. Every plain scalar keeps its origin.
///
/// This is a tolerant scanner, not a validating parser: unclosed tags and stray `<` are
/// read as text where that is the only sensible reading.
public enum HTMLStripper {
    static let blockElements: Set<String> = [
        "p", "div", "section", "article", "header", "footer", "main", "aside", "blockquote", "pre",
        "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "dt", "dd", "table", "tr", "figure",
        "figcaption", "hr", "title", "form", "fieldset", "address",
    ]
    static let skippedElements: Set<String> = ["script", "style", "head", "nav", "noscript", "template", "svg", "button", "iframe"]

    /// The plain text of an HTML document.
    public static func strip(_ html: ScalarText) -> PlainText {
        let s = html.scalars
        var out = PlainTextBuilder()
        var i = 0
        var skipping: String?
        while i < s.count {
            let c = s[i]
            if c == "<" {
                // Comment, doctype, processing instruction.
                if matches(s, i, "<!--") {
                    i = find(s, from: i + 4, "-->").map { $0 + 3 } ?? s.count
                    continue
                }
                if i + 1 < s.count, s[i + 1] == "!" || s[i + 1] == "?" {
                    i = find(s, from: i, ">").map { $0 + 1 } ?? s.count
                    continue
                }
                if let tag = readTag(s, i) {
                    let name = tag.name
                    if let skipped = skipping {
                        if tag.closing && name == skipped { skipping = nil }
                        i = tag.end
                        continue
                    }
                    if !tag.closing && !tag.selfClosing && skippedElements.contains(name) {
                        skipping = name
                    } else if name == "br" {
                        out.breakBlock(at: i, blankLine: false)
                    } else if name == "li" {
                        if !tag.closing {
                            out.breakBlock(at: i, blankLine: true)
                            out.append("•", from: i)
                            out.append(" ", from: i)
                        } else {
                            out.breakBlock(at: i, blankLine: true)
                        }
                    } else if blockElements.contains(name) {
                        out.breakBlock(at: i, blankLine: true)
                    } else if name == "td" || name == "th" {
                        out.appendSpace(at: i)
                    }
                    i = tag.end
                    continue
                }
            }
            if skipping != nil { i += 1; continue }
            if c == "&", let entity = decodeEntity(s, i) {
                for scalar in entity.scalars { out.append(scalar, from: i) }
                i = entity.end
                continue
            }
            if c.properties.isWhitespace {
                // Collapse runs of white space to one space, as a browser does.
                out.appendSpace(at: i)
                i += 1
                continue
            }
            out.append(c, from: i)
            i += 1
        }
        return out.build(originalLength: s.count)
    }

    struct Tag {
        var name: String
        var closing: Bool
        var selfClosing: Bool
        var end: Int
    }

    static func readTag(_ s: [Unicode.Scalar], _ start: Int) -> Tag? {
        var i = start + 1
        var closing = false
        if i < s.count, s[i] == "/" { closing = true; i += 1 }
        let nameStart = i
        while i < s.count, s[i].properties.isAlphabetic || (i > nameStart && s[i].properties.numericType != nil) || s[i] == "-" { i += 1 }
        guard i > nameStart else { return nil }
        var name = String.UnicodeScalarView()
        name.append(contentsOf: s[nameStart..<i])
        // Skip attributes, honouring quotes (a '>' inside a quoted value does not end the tag).
        var quote: Unicode.Scalar?
        while i < s.count {
            let c = s[i]
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == ">" {
                let selfClosing = i > start && s[i - 1] == "/"
                return Tag(name: String(name).lowercased(), closing: closing, selfClosing: selfClosing, end: i + 1)
            }
            i += 1
        }
        return nil
    }

    static func matches(_ s: [Unicode.Scalar], _ i: Int, _ literal: String) -> Bool {
        var j = i
        for scalar in literal.unicodeScalars {
            guard j < s.count, s[j] == scalar else { return false }
            j += 1
        }
        return true
    }

    static func find(_ s: [Unicode.Scalar], from start: Int, _ literal: String) -> Int? {
        var i = start
        while i < s.count {
            if matches(s, i, literal) { return i }
            i += 1
        }
        return nil
    }

    static let namedEntities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "ndash": "–", "mdash": "—",
        "hellip": "…", "rsquo": "’", "lsquo": "‘", "rdquo": "”", "ldquo": "“", "bull": "•", "middot": "·",
        "plusmn": "±", "le": "≤", "ge": "≥", "minus": "−", "times": "×", "deg": "°", "micro": "µ", "copy": "©",
        "reg": "®", "trade": "™", "eacute": "é", "uuml": "ü", "ouml": "ö", "auml": "ä", "aring": "å",
    ]

    static func decodeEntity(_ s: [Unicode.Scalar], _ start: Int) -> (scalars: [Unicode.Scalar], end: Int)? {
        var i = start + 1
        var body = ""
        while i < s.count, i - start <= 10, s[i] != ";" {
            guard s[i].properties.isAlphabetic || s[i].properties.numericType != nil || s[i] == "#" else { return nil }
            body.unicodeScalars.append(s[i])
            i += 1
        }
        guard i < s.count, s[i] == ";", !body.isEmpty else { return nil }
        if body.hasPrefix("#") {
            let digits = body.dropFirst()
            let value = digits.lowercased().hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            guard let value, let scalar = Unicode.Scalar(value) else { return nil }
            return ([scalar], i + 1)
        }
        guard let text = namedEntities[body] else { return nil }
        return (Array(text.unicodeScalars), i + 1)
    }
}
