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

    /// Parses text in which FTS5 wrapped each match in U+0001 … U+0002; tabs and line breaks
    /// become spaces. Works on UTF-8 bytes (the marks and white space are ASCII, and UTF-8
    /// never uses ASCII bytes inside a multi-byte character).
    init(markedText text: String) {
        var segments: [Segment] = []
        var current: [UInt8] = []
        current.reserveCapacity(text.utf8.count)
        var inMatch = false
        for byte in text.utf8 {
            switch byte {
            case 0x0A, 0x0D, 0x09:
                current.append(0x20)
            case 0x01, 0x02:
                if !current.isEmpty { segments.append(Segment(String(decoding: current, as: UTF8.self), isMatch: inMatch)) }
                current.removeAll(keepingCapacity: true)
                inMatch = byte == 0x01
            default:
                current.append(byte)
            }
        }
        if !current.isEmpty { segments.append(Segment(String(decoding: current, as: UTF8.self), isMatch: inMatch)) }
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
