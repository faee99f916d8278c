@testable import Claims
import PubMed
import Testing

@Suite("Sentence roles: aims, methods and gaps never support")
struct SentenceRoleTests {
    static func role(_ text: String, section: String? = nil) -> SentenceRole {
        let sentence = EvidenceSentence(location: .abstract, span: TextSpan(start: 0, end: text.unicodeScalars.count), text: text, section: section)
        let tokens = WordTokenizer.tokens(of: ScalarText(text))
        return SentenceRole.of(sentence, tokens: tokens, numbers: NumberExtractor().numbers(in: text),
                               signals: StanceCues.english.signals(in: tokens))
    }

    @Test("roles from structured-abstract labels", arguments: [
        ("METHODS", SentenceRole.methods), ("MATERIALS AND METHODS", .methods), ("DATA SOURCES", .methods),
        ("STUDY SELECTION", .methods), ("MAIN OUTCOMES AND MEASURES", .methods), ("DESIGN, SETTING, AND PARTICIPANTS", .methods),
        ("OBJECTIVE", .aim), ("AIMS", .aim), ("RESULTS", .results), ("FINDINGS", .results),
        ("CONCLUSIONS", .conclusions), ("INTERPRETATION", .conclusions), ("BACKGROUND", .background),
        ("BACKGROUND AND AIMS", .background), ("Objective(s)", .aim),
    ])
    func labels(label: String, role: SentenceRole) {
        #expect(SentenceRole.role(ofSection: label) == role)
    }

    @Test("roles of unlabelled sentences from their cues", arguments: [
        ("We searched PubMed, Embase and the Cochrane Library from inception to May 2025.", SentenceRole.methods),
        ("Early treatment response was defined as a ≥ 50% decrease in MADRS total score at day 2.", .methods),
        ("Patients were divided into two groups: ketamine or opioid-based anaesthesia.", .methods),
        ("Sixteen pigs were randomized in blocks of four to be anesthetized with propofol-ketamine.", .methods),
        ("Patients who were randomized to ketamine improved more than those on midazolam.", .unlabelled),
        ("Patients who received ketamine showed no change in blood pressure.", .unlabelled),
        ("Seventy-two adults received a single 40-minute intravenous ketamine infusion or placebo.", .methods),
        ("To evaluate long-term safety and efficacy of esketamine nasal spray in TRD.", .aim),
        ("We investigated the potential role of the opioid system in the effects of ketamine.", .aim),
        ("Objective(s): The main goals of the study were to compare oxygen debt between groups.", .aim),
        ("This systematic review evaluated evidence on the effects of ketamine on cognitive functioning in neurological diseases.", .aim),
        // Reports: results, background facts, and sentences with statistics whatever their words.
        ("At day 28, 58.7% of patients responded to esketamine versus 45.2% with placebo.", .unlabelled),
        ("Ketamine, originally an anesthetic, has emerged as a treatment for depression.", .unlabelled),
        ("Patients randomized to ketamine had higher response rates (OR 2.1, 95% CI 1.2-3.4) than those on midazolam.", .unlabelled),
        ("Background/Objectives: Ketamine has attracted interest in psychiatry due to its rapid effects.", .background),
        // Limitations and gaps in knowledge.
        ("Limitations and opportunities for future research include: no studies in adolescents; lack of knowledge of long-term side effects, notably liability for abuse; need for improved assessment.", .gap),
        ("No previous study investigated the dexmedetomidine-based opioid-free anesthesia protocol in cardiac surgery.", .gap),
        ("The long-term safety of repeated infusions remains unknown.", .gap),
        ("Few studies have examined esketamine in adolescents.", .gap),
        // A finding with a gap beside it reports the finding.
        ("Ketamine significantly reduced depression scores; larger trials are needed.", .unlabelled),
        ("Ketamine has rapid antidepressant effects, yet how it acts on reward circuits remains unknown.", .unlabelled),
        ("Despite limitations, ketamine was well tolerated.", .unlabelled),
    ])
    func cues(text: String, role: SentenceRole) {
        #expect(Self.role(text) == role)
    }

    @Test("a trial protocol reports nothing: its title and design are mentions")
    func protocolsMention() throws {
        let planned = try #require(try Fixtures.citation(9500009, for: "Ketamine reduced suicidal thoughts more than midazolam.",
                                                         against: "records/titles-settings-and-comparisons.xml"))
        #expect(planned.stance == .mentions)
    }

    @Test("a background section's aim sentence is an aim")
    func aimInBackground() {
        #expect(Self.role("This study aimed to compare ketamine with ECT.", section: "BACKGROUND") == .aim)
        #expect(Self.role("Ketamine is an NMDA receptor antagonist.", section: "BACKGROUND") == .background)
        #expect(Self.role("Response was defined as a 50% decrease.", section: "RESULTS") == .results)
    }

    @Test("a limitation or a gap is one whatever its section; a conclusion with a finding stays a conclusion")
    func gapsInSections() {
        #expect(Self.role("Limitations include small samples and no studies in adolescents.", section: "RESULTS") == .gap)
        #expect(Self.role("Limitations include small samples and no studies in adolescents.", section: "CONCLUSIONS") == .gap)
        #expect(Self.role("Further trials are needed in outpatients.", section: "CONCLUSIONS") == .gap)
        #expect(Self.role("Ketamine reduced suicidal ideation; further trials are needed.", section: "CONCLUSIONS") == .conclusions)
    }

    /// The citation of `pmid` for the first checkable claim of `text`, checked against
    /// `records/aims-methods-and-definitions.xml`.
    static func citation(_ pmid: Int64, for text: String) throws -> Citation {
        try #require(try Fixtures.citation(pmid, for: text, against: "records/aims-methods-and-definitions.xml"))
    }

    @Test("a response rate is quoted from the results, not from the definition of response")
    func quotesResultsNotDefinitions() throws {
        let trial = try Self.citation(9200001, for: "Research suggests that around 50-70% of those with TRD respond to esketamine.")
        #expect(trial.quote.hasPrefix("At day 28, 58.7%"))
        #expect(trial.comparison?.agreement == .within)
        #expect(trial.stance == .supports)
    }

    @Test("the sentence a record is quoted by, and the stance it gives", arguments: [
        // A limitations sentence, or a search strategy, that names the claim's words only mentions it.
        (Int64(9200003), "Ketamine can cause dissociation.", "Limitations and opportunities", Stance.mentions),
        (9200002, "Ketamine was originally developed as an anesthetic used in medical settings.", "We searched PubMed", .mentions),
        // A trial where ketamine was not more effective than its control contradicts a claim that it is effective.
        (9200004, "Ketamine is an effective treatment for depression.", "Serial adjunctive ketamine infusions were not more effective", .contradicts),
        // A null result on a genotype's effect is about a moderator, not about whether the treatment works.
        (9200005, "Ketamine is an effective treatment for depression.", "No significant genotype effect", .mentions),
    ])
    func quoteAndStance(pmid: Int64, claim: String, quote: String, stance: Stance) throws {
        let citation = try Self.citation(pmid, for: claim)
        #expect(citation.quote.hasPrefix(quote))
        #expect(citation.stance == stance)
    }
}
