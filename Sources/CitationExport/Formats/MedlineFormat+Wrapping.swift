/// Line wrapping of MEDLINE fields.
extension MedlineFormat {
    /// Appends `TAG - value`, wrapped at `lineWidth` with six-space continuation lines.
    ///
    /// Breaks fall on spaces; a word longer than a line (a URL) is never split.
    static func appendField(tag: String, value: String, to output: inout String) {
        var prefix = tag
        while prefix.count < 4 { prefix += " " }
        prefix += "- "
        let available = lineWidth - 6
        var text = value
        let wrapped: [UInt8]? = text.withUTF8 { bytes in
            // Widths are counted in characters (UTF-8 lead bytes), which is what PubMed's NFC text needs.
            var width = 0
            for byte in bytes where byte & 0xC0 != 0x80 { width += 1 }
            if width <= available { return nil }
            var lines: [UInt8] = Array(prefix.utf8)
            lines.reserveCapacity(bytes.count + bytes.count / 40 * 7 + 16)
            var lineLength = 0
            var start = 0
            while start < bytes.count {
                var end = start
                var wordWidth = 0
                while end < bytes.count, bytes[end] != 0x20 {
                    if bytes[end] & 0xC0 != 0x80 { wordWidth += 1 }
                    end += 1
                }
                if end > start {
                    let word = UnsafeBufferPointer(rebasing: bytes[start..<end])
                    if lineLength == 0 {
                        lines.append(contentsOf: word)
                        lineLength = wordWidth
                    } else if lineLength + 1 + wordWidth <= available {
                        lines.append(0x20)
                        lines.append(contentsOf: word)
                        lineLength += 1 + wordWidth
                    } else {
                        lines.append(contentsOf: [0x0A, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20])
                        lines.append(contentsOf: word)
                        lineLength = wordWidth
                    }
                }
                start = end + 1
            }
            lines.append(0x0A)
            return lines
        }
        if let wrapped {
            output += String(decoding: wrapped, as: UTF8.self)
        } else {
            output += prefix
            output += value
            output += "\n"
        }
    }
}
