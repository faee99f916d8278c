/// Whether a claim is scoped to supervised treatment or to use outside it, and whether a record is
/// about use outside it.
///
/// "Possible cognitive effects if used frequently or without proper medical oversight" claims a harm
/// of frequent or unsupervised use: trials of supervised treatment that found no such harm do not
/// contradict it, since they studied another setting. "Not addictive when used at low doses under medical
/// supervision" is scoped the other way: a record on recreational use does not contradict it. The cues
/// are English words about how a drug is used, not topic words.
enum UseSetting: Hashable, Sendable {
    /// Supervised treatment at therapeutic doses.
    case supervised
    /// Frequent, heavy, recreational or otherwise unsupervised use.
    case unsupervised

    /// Phrases by which a claim scopes itself to one setting.
    static let cues = PhraseMatcher<UseSetting>(
        ["used frequently", "frequent use", "frequently used", "heavy use", "used heavily", "without medical", "without proper medical",
         "without proper supervision", "without supervision", "unsupervised", "outside medical", "outside of medical", "recreational",
         "recreationally", "illicit", "misused", "abused", "nonmedical"].map { ($0, UseSetting.unsupervised) }
        + ["under medical supervision", "under supervision", "medically supervised", "under medical oversight", "as prescribed",
           "at low doses", "at therapeutic doses", "in clinical settings", "in a clinical setting", "in medical settings"]
            .map { ($0, UseSetting.supervised) },
        foldedWords: true)

    /// Stems of words by which a record is about use outside supervised treatment.
    static let nonmedicalStems: Set<String> = Set(
        ["recreational", "recreationally", "illicit", "nonmedical", "abusers", "users", "street"]
            .flatMap(WordTokenizer.stems(of:)))

    /// The one setting `text` (a claim's sentence) scopes itself to; nil when it names none, or both.
    static func scope(of text: String) -> UseSetting? {
        let found = Set(cues.matches(in: WordTokenizer.tokens(of: ScalarText(text))).map(\.payload))
        return found.count == 1 ? found.first : nil
    }

    /// The setting evidence is about: unsupervised when the record's title or the quoted sentence
    /// speaks of recreational, illicit or nonmedical use or of users, otherwise supervised treatment.
    /// The rest of the abstract does not count: a review of supervised treatment may recall, in its
    /// background, ketamine's "history as a recreational drug".
    static func of(_ sentence: RecordAnalysis.Sentence, in analysis: RecordAnalysis) -> UseSetting {
        sentence.stems.isDisjoint(with: nonmedicalStems) && analysis.titleStems.isDisjoint(with: nonmedicalStems) ? .supervised : .unsupervised
    }

    /// The flag for evidence about `evidence` cited for a claim about `self`.
    func mismatch(with evidence: UseSetting) -> String {
        switch (self, evidence) {
        case (.unsupervised, .supervised): return "evidence is about supervised treatment, claim is about frequent or unsupervised use"
        case (.supervised, .unsupervised): return "evidence is about recreational or unsupervised use, claim is about supervised treatment"
        default: return ""
        }
    }
}
