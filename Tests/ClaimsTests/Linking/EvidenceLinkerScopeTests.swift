import Claims
import EvidenceStore
import EvidenceTestSupport
import PubMed
import Testing

@Suite("Linking: null-result scope, excluded senses and wearing-off claims")
struct EvidenceLinkerScopeTests {
    /// Checks `text` against an index of `records/wearing-off-and-tolerability.xml`.
    static func check(_ text: String) throws -> ArticleCheck {
        try Fixtures.check(text, against: "records/wearing-off-and-tolerability.xml")
    }

    /// Where `phrase` first stands in `sentence`, in scalars.
    static func span(of phrase: String, in sentence: String) throws -> TextSpan {
        let range = try #require(sentence.range(of: phrase))
        let start = sentence.unicodeScalars.distance(from: sentence.unicodeScalars.startIndex, to: range.lowerBound)
        return TextSpan(start: start, end: start + phrase.unicodeScalars.count)
    }

    @Test("whether a null result reaches a mention", arguments: [
        // (sentence, null phrase, mention, reaches)
        ("We found no significant difference in dissociation.", "no significant", "dissociation", true),
        ("Dissociation did not differ between arms.", "did not differ", "Dissociation", true),
        ("No significant differences in nausea, dissociation or headache were found.", "No significant", "dissociation", true),
        ("Except for hallucinations, which were higher in the ketamine arm, we found no significant difference in tolerability.",
         "no significant", "hallucinations", false),
        ("Hallucinations were common; blood pressure did not differ between arms.", "did not differ", "Hallucinations", false),
        ("There was no significant change in mood, but hallucinations were frequent.", "no significant", "hallucinations", false),
        // An item of what a direction word reports, with a null phrase on something else after the list.
        ("Esketamine increased sedation (RR = 3.70 [2.02-6.78]), dissociation (RR = 2.36 [2.10-2.65]), and adverse events, with no increase in serious adverse events.",
         "no increase", "sedation", false),
        ("Esketamine increased sedation (RR = 3.70 [2.02-6.78]), dissociation (RR = 2.36 [2.10-2.65]), and adverse events, with no increase in serious adverse events.",
         "no increase", "dissociation", false),
        // A subject of its own clause keeps the null result, even after a direction word further back.
        ("Ketamine reduced depression scores at day 1, and sedation reported by patients in both arms did not differ.",
         "did not differ", "sedation", true),
        ("Rates of sedation, nausea, dizziness and headache did not differ.", "did not differ", "sedation", true),
        // A new clause with its own subject after a comma.
        ("Due to their potential side effects and addictive properties, they are subject to regulatory controls and are not readily included in routine use.",
         "not", "addictive", false),
        ("No abnormalities were observed in laboratory results or addiction-related evaluations.", "No", "addiction", true),
    ])
    func scope(sentence: String, null: String, mention: String, reaches: Bool) throws {
        #expect(EvidenceLinker.nullResult([try Self.span(of: null, in: sentence)], bearsOnAnyOf: [try Self.span(of: mention, in: sentence)], in: sentence, cues: .english) == reaches)
    }

    @Test("a claim that denies a risk is supported by a negation of it, not by a negation of something else")
    func negatedClaimNeedsItsOwnNegation() throws {
        let result = try Fixtures.check("Ketamine doesn't carry the same risk of physical dependence.", against: "records/negated-claims.xml")
        let claim = try #require(result.checks.first { $0.claim.slots.negated })
        let addictive = try #require(claim.citations.first { $0.pmid == PMID(9300001) })
        #expect(addictive.stance != .supports)
        let safety = try #require(claim.citations.first { $0.pmid == PMID(9300002) })
        #expect(safety.stance == .supports)
    }

    @Test("sentences that name a claim's words but bear on something else are mentions", arguments: [
        // A share of patients who do not respond, in a sentence that does not name the treatment, is neither a rate nor support.
        (9400001 as Int64, "Around 50-70% of people with TRD respond to ketamine.", ClaimType.efficacy, "About one-third",
         QuantityComparison.Agreement?.none),
        // A time far from the claimed duration is about something else.
        (9400002, "A ketamine infusion usually lasts around 40 minutes to an hour.", .duration, "Intravenous ketamine infusions lasted 72 hours",
         .outside),
        // A null interaction with a baseline trait is about a moderator, not about whether the treatment works.
        (9400003, "Ketamine is an effective treatment for depression.", .efficacy, "No significant interaction", nil),
    ])
    func mentionsOfSomethingElse(pmid: Int64, claim: String, type: ClaimType, quote: String, agreement: QuantityComparison.Agreement?) throws {
        let citation = try #require(try Fixtures.citation(pmid, for: claim, against: "records/rates-and-times.xml") { $0.type == type })
        #expect(citation.quote.hasPrefix(quote))
        #expect(citation.comparison?.agreement == agreement)
        #expect(citation.stance == .mentions)
    }

    @Test("a denial scoped to a population is not decided by a sentence about other people")
    func negatedClaimForAPopulation() throws {
        let result = try Fixtures.check("Esketamine is not approved for children or adolescents.", against: "records/negated-claims.xml")
        let claim = try #require(result.checks.first { $0.claim.type == .regulatory })
        #expect(claim.claim.slots.negated)
        #expect(claim.claim.slots.population?.id == "young-people")
        let trial = try #require(claim.citations.first { $0.pmid == PMID(9300003) })
        #expect(trial.stance == .mentions)
        #expect(claim.verdict.verdict != .partlySupported && claim.verdict.verdict != .contradicted)
    }

    @Test("whether a negation cue reaches a mention: forward, or a few words back for a verbal negation", arguments: [
        ("There was no case of interstitial cystitis or respiratory depression.", "no", "cystitis", true),
        ("Ketamine caused dissociation without serious adverse events.", "without", "dissociation", false),
        ("Dissociation was not observed.", "not", "Dissociation", true),
        ("Dissociation, reported by most patients in the first week, was not severe.", "not", "Dissociation", false),
        ("Patients did not report dissociation.", "not", "dissociation", true),
    ])
    func negationReach(sentence: String, negation: String, mention: String, reaches: Bool) throws {
        #expect(EvidenceLinker.negation([try Self.span(of: negation, in: sentence)], reachesAnyOf: [try Self.span(of: mention, in: sentence)], in: sentence, cues: .english) == reaches)
    }

    @Test("a report of no cases of an effect contradicts a claim that the treatment causes it")
    func noCasesContradicts() throws {
        let trial = try #require(try Fixtures.citation(9300004, for: "Ketamine can cause cystitis.", against: "records/negated-claims.xml") {
            $0.slots.effect?.id == "cystitis"
        })
        #expect(trial.stance == .contradicts)
    }

    @Test("a null result about other symptoms does not contradict an adverse-effect claim")
    func nullAboutOthers() throws {
        let result = try Self.check("Ketamine can cause hallucinations.")
        let claim = try #require(result.checks.first { $0.claim.slots.effect?.id == "perceptual-changes" })
        let trial = try #require(claim.citations.first { $0.pmid == PMID(9100003) })
        #expect(trial.stance == .supports)
        #expect(claim.verdict.verdict != .contradicted)
    }

    @Test("tolerance in 'safety and tolerance' is tolerability, so a tolerance claim finds no evidence rather than a review of tolerability")
    func toleranceSense() throws {
        let lexicon = try Fixtures.lexicon()
        for (text, isTolerance) in [("Safety and tolerance of oral ketamine", false), ("Ketamine was well tolerated", false),
                                    ("Tolerance to the antidepressant effect developed", true), ("risk of tolerance and dependence", true)] {
            let matches = lexicon.conceptMatches(in: WordTokenizer.tokens(of: ScalarText(text)))
            #expect(matches.contains { $0.payload == "tolerance" } == isTolerance, "\(text)")
        }
        let result = try Self.check("Long-term use of ketamine carries a risk of tolerance.")
        let claim = try #require(result.checks.first { $0.claim.slots.effect?.id == "tolerance" })
        #expect(!claim.citations.contains { $0.pmid == PMID(9100002) })
        #expect(claim.verdict.verdict == .noEvidence)
    }

    @Test("'wears off within a few hours' is checked against how long effects last")
    func wearingOff() throws {
        let result = try Self.check("The dissociation from ketamine usually wears off within a few hours after treatment.")
        let claim = try #require(result.checks.first { $0.claim.type == .duration })
        #expect(claim.claim.slots.outcome?.id == "wearing-off")
        let trial = try #require(claim.citations.first)
        #expect(trial.pmid == PMID(9100001))
        #expect(trial.comparison?.agreement == .within)
        #expect(claim.verdict.verdict == .supported || claim.verdict.verdict == .partlySupported)
    }

    @Test("'a dissociative anesthetic … providing pain relief' is about the drug's properties, not efficacy")
    func painReliefIsNotEfficacy() throws {
        let text = "Ketamine is a dissociative anesthetic, meaning it can create a sense of detachment from reality while also providing pain relief and sedation."
        let result = ClaimExtractor(lexicon: try Fixtures.lexicon()).extract(from: ArticleDocument(source: "t.txt", format: .text, text: text))
        #expect(!result.claims.contains { $0.type == .efficacy })
        #expect(result.claims.contains { $0.type == .mechanism })
    }

    /// The citation of `pmid` for the first claim of `text` that `matches`, against `records/titles-settings-and-comparisons.xml`.
    static func titled(_ pmid: Int64, for text: String, claim matches: @escaping (Claim) -> Bool = \.isCheckable) throws -> Citation {
        try #require(try Fixtures.citation(pmid, for: text, against: "records/titles-settings-and-comparisons.xml", claim: matches))
    }

    @Test("an effect claim's citation: a title naming the topic mentions, one linking treatment and effect supports, an improved or held function contradicts",
          arguments: [
              (9500001 as Int64, "Ketamine can cause cognitive problems.", "cognitive-effects", "Cognitive effects of intravenous ketamine", Stance.mentions),
              (9500002, "Ketamine can cause cystitis.", "cystitis", "Ketamine-induced cystitis", .supports),
              (9500014, "Ketamine can cause cystitis.", "cystitis", "Ketamine-related cystitis", .supports),
              (9500003, "Ketamine can cause cognitive problems.", "cognitive-effects", "The cognitive performance", .contradicts),
              (9500012, "Ketamine can cause cognitive problems.", "cognitive-effects", "Cognitive performance remained stable", .contradicts),
          ])
    func effectCitations(pmid: Int64, claim: String, effect: String, quote: String, stance: Stance) throws {
        let citation = try Self.titled(pmid, for: claim) { $0.slots.effect?.id == effect }
        #expect(citation.quote.hasPrefix(quote))
        #expect(citation.stance == stance)
    }

    @Test("an efficacy claim's title citation: a topic, a source's name or a link to a harm is a mention; a stated effect supports",
          arguments: [
              (9500010 as Int64, "Efficacy of esketamine nasal spray", Stance.mentions),
              (9500011, "Rapid and sustained antidepressant effects", .supports),
              (9500015, "Cognitive function after esketamine nasal spray", .mentions),
              (9500016, "The association between intranasal esketamine and treatment-emergent insomnia", .mentions),
              (9500017, "Esketamine reduced depressive symptoms", .supports),
          ])
    func efficacyTitles(pmid: Int64, quote: String, stance: Stance) throws {
        let citation = try Self.titled(pmid, for: "Esketamine is effective for treatment-resistant depression.") { $0.type == .efficacy }
        #expect(citation.quote.hasPrefix(quote))
        #expect(citation.stance == stance)
    }

    @Test("recreational use is evidence of misuse, not of dependence")
    func misuseIsNotDependence() throws {
        let misuse = try Self.titled(9500018, for: "Ketamine carries a potential for misuse.") { $0.slots.effect?.id == "misuse" }
        #expect(misuse.stance == .supports && misuse.quote.hasPrefix("Increasing numbers of individuals"))
        let dependence = try Fixtures.citation(9500018, for: "Long-term use of ketamine carries a risk of dependence.",
                                               against: "records/titles-settings-and-comparisons.xml") { $0.slots.effect?.id == "dependence" }
        #expect(dependence == nil || dependence?.stance == .mentions)
    }

    @Test("'opioid use disorder' names the patients, not the drug's class: it does not put 'not an opioid' in doubt")
    func opioidUseDisorderIsAPopulation() throws {
        let citation = try Fixtures.citation(9500019, for: "Ketamine is not an opioid.", against: "records/titles-settings-and-comparisons.xml") {
            $0.type == .mechanism && $0.slots.negated
        }
        #expect(citation == nil || citation?.stance == .mentions)
    }

    @Test("a sentence that does not name the treatment cannot put a denial about it in doubt")
    func denialNeedsTheTreatment() throws {
        let review = try Self.titled(9500013, for: "Esketamine is not approved for children or adolescents.") { $0.type == .regulatory }
        #expect(review.quote.hasPrefix("Interest is driven"))
        #expect(review.stance == .mentions)
    }

    @Test("a comparison claim is borne on only by a sentence that compares the treatment with something else")
    func comparisonsCompare() throws {
        let claim = "Ketamine was developed as an alternative to other anesthetics, a safer option with fewer side effects."
        let isComparison: (Claim) -> Bool = { $0.type == .comparison }
        // Esketamine against arketamine compares forms of the treatment, not the treatment with other anesthetics.
        #expect(try Self.titled(9500005, for: claim, claim: isComparison).stance == .mentions)
        #expect(try Self.titled(9500006, for: claim, claim: isComparison).stance == .supports)
        // Naming the claim's words without comparing anything bears on it no more.
        #expect(try Self.titled(9500007, for: claim, claim: isComparison).stance == .mentions)
    }

    @Test("how long an effect lasts is borne on only by a report of time or lasting; a method or a far time is a mention", arguments: [
        (9600001 as Int64, Stance.mentions),  // a method ("assessed for one week") says how long patients were followed
        (9600002, .mentions),  // the effect, with no time
        (9600003, .supports),  // "effects lasting about one week"
        (9600004, .mentions),  // two hours: about something else, though the sentence names no outcome
    ])
    func effectDurations(pmid: Int64, stance: Stance) throws {
        let citation = try #require(try Fixtures.citation(pmid, for: "After a single infusion, the antidepressant effect of ketamine typically lasts about one week.",
                                                          against: "records/effect-durations.xml") { $0.type == .duration })
        #expect(citation.stance == stance, "\(citation.quote)")
    }
}

