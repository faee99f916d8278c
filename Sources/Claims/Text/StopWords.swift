/// English function words, left out of queries and word-overlap scores.
public enum StopWords {
    /// The folded stop words.
    public static let english: Set<String> = [
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be",
        "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do", "does",
        "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has", "have", "having", "he", "her", "here",
        "hers", "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "me",
        "more", "most", "my", "myself", "nor", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves",
        "out", "over", "own", "same", "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them",
        "themselves", "then", "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "very",
        "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you",
        "your", "yours", "yourself", "yourselves", "s", "t", "may", "might", "must", "shall", "often", "usually", "many", "much",
        "around", "within", "among", "like", "via", "per", "whether", "either", "however", "although", "though", "thus",
        "therefore", "s", "don", "doesn", "didn", "it’s", "one", "new", "use", "used", "using", "make", "makes", "made", "get",
        "gets", "well", "even", "still", "since", "yet", "lot", "way", "ways", "thing", "things", "something", "someone",
    ]

    /// Whether `folded` is a stop word.
    public static func contains(_ folded: String) -> Bool { english.contains(folded) }
}
