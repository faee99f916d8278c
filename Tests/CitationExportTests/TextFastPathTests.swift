@testable import CitationExport
import Foundation
import Testing
import EvidenceTestSupport

/// The byte-level fast paths of the text helpers give what the plain definitions give.
struct TextFastPathTests {
    /// Pieces that random texts are made of: words, every kind of white space, non-ASCII
    /// letters, combining marks and Markdown/LaTeX specials.
    static let pieces = ["a", "word", "Zürich", "e\u{301}", " ", "  ", "\t", "\n", "\r\n", "\u{A0}", "\u{2009}", "\u{3000}",
                         "\u{85}", "\u{2028}", "\u{200B}", "α", "抑郁", "*", "_", "[x]", "\u{1}", "-", ",", "12", "n=4"]

    /// Deterministic random texts of 0 to 40 pieces.
    static let texts: [String] = {
        var generator = SeededGenerator(seed: 42)
        return (0..<3_000).map { _ in
            (0..<Int.random(in: 0...40, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
        }
    }()

    /// The definition: split on Unicode White_Space, join with single spaces.
    static func collapsed(_ text: String) -> String {
        text.unicodeScalars.split(whereSeparator: \.properties.isWhitespace).map { String(String.UnicodeScalarView($0)) }
            .joined(separator: " ")
    }

    @Test("Collapsing white space matches its definition, eight bytes at a time or not")
    func collapsing() {
        for text in Self.texts + ["", " ", "abcdefgh ijklmnop", "abcdefg  hijklmno", "abcdefgh" + "  " + "x", "1234567 89"] {
            #expect(text.collapsingWhitespace == Self.collapsed(text), "\(text.debugDescription)")
        }
    }

    @Test("Trimming matches Foundation's trimmingCharacters(in:)")
    func trimming() {
        for text in Self.texts {
            #expect(text.trimmingWhitespaceAndNewlines == text.trimmingCharacters(in: .whitespacesAndNewlines), "\(text.debugDescription)")
            #expect(text.trimmingBlanks == text.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
        }
    }

    @Test("MEDLINE lines never exceed the width and keep every word in order")
    func wrapping() {
        for text in Self.texts.map(\.collapsingWhitespace) where !text.isEmpty {
            var output = ""
            MedlineFormat.appendField(tag: "AB", value: text, to: &output)
            let lines = output.dropLast().components(separatedBy: "\n")
            #expect(lines.allSatisfy { $0.count <= MedlineFormat.lineWidth || !$0.dropFirst(6).contains(" ") })
            let words = lines.enumerated().map { $0.offset == 0 ? String($0.element.dropFirst(6)) : String($0.element.dropFirst(6)) }
            #expect(words.joined(separator: " ") == text)
        }
    }
}
