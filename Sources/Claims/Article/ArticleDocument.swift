import Foundation

/// A patient-facing article, read and segmented: the stage before claim extraction.
public struct ArticleDocument: Sendable {
    /// Where it came from (a path or a name).
    public var source: String
    /// The format it was read as.
    public var format: ArticleFormat
    /// The original text, exactly as read.
    public var original: ScalarText
    /// The text with markup removed, mapped back to `original`.
    public var plain: PlainText
    /// Headings, sentences and list items, in order.
    public var segments: [ArticleSegment]

    /// The first heading, taken as the article's title.
    public var title: String? {
        segments.first(where: { $0.kind == .heading })?.text
    }

    /// Reads and segments an article from text.
    public init(source: String, format: ArticleFormat, text: String, splitter: SentenceSplitter = SentenceSplitter()) {
        self.source = source
        self.format = format
        // Normalise line endings by treating '\r' as white space; offsets stay those of the original.
        let original = ScalarText(text)
        self.original = original
        switch format {
        case .text: plain = PlainText(identity: original)
        case .markdown: plain = MarkdownStripper.strip(original)
        case .html: plain = HTMLStripper.strip(original)
        }
        segments = ArticleSegmenter(splitter: splitter).segments(of: plain)
    }

    /// Reads an article file; the format follows the extension.
    public init(contentsOf path: String, splitter: SentenceSplitter = SentenceSplitter()) throws {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ClaimsError.unreadableArticle(path: path, reason: error.localizedDescription)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ClaimsError.unreadableArticle(path: path, reason: "not valid UTF-8")
        }
        self.init(source: path, format: ArticleFormat(path: path), text: text, splitter: splitter)
    }

    /// The text of a segment's original span, as it appears in the file.
    public func originalText(of segment: ArticleSegment) -> String {
        original.string(segment.originalSpan)
    }
}

/// Cuts plain text into blocks (separated by blank lines), lines and sentences.
struct ArticleSegmenter {
    var splitter: SentenceSplitter

    static let bullets: Set<Unicode.Scalar> = ["•", "◦", "▪", "‣", "·", "-", "*", "–", "○", "■", "●", "+"]

    func segments(of plain: PlainText) -> [ArticleSegment] {
        let text = plain.text
        let s = text.scalars
        var result: [ArticleSegment] = []
        var paragraph = 0
        var currentHeading: Int?
        var currentLeadIn: Int?
        var pendingProse: TextSpan?
        var blankLineSeen = false

        func emit(_ kind: ArticleSegment.Kind, _ span: TextSpan, leadIn: Int? = nil) {
            let trimmed = text.trimmed(span)
            guard trimmed.length > 0 else { return }
            let segment = ArticleSegment(
                index: result.count, kind: kind, span: trimmed, originalSpan: plain.originalSpan(of: trimmed),
                text: text.string(trimmed), paragraph: paragraph, leadIn: leadIn, heading: currentHeading)
            result.append(segment)
            if kind == .heading { currentHeading = segment.index }
        }

        func flushProse() {
            guard let prose = pendingProse else { return }
            pendingProse = nil
            let sentences = splitter.sentences(in: text, span: prose)
            for sentence in sentences { emit(.sentence, sentence) }
            if let last = result.last, last.kind == .sentence, last.text.hasSuffix(":") {
                currentLeadIn = last.index
            } else if !sentences.isEmpty {
                currentLeadIn = nil
            }
        }

        var lineStart = 0
        while lineStart <= s.count {
            var lineEnd = lineStart
            while lineEnd < s.count, s[lineEnd] != "\n" { lineEnd += 1 }
            let line = text.trimmed(TextSpan(start: lineStart, end: lineEnd))
            if line.length == 0 {
                if pendingProse != nil { flushProse(); paragraph += 1 }
                blankLineSeen = true
            } else if let item = listItemSpan(line, s) {
                flushProse()
                if blankLineSeen { paragraph += 1 }
                emit(.listItem, item, leadIn: currentLeadIn)
            } else if isHeading(line, text) && pendingProse == nil {
                paragraph += 1
                currentLeadIn = nil
                emit(.heading, line)
                paragraph += 1
            } else {
                if let prose = pendingProse {
                    pendingProse = TextSpan(start: prose.start, end: line.end)
                } else {
                    if result.last?.kind == .listItem, blankLineSeen { currentLeadIn = nil }
                    pendingProse = line
                }
            }
            if line.length > 0 { blankLineSeen = false }
            lineStart = lineEnd + 1
        }
        flushProse()
        return result
    }

    /// The span of a list item's text when `line` starts with a bullet or a number marker.
    func listItemSpan(_ line: TextSpan, _ s: [Unicode.Scalar]) -> TextSpan? {
        guard line.length > 1 else { return nil }
        let first = s[line.start]
        if Self.bullets.contains(first), line.start + 1 < line.end, s[line.start + 1].properties.isWhitespace {
            return TextSpan(start: line.start + 1, end: line.end)
        }
        var j = line.start
        while j < line.end, s[j].properties.numericType != nil, j - line.start < 3 { j += 1 }
        if j > line.start, j + 1 < line.end, s[j] == "." || s[j] == ")", s[j + 1] == " " {
            return TextSpan(start: j + 1, end: line.end)
        }
        return nil
    }

    /// A line on its own that is short and lacks closing punctuation, or is a short question.
    func isHeading(_ line: TextSpan, _ text: ScalarText) -> Bool {
        let string = text.string(line)
        let words = string.split(whereSeparator: { $0 == " " }).count
        guard words <= 14, let last = string.unicodeScalars.last else { return false }
        if last == "?" { return words <= 12 }
        if ".!:;,".unicodeScalars.contains(last) { return false }
        return true
    }
}
