/// English words that open a clause with a subject of its own ("…, and it rapidly reduces…",
/// "…, they are not…", "…, which…"). Function words, not topic words, so they live in code.
enum ClauseCues {
    /// Pronouns that stand as a new clause's subject.
    static let subjects: Set<String> = ["it", "they", "we", "he", "she", "this", "these", "those", "its", "their"]
    /// Words that open a relative or contrasting clause.
    static let relatives: Set<String> = ["which", "who", "whereas", "while"]
}

extension ClauseCues {
    /// Phrases that make what follows a condition of a choice, not an assertion ("chosen based on …",
    /// "depending on …").
    static let conditionGovernors: [[String]] = [["based", "on"], ["depending", "on"], ["depends", "on"], ["depend", "on"],
                                                 ["according", "to"], ["determined", "by"], ["dictated", "by"]]
    /// Words that open an indirect question ("how quickly results are needed").
    static let questionWords: Set<String> = ["how", "what", "which", "whether", "when", "who", "whom"]

    /// The tokens of indirect questions that a condition governs: "… is chosen based on the condition
    /// and how quickly results are needed" asks nothing of the treatment, so "quickly" there is no
    /// onset claim. Each runs from the question word to the end of its clause (a comma, semicolon,
    /// colon or the end of `text`), and starts within eight words of the governor.
    static func conditionalQuestions(in tokens: [WordToken], text: ScalarText) -> [Range<Int>] {
        func breaks(between a: Int, and b: Int) -> Bool {
            let gap = text.string(TextSpan(start: tokens[a].span.end, end: tokens[b].span.start))
            return gap.contains { ",;:.()".contains($0) }
        }
        var ranges: [Range<Int>] = []
        var i = 0
        while i < tokens.count {
            guard let governor = conditionGovernors.first(where: { phrase in
                i + phrase.count <= tokens.count && phrase.indices.allSatisfy { tokens[i + $0].folded == phrase[$0] }
            }) else { i += 1; continue }
            let after = i + governor.count
            var question: Int?
            var k = after
            while k < min(tokens.count, after + 8) {
                if k > after, breaks(between: k - 1, and: k) { break }
                if questionWords.contains(tokens[k].folded) { question = k; break }
                k += 1
            }
            guard let start = question else { i = after; continue }
            var end = start + 1
            while end < tokens.count, !breaks(between: end - 1, and: end) { end += 1 }
            ranges.append(start..<end)
            i = end
        }
        return ranges
    }
}
