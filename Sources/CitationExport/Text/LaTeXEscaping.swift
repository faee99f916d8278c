import Foundation

/// Turns plain Unicode text into text that BibTeX and LaTeX read back as the same characters.
///
/// - The ten special characters become commands: `\&`, `\%`, `\$`, `\#`, `\_`, `\{`, `\}`,
///   `{\textasciitilde}`, `{\textasciicircum}`, `{\textbackslash}`; `<` and `>` become
///   `{\textless}` and `{\textgreater}`.
/// - Accented Latin letters become braced accent commands (`ü` → `{\"u}`, `ç` → `{\c{c}}`,
///   `í` → `{\'i}`), and special letters their commands (`ø` → `{\o}`, `ł` → `{\l}`, `ß` → `{\ss}`).
/// - Greek letters and a few symbols common in titles become math (`α` → `$\alpha$`, `≥` → `$\geq$`),
///   dashes become `--`/`---`, curly quotes straight ones.
/// - Anything else outside ASCII (Cyrillic, CJK…) stays as UTF-8, which biber and bibtexparser read.
public enum LaTeXEscaping {
    /// The escaped text.
    ///
    /// ASCII text is handled byte by byte (returned as is when nothing needs escaping); other
    /// text scalar by scalar, with each base letter and its combining marks taken together.
    public static func escape(_ text: String) -> String {
        var needsWork = false
        var isASCII = true
        for byte in text.utf8 {
            if byte >= 0x80 { isASCII = false; needsWork = true; break }
            if specialASCII[Int(byte)] { needsWork = true }
        }
        if !needsWork { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 32)
        if isASCII {
            for byte in text.utf8 {
                if let replacement = asciiReplacements[Int(byte)] { bytes.append(contentsOf: replacement) } else { bytes.append(byte) }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        var utf8Text = text
        utf8Text.withUTF8 { utf8 in
            var index = 0
            while index < utf8.count {
                let (scalar, width) = decodeScalar(utf8, at: index)
                // The cluster: this scalar and the combining marks after it (all at or above
                // U+0300, so their lead bytes are at least 0xCC).
                var end = index + width
                while end < utf8.count, utf8[end] >= 0xCC {
                    let (next, nextWidth) = decodeScalar(utf8, at: end)
                    guard isCombining(next) else { break }
                    end += nextWidth
                }
                if end == index + width, scalar.isASCII {
                    let byte = UInt8(scalar.value)
                    if let replacement = asciiReplacements[Int(byte)] { bytes.append(contentsOf: replacement) } else { bytes.append(byte) }
                } else {
                    var output = ""
                    appendNonASCII(Character(String(decoding: UnsafeBufferPointer(rebasing: utf8[index..<end]), as: UTF8.self)), to: &output)
                    bytes.append(contentsOf: output.utf8)
                }
                index = end
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The scalar starting at `index` of valid UTF-8, and its length in bytes.
    private static func decodeScalar(_ utf8: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        let lead = UInt32(utf8[index])
        let value: UInt32, width: Int
        switch lead {
        case ..<0x80: return (Unicode.Scalar(UInt8(lead)), 1)
        case ..<0xE0:
            value = (lead & 0x1F) << 6 | UInt32(utf8[index + 1] & 0x3F)
            width = 2
        case ..<0xF0:
            value = (lead & 0x0F) << 12 | UInt32(utf8[index + 1] & 0x3F) << 6 | UInt32(utf8[index + 2] & 0x3F)
            width = 3
        default:
            value = (lead & 0x07) << 18 | UInt32(utf8[index + 1] & 0x3F) << 12 | UInt32(utf8[index + 2] & 0x3F) << 6
                | UInt32(utf8[index + 3] & 0x3F)
            width = 4
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", width)
    }

    private static func isCombining(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.value >= 0x300 else { return false }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .spacingMark: return true
        default: return false
        }
    }

    /// ASCII bytes that need escaping (the specials, `<`, `>` and line breaks).
    private static let specialASCII: [Bool] = (0..<128).map { byte in
        "&%$#_{}~^\\<>\r\n\t".unicodeScalars.contains(Unicode.Scalar(UInt8(byte)))
    }

    /// The escaped bytes of each ASCII byte that needs escaping, `nil` for the others.
    private static let asciiReplacements: [[UInt8]?] = (0..<128).map { byte in
        guard specialASCII[byte] else { return nil }
        var text = ""
        appendASCII(Unicode.Scalar(UInt8(byte)), to: &text)
        return Array(text.utf8)
    }

    private static func appendASCII(_ character: Unicode.Scalar, to output: inout String) {
        switch character {
        case "&": output += "\\&"
        case "%": output += "\\%"
        case "$": output += "\\$"
        case "#": output += "\\#"
        case "_": output += "\\_"
        case "{": output += "\\{"
        case "}": output += "\\}"
        case "~": output += "{\\textasciitilde}"
        case "^": output += "{\\textasciicircum}"
        case "\\": output += "{\\textbackslash}"
        case "<": output += "{\\textless}"
        case ">": output += "{\\textgreater}"
        case "\n", "\r", "\t": output += " "
        default: output.unicodeScalars.append(character)
        }
    }

    private static func appendNonASCII(_ character: Character, to output: inout String) {
        if let replacement = letters[character] ?? symbols[character] {
            output += replacement
            return
        }
        // Decompose: a Latin base letter followed by combining accents.
        let scalars = Array(String(character).decomposedStringWithCanonicalMapping.unicodeScalars)
        if let base = scalars.first, base.isASCII, base.properties.isAlphabetic || (base == "i" || base == "j"),
           scalars.count > 1 {
            // Accents go on plain `i`/`j` (not `\i`): modern LaTeX, biber and pandoc all read
            // `\'i` as í, while pandoc turns `\'\i` into a dotless ı plus a combining accent.
            var inner = String(base)
            var complete = true
            for mark in scalars.dropFirst() {
                guard let command = accents[mark] else { complete = false; break }
                // `\"u`, and `\c c` rather than `\c{c}`: readers that drop inner braces
                // (citeproc-py) still see the argument. A stacked accent braces its argument.
                let argument = inner.hasPrefix("\\") ? "{\(inner)}" : inner
                if command.count == 1, !command.first!.isLetter {
                    inner = "\\\(command)\(argument)"
                } else {
                    inner = "\\\(command)" + (argument.hasPrefix("{") ? argument : " " + argument)
                }
            }
            if complete {
                output += "{\(inner)}"
                return
            }
        }
        output.append(character)
    }

    /// Combining marks and their accent commands.
    private static let accents: [Unicode.Scalar: String] = [
        "\u{0300}": "`", "\u{0301}": "'", "\u{0302}": "^", "\u{0303}": "~", "\u{0308}": "\"",
        "\u{030A}": "r", "\u{0327}": "c", "\u{030C}": "v", "\u{0304}": "=", "\u{0307}": ".",
        "\u{030B}": "H", "\u{0328}": "k", "\u{0306}": "u", "\u{0323}": "d", "\u{0331}": "b",
    ]

    /// Letters with their own commands.
    private static let letters: [Character: String] = [
        "ø": "{\\o}", "Ø": "{\\O}", "ł": "{\\l}", "Ł": "{\\L}", "ß": "{\\ss}", "æ": "{\\ae}", "Æ": "{\\AE}",
        "œ": "{\\oe}", "Œ": "{\\OE}", "å": "{\\aa}", "Å": "{\\AA}", "ı": "{\\i}", "ȷ": "{\\j}",
        "đ": "{\\dj}", "Đ": "{\\DJ}", "ð": "{\\dh}", "Ð": "{\\DH}", "þ": "{\\th}", "Þ": "{\\TH}",
        "ŋ": "{\\ng}", "Ŋ": "{\\NG}",
    ]

    /// Symbols, Greek letters and punctuation.
    private static let symbols: [Character: String] = [
        "\u{2013}": "--", "\u{2014}": "---", "\u{2010}": "-", "\u{2011}": "-", "\u{2212}": "-",
        "\u{2018}": "`", "\u{2019}": "'", "\u{201C}": "``", "\u{201D}": "''", "\u{00A0}": "~",
        "\u{2009}": "\\,", "\u{202F}": "\\,", "\u{2026}": "{\\ldots}",
        "×": "$\\times$", "±": "$\\pm$", "≤": "$\\leq$", "≥": "$\\geq$", "≈": "$\\approx$", "≠": "$\\neq$",
        "→": "$\\rightarrow$", "←": "$\\leftarrow$", "↑": "$\\uparrow$", "↓": "$\\downarrow$",
        "°": "$^{\\circ}$", "·": "$\\cdot$", "∼": "$\\sim$", "′": "$'$", "″": "$''$", "∞": "$\\infty$",
        "²": "$^{2}$", "³": "$^{3}$", "¹": "$^{1}$", "½": "$\\frac{1}{2}$",
        "©": "{\\textcopyright}", "®": "{\\textregistered}", "™": "{\\texttrademark}", "§": "{\\S}", "¶": "{\\P}",
        "µ": "$\\mu$",
        "α": "$\\alpha$", "β": "$\\beta$", "γ": "$\\gamma$", "δ": "$\\delta$", "ε": "$\\epsilon$",
        "ζ": "$\\zeta$", "η": "$\\eta$", "θ": "$\\theta$", "ι": "$\\iota$", "κ": "$\\kappa$",
        "λ": "$\\lambda$", "μ": "$\\mu$", "ν": "$\\nu$", "ξ": "$\\xi$", "π": "$\\pi$", "ρ": "$\\rho$",
        "σ": "$\\sigma$", "τ": "$\\tau$", "υ": "$\\upsilon$", "φ": "$\\phi$", "χ": "$\\chi$",
        "ψ": "$\\psi$", "ω": "$\\omega$", "Γ": "$\\Gamma$", "Δ": "$\\Delta$", "Θ": "$\\Theta$",
        "Λ": "$\\Lambda$", "Ξ": "$\\Xi$", "Π": "$\\Pi$", "Σ": "$\\Sigma$", "Φ": "$\\Phi$",
        "Ψ": "$\\Psi$", "Ω": "$\\Omega$",
    ]
}
