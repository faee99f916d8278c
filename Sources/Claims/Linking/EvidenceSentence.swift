/// A sentence of a record's title or abstract, with offsets into that field.
public struct EvidenceSentence: Hashable, Sendable {
    /// Which field it is in.
    public enum Location: String, Hashable, Sendable, Codable { case title, abstract }

    /// Which field it is in.
    public var location: Location
    /// Its span in the field's text (Unicode scalars).
    public var span: TextSpan
    /// The sentence.
    public var text: String
    /// The abstract section label ("RESULTS"), when there is one.
    public var section: String?

    /// The title and abstract sentences of a record. Abstract lines 'LABEL: text' are split
    /// into sentences after the label; offsets stay those of the stored abstract.
    public static func sentences(title: String, abstract: String, splitter: SentenceSplitter = SentenceSplitter()) -> [EvidenceSentence] {
        var result: [EvidenceSentence] = []
        let titleText = ScalarText(title)
        let titleSpan = titleText.trimmed(TextSpan(start: 0, end: titleText.count))
        if titleSpan.length > 0 {
            result.append(EvidenceSentence(location: .title, span: titleSpan, text: titleText.string(titleSpan), section: nil))
        }
        let text = ScalarText(abstract)
        let s = text.scalars
        var lineStart = 0
        while lineStart < s.count {
            var lineEnd = lineStart
            while lineEnd < s.count, s[lineEnd] != "\n" { lineEnd += 1 }
            var bodyStart = lineStart
            var section: String?
            // 'LABEL: ' prefix: upper-case words (and spaces, '/', '&') before a colon.
            var k = lineStart
            while k < lineEnd, k - lineStart < 60, s[k] != ":" { k += 1 }
            if k < lineEnd, k > lineStart, s[k] == ":" {
                let label = text.string(TextSpan(start: lineStart, end: k))
                if label.unicodeScalars.allSatisfy({ $0.properties.isUppercase || $0 == " " || $0 == "/" || $0 == "&" || $0 == "-" || $0 == "," }) {
                    section = label
                    bodyStart = k + 1
                }
            }
            for span in splitter.sentences(in: text, span: TextSpan(start: bodyStart, end: lineEnd)) {
                result.append(EvidenceSentence(location: .abstract, span: span, text: text.string(span), section: section))
            }
            lineStart = lineEnd + 1
        }
        return result
    }
}
