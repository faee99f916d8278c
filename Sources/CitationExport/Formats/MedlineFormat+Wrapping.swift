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
        // Widths are counted in characters (UTF-8 lead bytes), which is what PubMed's NFC text needs.
        var width = 0
        for byte in value.utf8 where byte & 0xC0 != 0x80 { width += 1 }
        if width <= available {
            output += prefix
            output += value
            output += "\n"
            return
        }
        var bytes: [UInt8] = Array(prefix.utf8)
        bytes.reserveCapacity(value.utf8.count + value.utf8.count / 40 * 7 + 16)
        var lineLength = 0
        var word: [UInt8] = []
        var wordWidth = 0
        func flushWord() {
            guard !word.isEmpty else { return }
            if lineLength == 0 {
                bytes.append(contentsOf: word)
                lineLength = wordWidth
            } else if lineLength + 1 + wordWidth <= available {
                bytes.append(0x20)
                bytes.append(contentsOf: word)
                lineLength += 1 + wordWidth
            } else {
                bytes.append(contentsOf: [0x0A, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20])
                bytes.append(contentsOf: word)
                lineLength = wordWidth
            }
            word.removeAll(keepingCapacity: true)
            wordWidth = 0
        }
        for byte in value.utf8 {
            if byte == 0x20 {
                flushWord()
            } else {
                word.append(byte)
                if byte & 0xC0 != 0x80 { wordWidth += 1 }
            }
        }
        flushWord()
        bytes.append(0x0A)
        output += String(decoding: bytes, as: UTF8.self)
    }
}
