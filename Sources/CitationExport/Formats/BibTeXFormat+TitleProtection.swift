/// Brace protection of capitals in titles, so styles that change case keep acronyms and names.
extension BibTeXFormat {
    /// The escaped title with acronyms (and, in sentence-case titles, capitalised words) braced.
    ///
    /// A word is protected when a hyphen-separated part of it has a capital after its first
    /// letter (`TRD`, `mRNA`, `COVID-19`, `5-HT2A`, `McLean`, but not `Long-Term`), or when it starts with a capital anywhere but at the start of the
    /// title or of a subtitle in a title written in sentence case: there a capital marks a
    /// proper noun. In Title Case titles only the first kind is protected.
    static func protectedTitle(_ title: String) -> String {
        let clean = title.collapsingWhitespace
        let words = clean.split(separator: " ", omittingEmptySubsequences: true)
        let titleCase = isTitleCase(words)
        var output = ""
        var atSentenceStart = true
        for (index, word) in words.enumerated() {
            if index > 0 { output += " " }
            let escaped = LaTeXEscaping.escape(String(word))
            // Judge each hyphenated part alone: `Long-Term` is Title Case, `5-HT2A` an acronym.
            var hasInnerCapital = false
            var startsCapital = false
            var seenLetterInWord = false
            var seenLetterInPart = false
            for scalar in word.unicodeScalars {
                if scalar == "-" { seenLetterInPart = false; continue }
                let isLetter = scalar.isASCII ? (scalar.value | 0x20 >= 0x61 && scalar.value | 0x20 <= 0x7A) : scalar.properties.isAlphabetic
                guard isLetter else { continue }
                let isUpper = scalar.isASCII ? (scalar.value >= 0x41 && scalar.value <= 0x5A) : scalar.properties.isUppercase
                if !seenLetterInWord { startsCapital = isUpper }
                if seenLetterInPart && isUpper { hasInnerCapital = true }
                seenLetterInWord = true
                seenLetterInPart = true
            }
            if hasInnerCapital || (startsCapital && !titleCase && !atSentenceStart) {
                // Keep trailing punctuation outside the braces.
                let (core, tail) = splitTrailingPunctuation(escaped)
                output += "{" + core + "}" + tail
            } else {
                output += escaped
            }
            atSentenceStart = word.hasSuffix(":") || word.hasSuffix(".") || word.hasSuffix("?") || word.hasSuffix("!")
        }
        return output
    }

    /// Whether most longer words start with a capital (`Efficacy and Safety of Intranasal Esketamine`).
    static func isTitleCase(_ words: [Substring]) -> Bool {
        let long = words.filter { $0.count > 3 && ($0.first?.isLetter ?? false) }
        guard long.count >= 3 else { return false }
        let capitalised = long.filter { $0.first?.isUppercase ?? false }.count
        return Double(capitalised) / Double(long.count) >= 0.7
    }

    private static func splitTrailingPunctuation(_ word: String) -> (String, String) {
        var core = Substring(word)
        var tail = ""
        while let last = core.last, [".", ",", ":", ";", "?", "!"].contains(last), core.count > 1 {
            tail = String(last) + tail
            core = core.dropLast()
        }
        return (String(core), tail)
    }
}
