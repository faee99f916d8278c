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
        // Widths are counted in Unicode scalars, which is characters for PubMed's NFC text.
        if value.unicodeScalars.count <= available {
            output += prefix + value + "\n"
            return
        }
        output += prefix
        var lineLength = 0
        for word in value.split(separator: " ", omittingEmptySubsequences: true) {
            let width = word.unicodeScalars.count
            if lineLength == 0 {
                output += word
                lineLength = width
            } else if lineLength + 1 + width <= available {
                output += " "
                output += word
                lineLength += 1 + width
            } else {
                output += "\n      "
                output += word
                lineLength = width
            }
        }
        output += "\n"
    }
}
