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
        if value.count <= available {
            output += prefix + value + "\n"
            return
        }
        output += prefix
        var lineLength = 0
        for word in value.split(separator: " ", omittingEmptySubsequences: true) {
            if lineLength == 0 {
                output += word
                lineLength = word.count
            } else if lineLength + 1 + word.count <= available {
                output += " "
                output += word
                lineLength += 1 + word.count
            } else {
                output += "\n      "
                output += word
                lineLength = word.count
            }
        }
        output += "\n"
    }
}
