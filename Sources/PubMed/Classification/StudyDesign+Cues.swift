import Foundation

/// Finding the ASCII cue words of `StudyDesign` in text.
extension String {
    /// Whether the ASCII `cue` occurs in the text, matched on UTF-8 bytes (memchr and memcmp).
    ///
    /// Gives the same answers as Foundation's `contains(_:)` (which compares canonically
    /// equivalent character sequences) for an ASCII cue: a match followed by a combining mark
    /// (which would change the last character) does not count. Much faster than Foundation's
    /// search, which bridges to NSString and dominated profiles of large exports.
    func containsCue(_ cue: String) -> Bool {
        var text = self, cue = cue
        return text.withUTF8 { text in cue.withUTF8 { Self.contains($0, in: text) } }
    }

    private static func contains(_ needle: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let needleStart = needle.baseAddress, !needle.isEmpty else { return true }
        guard let textStart = text.baseAddress else { return false }
        var offset = 0
        // memchr finds the next first byte, memcmp checks the rest; a match followed by a
        // combining mark does not count.
        while offset + needle.count <= text.count,
              let found = memchr(textStart + offset, Int32(needleStart.pointee), text.count - offset - needle.count + 1) {
            let index = textStart.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if memcmp(textStart + index, needleStart, needle.count) == 0, !startsCombiningMark(text, at: index + needle.count) {
                return true
            }
            offset = index + 1
        }
        return false
    }

    /// Whether a combining diacritical mark (U+0300–U+036F) starts at `index`.
    private static func startsCombiningMark(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index + 1 < text.count else { return false }
        let lead = text[index], next = text[index + 1]
        return (lead == 0xCC && next >= 0x80) || (lead == 0xCD && next <= 0xAF)
    }
}
