/// English words that open a clause with a subject of its own ("…, and it rapidly reduces…",
/// "…, they are not…", "…, which…"). Function words, not topic words, so they live in code.
enum ClauseCues {
    /// Pronouns that stand as a new clause's subject.
    static let subjects: Set<String> = ["it", "they", "we", "he", "she", "this", "these", "those", "its", "their"]
    /// Words that open a relative or contrasting clause.
    static let relatives: Set<String> = ["which", "who", "whereas", "while"]
}
