/// Text with the spans that matched the query marked, for bold or `[…]` rendering.
public struct HighlightedText: Hashable, Sendable {
    /// A run of text, matched or not.
    public struct Segment: Hashable, Sendable {
        /// The text.
        public var text: String
        /// Whether it matched a query term.
        public var isMatch: Bool

        /// Creates a segment.
        public init(_ text: String, isMatch: Bool) {
            self.text = text
            self.isMatch = isMatch
        }
    }

    /// The runs, in order.
    public var segments: [Segment]

    /// Creates highlighted text from its runs.
    public init(segments: [Segment]) {
        self.segments = segments
    }

    /// Unhighlighted text.
    public init(plain text: String) {
        segments = text.isEmpty ? [] : [Segment(text, isMatch: false)]
    }

    /// Parses text in which FTS5 wrapped each match in U+0001 … U+0002.
    init(markedText text: String) {
        var segments: [Segment] = []
        var current = ""
        var inMatch = false
        for character in text {
            if character == "\n" || character == "\r" || character == "\t" {
                current.append(" ")
            } else if character == "\u{1}" || character == "\u{2}" {
                if !current.isEmpty { segments.append(Segment(current, isMatch: inMatch)) }
                current = ""
                inMatch = character == "\u{1}"
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { segments.append(Segment(current, isMatch: inMatch)) }
        self.segments = segments
    }

    /// The text without marks.
    public var plain: String { segments.map(\.text).joined() }

    /// Matches wrapped in `[` `]`, for JSON and CSV.
    public var bracketed: String { rendered(open: "[", close: "]") }

    /// Matches wrapped in `open` and `close` (e.g. ANSI bold on a terminal).
    public func rendered(open: String, close: String) -> String {
        segments.map { $0.isMatch ? open + $0.text + close : $0.text }.joined()
    }

    /// Whether any span matched.
    public var hasMatches: Bool { segments.contains(where: \.isMatch) }
}
