/// Text with its markup removed, remembering where each scalar came from in the original.
///
/// `origin[i]` is the scalar offset in the original text of plain scalar `i`; inserted
/// separators (a newline for a closed `<p>`) map to the offset of the markup that caused them.
public struct PlainText: Sendable, Hashable {
    /// The plain text.
    public let text: ScalarText
    /// For each plain scalar, its offset in the original text.
    public let origin: [Int]
    /// The length of the original text in scalars.
    public let originalLength: Int

    /// Plain text that is its own original (a `.txt` file).
    public init(identity text: ScalarText) {
        self.text = text
        self.origin = Array(0..<text.count)
        self.originalLength = text.count
    }

    /// Plain text built by a markup stripper.
    public init(scalars: [Unicode.Scalar], origin: [Int], originalLength: Int) {
        self.text = ScalarText(scalars: scalars)
        self.origin = origin
        self.originalLength = originalLength
    }

    /// Maps a span of the plain text to the span of the original that holds it.
    public func originalSpan(of span: TextSpan) -> TextSpan {
        guard !origin.isEmpty else { return TextSpan(start: 0, end: 0) }
        let start = span.start < origin.count ? origin[max(0, span.start)] : originalLength
        let last = min(max(span.end - 1, span.start), origin.count - 1)
        let end = span.end > span.start ? origin[max(0, last)] + 1 : start
        return TextSpan(start: start, end: max(start, end))
    }
}

/// Accumulates plain scalars and their origins while a stripper walks markup.
struct PlainTextBuilder {
    var scalars: [Unicode.Scalar] = []
    var origin: [Int] = []

    mutating func append(_ scalar: Unicode.Scalar, from offset: Int) {
        scalars.append(scalar)
        origin.append(offset)
    }

    /// Appends a line break unless the text already ends with two (or is empty).
    mutating func breakBlock(at offset: Int, blankLine: Bool = true) {
        guard !scalars.isEmpty else { return }
        var trailing = 0
        for scalar in scalars.reversed() {
            if scalar == "\n" { trailing += 1 } else if scalar == " " || scalar == "\t" { continue } else { break }
        }
        let wanted = blankLine ? 2 : 1
        while trailing < wanted {
            append("\n", from: offset)
            trailing += 1
        }
    }

    /// Appends a space unless the text already ends with white space.
    mutating func appendSpace(at offset: Int) {
        guard let last = scalars.last, !last.properties.isWhitespace else { return }
        append(" ", from: offset)
    }

    func build(originalLength: Int) -> PlainText {
        PlainText(scalars: scalars, origin: origin, originalLength: originalLength)
    }
}
