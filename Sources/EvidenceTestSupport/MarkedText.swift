/// Text with expected spans marked inline, as in swift-format's `MarkedText`:
/// `⟦label|spanned text⟧`. Markers may nest. Parsing removes the markers and records each
/// span's label and Unicode scalar offsets in the clean text.
public struct MarkedText: Sendable {
    /// A marked span.
    public struct Mark: Hashable, Sendable, CustomStringConvertible {
        /// The label before the bar ("efficacy").
        public var label: String
        /// The first scalar offset in the clean text.
        public var start: Int
        /// One past the last scalar offset.
        public var end: Int
        /// The spanned clean text.
        public var text: String

        public var description: String { "\(label)|\(text)" }
    }

    /// The text without markers.
    public let text: String
    /// The marks, ordered by where they open.
    public let marks: [Mark]

    /// Parses marked text. A "⟦" without a "|" before its content, or an unbalanced "⟧", is kept as text.
    public init(_ marked: String) {
        var clean = String.UnicodeScalarView()
        var count = 0
        var stack: [(label: String, start: Int)] = []
        var found: [(Int, Mark)] = []
        var scalars = Array(marked.unicodeScalars)[...]
        var order = 0
        while let scalar = scalars.first {
            scalars = scalars.dropFirst()
            if scalar == "⟦", let bar = scalars.firstIndex(of: "|"),
               !scalars[scalars.startIndex..<bar].contains("⟦"), !scalars[scalars.startIndex..<bar].contains("⟧") {
                var label = String.UnicodeScalarView()
                label.append(contentsOf: scalars[scalars.startIndex..<bar])
                stack.append((String(label), count))
                scalars = scalars[(bar + 1)...]
                continue
            }
            if scalar == "⟧", let open = stack.popLast() {
                let all = Array(clean)
                var text = String.UnicodeScalarView()
                text.append(contentsOf: all[open.start..<count])
                found.append((order, Mark(label: open.label, start: open.start, end: count, text: String(text))))
                order += 1
                continue
            }
            clean.append(scalar)
            count += 1
        }
        text = String(clean)
        marks = found.map(\.1).sorted { ($0.start, -$0.end) < ($1.start, -$1.end) }
    }
}
