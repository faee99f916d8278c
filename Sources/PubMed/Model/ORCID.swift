/// ORCID iDs, as PubMed gives them in `Identifier Source="ORCID"`.
public enum ORCID {
    /// Normalises `https://orcid.org/0000-0002-1825-0097`, `0000000218250097` or
    /// `0000 0002 1825 0097` to `0000-0002-1825-0097` (a final `x` becomes `X`).
    ///
    /// Returns `nil` unless the text holds exactly sixteen ORCID characters (fifteen digits
    /// and a digit or `X`) after an optional `orcid.org/` prefix.
    public static func normalized(_ text: String) -> String? {
        var rest = Substring(text)
        if let range = rest.range(of: "orcid.org/", options: .caseInsensitive) {
            rest = rest[range.upperBound...]
        }
        var characters: [Character] = []
        for character in rest {
            if character.isASCII, character.isNumber {
                characters.append(character)
            } else if character == "X" || character == "x" {
                characters.append("X")
            } else if character == "-" || character == " " || character == "\u{A0}" || character.isNewline {
                continue
            } else {
                return nil
            }
        }
        guard characters.count == 16, !characters.dropLast().contains("X") else { return nil }
        var result = ""
        for (index, character) in characters.enumerated() {
            if index > 0, index % 4 == 0 { result.append("-") }
            result.append(character)
        }
        return result
    }
}
