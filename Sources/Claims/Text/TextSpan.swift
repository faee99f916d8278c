/// A half-open range of Unicode scalar offsets into a text.
///
/// Offsets count Unicode scalars (code points), so `text[start:end]` in Python, or
/// `Array(text.unicodeScalars)[start..<end]` in Swift, gives back the spanned text.
public struct TextSpan: Hashable, Sendable, Codable, Comparable {
    /// The first scalar offset.
    public var start: Int
    /// The offset one past the last scalar.
    public var end: Int

    /// Makes a span; `end` is clamped to be at least `start`.
    public init(start: Int, end: Int) {
        self.start = start
        self.end = max(start, end)
    }

    /// The number of scalars spanned.
    public var length: Int { end - start }

    /// Whether the span contains `other` entirely.
    public func contains(_ other: TextSpan) -> Bool { start <= other.start && other.end <= end }

    /// Whether the two spans share at least one scalar.
    public func overlaps(_ other: TextSpan) -> Bool { start < other.end && other.start < end }

    public static func < (lhs: TextSpan, rhs: TextSpan) -> Bool {
        (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }
}

/// Text as an array of Unicode scalars, so that offsets are cheap and stable.
public struct ScalarText: Hashable, Sendable {
    /// The scalars.
    public let scalars: [Unicode.Scalar]

    /// Wraps a string.
    public init(_ string: String) { scalars = Array(string.unicodeScalars) }

    /// Wraps scalars.
    public init(scalars: [Unicode.Scalar]) { self.scalars = scalars }

    /// The number of scalars.
    public var count: Int { scalars.count }

    /// The text of `span`, clamped to the text.
    public func string(_ span: TextSpan) -> String {
        let lower = min(max(0, span.start), scalars.count)
        let upper = min(max(lower, span.end), scalars.count)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[lower..<upper])
        return String(view)
    }

    /// The whole text.
    public var string: String { string(TextSpan(start: 0, end: scalars.count)) }

    /// The text with every bracketed aside ("(RR 3.70; 95% CI …)", "[2.02-6.78]"), brackets included,
    /// blanked to spaces: offsets stay the same, but what was said in brackets is gone.
    public var bracketsBlanked: ScalarText {
        var depth = 0
        return ScalarText(scalars: scalars.map { scalar in
            switch scalar {
            case "(", "[": depth += 1; return " "
            case ")", "]": depth = max(0, depth - 1); return " "
            default: return depth > 0 ? " " : scalar
            }
        })
    }

    /// `span` with white space trimmed from both ends.
    public func trimmed(_ span: TextSpan) -> TextSpan {
        var start = max(0, span.start)
        var end = min(span.end, scalars.count)
        while start < end, scalars[start].properties.isWhitespace { start += 1 }
        while end > start, scalars[end - 1].properties.isWhitespace { end -= 1 }
        return TextSpan(start: start, end: end)
    }
}
