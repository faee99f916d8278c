/// Finds lexicon phrases in tokenised text by comparing word stems, so "responded",
/// "responds" and "response" meet, and hyphens or case never matter.
public struct PhraseMatcher<Payload: Hashable & Sendable>: Sendable {
    struct Entry: Sendable {
        var stems: [String]
        var payload: Payload
        /// Compare folded words rather than stems (a phrase written "=dependence" in a lexicon).
        var exact: Bool
    }

    private var entriesByFirstStem: [String: [Entry]] = [:]

    /// A matcher for `phrases`, each carrying a payload (a concept id, a cue's type…).
    ///
    /// Phrases match on word stems, unless `foldedWords` is true or the phrase starts with
    /// "=" ("=dependence" must not meet "depending"), which match on whole folded words.
    public init(_ phrases: [(phrase: String, payload: Payload)], foldedWords: Bool = false) {
        for (phrase, payload) in phrases {
            let exact = foldedWords || phrase.hasPrefix("=")
            let text = phrase.hasPrefix("=") ? String(phrase.dropFirst()) : phrase
            let tokens = WordTokenizer.tokens(of: ScalarText(text))
            let keys = exact ? tokens.map(\.folded) : tokens.map(\.stem)
            guard let first = tokens.first else { continue }
            // Entries are filed under the first word's stem; exact entries re-check folded words.
            entriesByFirstStem[first.stem, default: []].append(Entry(stems: keys, payload: payload, exact: exact))
        }
        for key in entriesByFirstStem.keys {
            entriesByFirstStem[key]?.sort { $0.stems.count > $1.stems.count }
        }
    }

    /// Whether the matcher holds no phrase.
    public var isEmpty: Bool { entriesByFirstStem.isEmpty }

    /// Matches in `tokens`, left to right.
    ///
    /// With `overlapping` false, a longest match consumes its words; with true, every phrase
    /// that matches anywhere is reported (once per start position and payload).
    public func matches(in tokens: [WordToken], overlapping: Bool = false) -> [PhraseMatch<Payload>] {
        var result: [PhraseMatch<Payload>] = []
        var index = 0
        while index < tokens.count {
            var consumed = 0
            var seen = Set<Payload>()
            for entry in entriesByFirstStem[tokens[index].stem] ?? [] {
                let n = entry.stems.count
                guard index + n <= tokens.count else { continue }
                var ok = true
                for k in 0..<n {
                    let word = entry.exact ? tokens[index + k].folded : tokens[index + k].stem
                    if word != entry.stems[k] { ok = false; break }
                }
                guard ok, seen.insert(entry.payload).inserted else { continue }
                result.append(PhraseMatch(payload: entry.payload, tokenRange: index..<(index + n),
                                          span: TextSpan(start: tokens[index].span.start, end: tokens[index + n - 1].span.end)))
                consumed = max(consumed, n)
                if !overlapping { break }
            }
            index += overlapping ? 1 : max(1, consumed)
        }
        return result
    }
}

/// A phrase found in text.
public struct PhraseMatch<Payload: Hashable & Sendable>: Hashable, Sendable {
    /// What the phrase stands for.
    public var payload: Payload
    /// Which tokens it covers.
    public var tokenRange: Range<Int>
    /// Where it is in the text.
    public var span: TextSpan
}
