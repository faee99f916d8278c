import PubMed

/// Citation keys such as `daly2019esketamine`: first author's family name, year and the first
/// significant word of the title, folded to lower-case ASCII.
///
/// - A collective author contributes its first significant word (`Esketamine Study Group` → `esketamine`).
/// - No author gives `anon`; no year gives `nd`.
/// - "Significant" skips function words and the generic words that open many titles
///   (`Efficacy`, `Safety`, `Effect`, `Study`…), so SUSTAIN-1, "Efficacy of Esketamine Nasal
///   Spray…", is `daly2019esketamine`. A bracketed (translated) title loses its brackets.
/// - Keys are made unique in input order: the first keeps the plain key, later ones get `a`, `b`, `c`…
///   (`daly2019esketamine`, `daly2019esketaminea`), so appending records never renames earlier ones.
public enum BibTeXKey {
    /// The key of one record, before it is made unique.
    public static func baseKey(for record: PubMedRecord) -> String {
        var key = authorPart(record)
        key += record.year.map(String.init) ?? "nd"
        key += titleWord(record.citationTitle ?? "")
        return key
    }

    /// Unique keys for `records`, in the same order.
    public static func uniqueKeys(for records: [PubMedRecord]) -> [String] {
        var used = Set<String>()
        var keys: [String] = []
        keys.reserveCapacity(records.count)
        for record in records {
            let base = baseKey(for: record)
            var key = base
            var index = 0
            while used.contains(key) {
                key = base + suffix(index)
                index += 1
            }
            used.insert(key)
            keys.append(key)
        }
        return keys
    }

    /// `a`…`z`, then `aa`, `ab`…
    static func suffix(_ index: Int) -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        if index < 26 { return String(letters[index]) }
        return suffix(index / 26 - 1) + String(letters[index % 26])
    }

    static func authorPart(_ record: PubMedRecord) -> String {
        guard let first = record.authors.first else { return "anon" }
        if let last = first.lastName, !first.isCollective {
            let folded = ASCIIFolding.foldedAlphanumerics(last)
            if !folded.isEmpty { return folded }
        }
        if let group = first.collectiveName {
            let word = titleWord(group)
            if !word.isEmpty { return word }
        }
        return "anon"
    }

    /// The first significant word of a title, folded.
    static func titleWord(_ title: String) -> String {
        if title.utf8.allSatisfy({ $0 < 0x80 }) { return asciiTitleWord(title) }
        var fallback = ""
        for raw in title.split(whereSeparator: { !($0.isLetter || $0.isNumber) }) {
            let word = ASCIIFolding.foldedAlphanumerics(String(raw))
            guard let decision = judge(word, fallback: &fallback) else { continue }
            return decision
        }
        return fallback
    }

    /// `titleWord` for ASCII text, on bytes: words are runs of ASCII letters and digits.
    private static func asciiTitleWord(_ title: String) -> String {
        var fallback = ""
        var word: [UInt8] = []
        func finish() -> String? {
            defer { word.removeAll(keepingCapacity: true) }
            guard !word.isEmpty else { return nil }
            return judge(String(decoding: word, as: UTF8.self), fallback: &fallback)
        }
        for byte in title.utf8 {
            switch byte {
            case 0x30...0x39, 0x61...0x7A: word.append(byte)
            case 0x41...0x5A: word.append(byte + 0x20)
            default: if let decision = finish() { return decision }
            }
        }
        return finish() ?? fallback
    }

    /// The folded `word` when it makes the key; otherwise `nil`, noting it as the fallback
    /// (the first word that is not a function word) when there is none yet.
    private static func judge(_ word: String, fallback: inout String) -> String? {
        guard let first = word.utf8.first, first >= 0x61 && first <= 0x7A else { return nil }
        if fallback.isEmpty, !functionWords.contains(word) { fallback = word }
        if !functionWords.contains(word), !genericWords.contains(word), word.utf8.count > 1 { return word }
        return nil
    }

    /// Words that never make a key.
    static let functionWords: Set<String> = [
        "a", "an", "the", "of", "on", "in", "into", "for", "and", "or", "to", "with", "without", "from", "by",
        "at", "as", "is", "are", "was", "were", "be", "does", "do", "can", "its", "their", "than", "versus",
        "vs", "via", "after", "before", "during", "between", "among", "under", "over", "about", "what", "how",
        "why", "when", "who", "which", "whether", "not", "no", "new", "le", "la", "les", "de", "des", "der",
        "die", "das", "el", "los", "del", "und", "et",
    ]

    /// Words that open many titles and say nothing about the subject.
    static let genericWords: Set<String> = [
        "efficacy", "safety", "effect", "effects", "effectiveness", "efficiency", "study", "studies", "trial",
        "trials", "analysis", "review", "evaluation", "comparison", "comparative", "association",
        "associations", "role", "impact", "use", "using", "randomized", "randomised", "assessment",
        "systematic", "update", "report", "case", "toward", "towards", "rapid", "long", "short", "term",
        "clinical", "real", "world",
    ]
}
