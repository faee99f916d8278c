/// Whether a claim is about use outside supervised treatment, and whether a record is.
///
/// "Possible cognitive effects if used frequently or without proper medical oversight" claims a harm
/// of frequent or unsupervised use. Trials of supervised treatment that found no such harm do not
/// contradict it: they studied another setting. A record on recreational or illicit use, or on its
/// users, does bear on it. The cues are English words about how a drug is used, not topic words.
enum UseSetting {
    /// Phrases by which a claim puts itself outside supervised treatment.
    static let unsupervisedCues = PhraseMatcher<Bool>(
        ["used frequently", "frequent use", "frequently used", "heavy use", "used heavily", "without medical", "without proper medical",
         "without proper supervision", "without supervision", "unsupervised", "outside medical", "outside of medical", "recreational",
         "recreationally", "illicit", "misused", "abused", "nonmedical"].map { ($0, true) },
        foldedWords: true)

    /// Stems of words by which a record is about use outside supervised treatment.
    static let nonmedicalStems: Set<String> = Set(
        ["recreational", "recreationally", "illicit", "nonmedical", "misuse", "misusers", "abusers", "users", "street"]
            .flatMap(WordTokenizer.stems(of:)))

    /// Whether `text` (a claim's sentence) speaks of frequent, heavy or unsupervised use.
    static func isUnsupervised(_ text: String) -> Bool {
        !unsupervisedCues.matches(in: WordTokenizer.tokens(of: ScalarText(text))).isEmpty
    }

    /// Whether a record's title or abstract speaks of use outside supervised treatment.
    static func isNonmedical(_ analysis: RecordAnalysis) -> Bool {
        !analysis.allStems.isDisjoint(with: nonmedicalStems)
    }
}
