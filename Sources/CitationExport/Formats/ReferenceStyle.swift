/// A reference-list style for the Markdown export.
public enum ReferenceStyle: String, CaseIterable, Sendable, Codable {
    /// ICMJE/NLM "Vancouver": numbered, up to six authors then "et al.", NLM journal abbreviations.
    case vancouver
    /// APA 7th edition: author–date, alphabetical, up to 20 authors, italic journal and volume.
    case apa
}
