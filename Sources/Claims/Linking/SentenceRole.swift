/// What part of a study report a sentence of its title or abstract is.
///
/// An abstract's aims and methods say what was studied and how ("We searched PubMed…",
/// "Response was defined as a ≥50% decrease…", "To evaluate esketamine in TRD"); they name the
/// claim's words without reporting anything about them, so they may be quoted as mentions but
/// never count as support or contradiction. Nor does a sentence that states what is not known
/// ("No previous study investigated…", "Limitations … include: lack of knowledge of long-term
/// side effects…", "further research is needed"): it names the claim's words to say there is
/// no evidence. The role comes from the abstract's section label when it has one ("METHODS",
/// "DATA SOURCES"), otherwise from cue phrases.
enum SentenceRole: String, Hashable, Sendable {
    case title, background, aim, methods, results, conclusions, unlabelled
    /// A limitation or a gap in knowledge: what the study could not show, or what no study has.
    case gap

    /// Whether the sentence reports something (a finding, a fact), rather than an aim, a method or a gap.
    var reports: Bool { self != .aim && self != .methods && self != .gap }

    /// The role of `sentence`, whose words are `tokens`; `numbers` are the numbers found in it
    /// (a sentence giving a p-value or an interval reports results, whatever else it says), and
    /// `signals` its stance signals: with a finding word or a negation, "were randomized to" is
    /// not a method ("patients randomized to ketamine improved more", "…showed no change").
    static func of(_ sentence: EvidenceSentence, tokens: [WordToken], numbers: [ReportedNumber], signals: StanceSignals) -> SentenceRole {
        if sentence.location == .title { return .title }
        var label = sentence.section.flatMap(role(ofSection:))
        var bodyStart = 0
        // A label written into the text ("Objective(s): The main goals…", "Background/Objectives: …").
        if label == nil, let colon = sentence.text.unicodeScalars.prefix(40).firstIndex(of: ":") {
            let prefix = String(sentence.text.unicodeScalars[..<colon])
            if prefix.split(separator: " ").count <= 3, let inline = role(ofSection: prefix) {
                label = inline
                let offset = sentence.text.unicodeScalars.distance(from: sentence.text.unicodeScalars.startIndex, to: colon)
                bodyStart = tokens.firstIndex { $0.span.start > offset } ?? tokens.count
            }
        }
        let body = Array(tokens[bodyStart...])
        var found = Set<Cue>()
        for match in cues.matches(in: body, overlapping: true) {
            if (match.payload == .aimOpening || match.payload == .gapOpening) && match.tokenRange.lowerBound != 0 { continue }
            found.insert(match.payload)
        }
        // A sentence that opens on a gap ("Limitations … include…", "No previous study…") is one, whatever its section.
        if found.contains(.gapOpening) { return .gap }
        // Background sections also hold the aim ("BACKGROUND AND AIMS"): read those by their cues.
        if let label, label != .background, label != .conclusions { return label }
        let fallback = label ?? .unlabelled
        if numbers.contains(where: { $0.kind == .pValue || $0.kind == .confidenceInterval }) { return fallback }
        // A gap phrase elsewhere makes one only in a sentence that states no finding or direction and
        // does not turn ("X reduced Y; larger trials are needed" reports the reduction; "X acts rapidly,
        // yet how remains unknown" reports the speed).
        if found.contains(.gap), signals.findings == 0, signals.direction == 0, !signals.hasContrast { return .gap }
        // Conclusions are read by their label otherwise.
        if label == .conclusions { return .conclusions }
        if found.contains(.aimOpening) || found.contains(.aim) { return .aim }
        if found.contains(.method) { return .methods }
        let hasFindingWord = signals.findings > 0 || signals.isNegative
        if !hasFindingWord, !found.contains(.result), found.contains(.procedure) { return .methods }
        return fallback
    }

    /// The kinds of cue phrase.
    enum Cue: Hashable, Sendable { case aimOpening, aim, method, procedure, result, gapOpening, gap }

    /// Every cue phrase, matched on whole folded words.
    static let cues = PhraseMatcher<Cue>(
        aimOpenings.map { ($0, .aimOpening) } + aimPhrases.map { ($0, .aim) } + methodPhrases.map { ($0, .method) }
            + procedurePhrases.map { ($0, .procedure) } + resultWords.map { ($0, .result) } + gapOpenings.map { ($0, .gapOpening) } + gapPhrases.map { ($0, .gap) },
        foldedWords: true)

    /// The role a structured abstract's label gives ("MATERIALS AND METHODS" → methods); nil for
    /// labels that say nothing of it.
    static func role(ofSection label: String) -> SentenceRole? {
        let words = Set(label.uppercased().split { !$0.isLetter }.map(String.init))
        func has(_ stems: [String]) -> Bool { words.contains { word in stems.contains { word.hasPrefix($0) } } }
        if has(["RESULT", "FINDING", "OUTCOME"]), !has(["MEASURE"]) { return .results }
        if has(["CONCLUSION", "INTERPRETATION", "IMPLICATION", "DISCUSSION", "SUMMARY", "SIGNIFICANCE"]) { return .conclusions }
        if has(["BACKGROUND", "INTRODUCTION", "CONTEXT", "RATIONALE", "IMPORTANCE", "PROBLEM"]) { return .background }
        if has(["OBJECTIVE", "AIM", "PURPOSE", "GOAL", "QUESTION", "HYPOTHES"]) { return .aim }
        if has(["METHOD", "DESIGN", "SETTING", "PARTICIPANT", "PATIENT", "SUBJECT", "SOURCE", "SELECTION", "EXTRACTION",
                "ELIGIBILITY", "SEARCH", "MEASURE", "INTERVENTION", "MATERIAL", "PROCEDURE", "SYNTHESIS", "ANALYS",
                "POPULATION", "SAMPLE", "EXPOSURE", "REGISTRATION", "PROTOCOL"]) { return .methods }
        return nil
    }

    /// How an aim sentence opens ("To evaluate…", "This study aimed…").
    static let aimOpenings = [
        "to evaluate", "to assess", "to investigate", "to determine", "to examine", "to compare", "to explore",
        "to describe", "to characterize", "to characterise", "to identify", "to estimate", "to review", "to test",
        "to summarize", "to summarise", "to synthesize", "to synthesise", "to quantify", "to analyze", "to analyse",
    ]
    /// Phrases of aims anywhere in a sentence.
    static let aimPhrases = [
        "this study aimed", "this study aims", "we aimed", "we aim to", "the aim of", "the aims of", "the objective of",
        "the objectives of", "the purpose of", "the goal of", "the goals of", "the main goals", "we sought to", "we investigated whether", "we examined whether",
        "we investigated the", "we hypothesized", "we hypothesised", "was designed to", "this review aims", "this review aimed",
    ] + ["study", "review", "systematic review", "meta-analysis", "trial", "analysis"].flatMap { what in
        // "This systematic review evaluated evidence on …" says what was studied, not what was found.
        ["evaluated", "examined", "assessed", "investigated", "explored", "evaluates", "examines", "assesses", "investigates", "explores"]
            .map { "this \(what) \($0)" }
    }
    /// Phrases of methods whatever else the sentence says: searches, eligibility, definitions.
    static let methodPhrases = [
        "we searched", "were searched", "search strategy", "systematic search", "literature search", "searched pubmed",
        "databases were", "inclusion criteria", "exclusion criteria", "were eligible", "were included if", "eligibility criteria",
        "defined as", "was defined", "were defined", "data were extracted", "were extracted", "risk of bias was",
        "this protocol", "were screened",
    ]
    /// How a sentence on a limitation or a gap in knowledge opens ("Limitations include…").
    static let gapOpenings = [
        "limitations", "limitation", "strengths and limitations", "future research", "further research", "future studies",
        "further studies", "more research", "no previous", "no prior", "little is known", "few studies",
    ]
    /// Phrases of gaps in knowledge anywhere in a sentence.
    static let gapPhrases = [
        "research is needed", "studies are needed", "trials are needed", "research is warranted", "studies are warranted",
        "remains unknown", "remain unknown", "knowledge gap", "knowledge gaps",
        "lack of knowledge", "lack of studies", "no studies", "has not been studied", "have not been studied",
        "has not been investigated", "have not been investigated", "has not been established", "have not been established",
    ]
    /// Words of outcomes that make a sentence naming a procedure a result ("randomized to
    /// ketamine improved more"). Direction words in general do not: "blocks of four", "more doses".
    static let resultWords = [
        "improved", "higher", "lower", "greater", "more than", "less than", "better", "worse", "responded",
        "remitted", "relapsed", "experienced", "occurred", "observed", "developed", "resulted",
    ]
    /// Phrases of procedures, methods only in a sentence that reports no finding.
    static let procedurePhrases = [
        "were randomized", "were randomised", "were randomly", "was randomized", "were allocated", "were divided into",
        "were recruited", "were enrolled", "were assessed using", "was assessed using", "were measured using",
        "was measured using", "were collected", "received", "were treated with", "were administered", "underwent",
    ]
}
