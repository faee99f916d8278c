import PubMed

/// A candidate record read once for linking: its sentences with their words, concepts,
/// numbers and stance signals, its design and sample size.
struct RecordAnalysis {
    struct Sentence {
        var sentence: EvidenceSentence
        var tokens: [WordToken]
        var stems: Set<String>
        var concepts: Set<String>
        var conceptMatches: [PhraseMatch<String>]
        var numbers: [ReportedNumber]
        var signals: StanceSignals
        /// Aim, methods, results…: only sentences that report can support or contradict.
        var role: SentenceRole
    }

    var record: EvidenceRecord
    var sentences: [Sentence]
    /// Concepts anywhere in the title, abstract or MeSH.
    var concepts: Set<String>
    var design: StudyDesign
    var sampleSize: Int?
    /// Every stem of the title and abstract.
    var allStems: Set<String>
    /// Adjacent stem pairs of the title and abstract.
    var bigrams: Set<String>
    /// The title's stems.
    var titleStems: Set<String>

    init(record: EvidenceRecord, lexicon: CompiledLexicon, numbers: NumberExtractor, stance: StanceCues) {
        self.record = record
        var all = Set<String>()
        sentences = EvidenceSentence.sentences(title: record.title, abstract: record.abstract).map { sentence in
            let text = ScalarText(sentence.text)
            let tokens = WordTokenizer.tokens(of: text)
            let matches = lexicon.conceptMatches(in: tokens)
            let concepts = Set(matches.map(\.payload))
            all.formUnion(concepts)
            let found = numbers.numbers(in: text, span: TextSpan(start: 0, end: text.count))
            let signals = stance.signals(in: tokens)
            return Sentence(sentence: sentence, tokens: tokens, stems: Set(tokens.map(\.stem)), concepts: concepts, conceptMatches: matches,
                            numbers: found, signals: signals,
                            role: SentenceRole.of(sentence, tokens: tokens, numbers: found, signals: signals))
        }
        // A trial protocol reports no results: its title and abstract say what will be studied, so
        // only its background may be quoted as more than a mention.
        if Self.isProtocol(record) {
            for index in sentences.indices where sentences[index].role != .background { sentences[index].role = .aim }
        }
        for term in record.meshTerms {
            all.formUnion(lexicon.conceptMatches(in: WordTokenizer.tokens(of: ScalarText(term))).map(\.payload))
        }
        concepts = all
        var stems = Set<String>()
        var pairs = Set<String>()
        for sentence in sentences {
            stems.formUnion(sentence.stems)
            for (a, b) in zip(sentence.tokens, sentence.tokens.dropFirst()) { pairs.insert(a.stem + " " + b.stem) }
        }
        allStems = stems
        bigrams = pairs
        titleStems = sentences.first { $0.sentence.location == .title }?.stems ?? []
        let isAnimal = all.contains { lexicon.concept($0)?.slot == .population && $0 == "animal" }
            || record.meshTerms.contains { ["Rats", "Mice", "Disease Models, Animal", "Animals"].contains($0) }
                && !record.meshTerms.contains("Humans")
        design = StudyDesign(publicationTypes: record.publicationTypes, meshDescriptors: record.meshTerms, title: record.title,
                             abstract: record.abstract, isAnimalStudy: isAnimal)
        sampleSize = SampleSize.find(in: record.abstract)
    }

    /// Whether `record` is a study protocol: its publication type says so ("Clinical Trial Protocol"), or
    /// its title does ("… : Study Protocol of a Randomized Trial", "Protocol for a …").
    static func isProtocol(_ record: EvidenceRecord) -> Bool {
        if record.publicationTypes.contains(where: { $0.lowercased() == "clinical trial protocol" }) { return true }
        let title = record.title.lowercased()
        return ["study protocol", "trial protocol", "protocol for a", "protocol for the", "protocol of a", "a protocol"].contains { title.contains($0) }
    }
}
