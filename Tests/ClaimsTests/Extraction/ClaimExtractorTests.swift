import Claims
import EvidenceTestSupport
import Testing

@Suite("Claim extraction on marked article fixtures")
struct ClaimExtractorTests {
    @Test("every checkable claim is found with its span and type", arguments: [
        "articles/list-items-and-marketing.txt",
        "articles/inline-markup.html",
    ])
    func markedClaims(path: String) throws {
        let (article, marked) = try Fixtures.markedArticle(path)
        let result = ClaimExtractor(lexicon: try Fixtures.lexicon()).extract(from: article)
        let found = result.claims.filter(\.isCheckable).map { claim in
            "\(claim.type.rawValue)|\(article.original.string(claim.span))"
        }
        let expected = marked.marks.map(\.description)
        #expect(found.sorted() == expected.sorted())
        // Offsets point into the ORIGINAL text: the marks' offsets.
        for mark in marked.marks {
            #expect(result.claims.contains { $0.span.start == mark.start && $0.span.end == mark.end }, "no claim at \(mark)")
        }
    }

    @Test("a list item inherits its lead-in sentence")
    func listItemLeadIn() throws {
        let (article, _) = try Fixtures.markedArticle("articles/list-items-and-marketing.txt")
        let result = ClaimExtractor(lexicon: try Fixtures.lexicon()).extract(from: article)
        let nausea = try #require(result.claims.first { $0.slots.effect?.id == "nausea" })
        #expect(nausea.text == "Common side effects include: Nausea")
        #expect(nausea.slots.intervention?.id == "ketamine")
        #expect(nausea.slots.intervention?.inherited == true)
    }

    @Test("advertising and calls to action are skipped with their reason")
    func skipped() throws {
        let (article, _) = try Fixtures.markedArticle("articles/list-items-and-marketing.txt")
        let result = ClaimExtractor(lexicon: try Fixtures.lexicon()).extract(from: article)
        let reasons = Dictionary(uniqueKeysWithValues: result.skipped.map { ($0.text, $0.reason) })
        #expect(reasons["Book a consultation today!"] == "call to action")
        #expect(reasons["Join our newsletter."] == "call to action")
        #expect(reasons["Ketamine for Depression"] == "heading")
    }

    @Test("a vague statement is not checkable, and says why")
    func vague() throws {
        let (article, _) = try Fixtures.markedArticle("articles/list-items-and-marketing.txt")
        let result = ClaimExtractor(lexicon: try Fixtures.lexicon()).extract(from: article)
        let vague = try #require(result.claims.first { $0.text.hasPrefix("Dr. Smith") })
        #expect(!vague.isCheckable)
        #expect(vague.notCheckableReason?.contains("promising") == true)
    }

    @Test("slots are normalised through the lexicon")
    func slots() throws {
        let (article, _) = try Fixtures.markedArticle("articles/list-items-and-marketing.txt")
        let result = ClaimExtractor(lexicon: try Fixtures.lexicon()).extract(from: article)
        let efficacy = try #require(result.claims.first { $0.type == .efficacy })
        #expect(efficacy.slots.population?.id == "trd")
        #expect(efficacy.slots.outcome?.id == "response")
        #expect(efficacy.slots.quantity?.low == 50)
        #expect(efficacy.slots.quantity?.high == 70)
        let regulatory = try #require(result.claims.first { $0.type == .regulatory })
        #expect(regulatory.slots.intervention?.id == "esketamine")
        #expect(regulatory.slots.route?.id == "intranasal")
        let onset = try #require(result.claims.first { $0.type == .onset })
        #expect(onset.slots.comparator?.id == "antidepressant")
        #expect(onset.slots.quantity?.unit == "hour", "the claim's time is ketamine's hours, not the comparator's weeks")
    }

    @Test("a time in a relative clause on the comparator is the comparator's, not the treatment's", arguments: [
        ("Ketamine helps many people. This is a stark contrast to traditional antidepressants, which can take weeks to take effect.", nil as String?),
        ("Ketamine helps many people. Unlike SSRIs that take weeks to work, it often works within hours.", "hour"),
        ("Ketamine helps many people. Compared with SSRIs, it works within hours.", "hour"),
        ("While traditional antidepressants can take weeks to start working, ketamine works within hours.", "hour"),
    ])
    func comparatorTime(text: String, unit: String?) throws {
        let article = ArticleDocument(source: "t.txt", format: .text, text: text)
        let result = ClaimExtractor(lexicon: try Fixtures.lexicon()).extract(from: article)
        let claim = try #require(result.claims.last { $0.slots.comparator?.id == "antidepressant" }, "\(result.claims.map(\.text))")
        #expect(claim.slots.quantity?.unit == unit, "\(claim.statement)")
    }

    @Test("a mechanism in a relative clause on the comparator is not the treatment's")
    func comparatorMechanism() throws {
        let text = "Unlike traditional antidepressants, which focus on increasing levels of serotonin, ketamine works through an entirely different pathway."
        let result = ClaimExtractor(lexicon: try Fixtures.lexicon()).extract(from: ArticleDocument(source: "t.txt", format: .text, text: text))
        let claim = try #require(result.claims.first)
        // Read as: the treatment does not work through the comparator's mechanism.
        #expect(claim.slots.mechanisms.map(\.id) == ["serotonin"] && claim.slots.negated, "\(claim.statement)")
        #expect(claim.statement.contains("mechanism (negated): serotonin"))
        // Named as the treatment's own, it stays.
        let own = ClaimExtractor(lexicon: try Fixtures.lexicon())
            .extract(from: ArticleDocument(source: "t.txt", format: .text, text: "Ketamine increases serotonin release in the cortex."))
        #expect(try #require(own.claims.first).slots.mechanisms.contains { $0.id == "serotonin" })
    }

    @Test("a sentence about the comparator alone is not checkable against the treatment")
    func aboutComparator() throws {
        let text = "Ketamine helps many people with depression. This means that traditional antidepressants and therapies haven't provided sufficient relief."
        let result = ClaimExtractor(lexicon: try Fixtures.lexicon()).extract(from: ArticleDocument(source: "t.txt", format: .text, text: text))
        let claim = try #require(result.claims.last { $0.text.hasPrefix("This means") })
        #expect(!claim.isCheckable)
        #expect(claim.notCheckableReason == "about standard antidepressants, not about the treatment")
        // A comparison with the treatment is still checked.
        let compared = ClaimExtractor(lexicon: try Fixtures.lexicon()).extract(from: ArticleDocument(
            source: "t.txt", format: .text, text: "Ketamine works fast. This is a stark contrast to traditional antidepressants, which can take weeks."))
        #expect(try #require(compared.claims.last).isCheckable)
    }

    @Test("a comparator said to be slow makes an onset claim for the treatment, and a negation about the comparator does not negate it")
    func slowComparatorOnset() throws {
        let text = "Ketamine often provides relief within hours. "
            + "This is a stark contrast to traditional antidepressants, which can take weeks to take effect and may not even work for everyone."
        let result = ClaimExtractor(lexicon: try Fixtures.lexicon()).extract(from: ArticleDocument(source: "t.txt", format: .text, text: text))
        let claim = try #require(result.claims.last { $0.text.hasPrefix("This is a stark contrast") })
        #expect(claim.isCheckable)
        #expect(claim.type == .onset)
        #expect(claim.slots.comparator?.id == "antidepressant")
        #expect(claim.slots.outcome?.id == "rapid-onset")
        #expect(!claim.slots.negated, "the negation is in the clause about the comparator")
        // A negation about the treatment still negates.
        let denied = ClaimExtractor(lexicon: try Fixtures.lexicon()).extract(from: ArticleDocument(
            source: "t.txt", format: .text, text: "Unlike traditional antidepressants, ketamine does not take weeks to take effect."))
        #expect(try #require(denied.claims.first).slots.negated)
    }

    @Test("words on how a drug is used set the scene and claim no risk of their own")
    func settingWordsAreNoRisk() throws {
        let result = ClaimExtractor(lexicon: try Fixtures.lexicon()).extract(from: ArticleDocument(
            source: "t.txt", format: .text, text: "Heavy recreational use of ketamine can damage the bladder."))
        #expect(result.claims.compactMap(\.slots.effect?.id) == ["cystitis"])
        // Named as the risk, misuse is one.
        let misuse = ClaimExtractor(lexicon: try Fixtures.lexicon()).extract(from: ArticleDocument(
            source: "t.txt", format: .text, text: "Ketamine carries a potential for misuse."))
        #expect(misuse.claims.compactMap(\.slots.effect?.id) == ["misuse"])
    }

    @Test("'half as likely to relapse as … placebo' is a comparison; 'under 18' is a population")
    func likelihoodComparisonAndAge() throws {
        let lexicon = try Fixtures.lexicon()
        let compared = ClaimExtractor(lexicon: lexicon).extract(from: ArticleDocument(source: "t.txt", format: .text,
            text: "Patients who kept using Spravato were about half as likely to relapse as those who switched to placebo."))
        let claim = try #require(compared.claims.first)
        #expect(claim.isCheckable)
        #expect(claim.type == .comparison)
        #expect(claim.slots.outcome?.id == "relapse")
        let minors = ClaimExtractor(lexicon: lexicon).extract(from: ArticleDocument(source: "t.txt", format: .text,
            text: "Spravato is not approved for people under 18."))
        #expect(try #require(minors.claims.first).slots.population?.id == "young-people")
    }

    @Test("what a choice depends on asserts nothing", arguments: [
        ("Each method has its own benefits and is chosen based on the condition being treated and how quickly results are needed.", false),
        ("The dose is adjusted depending on how quickly the patient responds.", false),
        ("One of the most notable effects of ketamine is how quickly it works.", true),
    ])
    func conditionalQuestion(sentence: String, checkable: Bool) throws {
        let text = "Ketamine is given by infusion or as a nasal spray. " + sentence
        let result = ClaimExtractor(lexicon: try Fixtures.lexicon()).extract(from: ArticleDocument(source: "t.txt", format: .text, text: text))
        let claim = try #require(result.claims.last { sentence.hasPrefix($0.text.prefix(20)) })
        #expect(claim.isCheckable == checkable, "\(claim.statement) \(claim.notCheckableReason ?? "")")
    }

    @Test("a treatment said to reduce or improve something, named by a pronoun, is an efficacy claim", arguments: [
        "It reduced suicidal thoughts in people with major depression.",
        "It improved depressive symptoms in adults with treatment-resistant depression.",
    ])
    func directionVerbEfficacy(sentence: String) throws {
        let result = ClaimExtractor(lexicon: try Fixtures.lexicon()).extract(from: ArticleDocument(
            source: "t.txt", format: .text, text: "Esketamine is a nasal spray for depression. " + sentence))
        let claim = try #require(result.claims.last)
        #expect(claim.type == .efficacy)
        #expect(claim.isCheckable)
        #expect(claim.slots.intervention?.id == "esketamine")
        #expect(claim.slots.intervention?.inherited == true)
    }

    @Test("a vague span of time is written in the plural: 'the day of treatment' is a day, not 'days'")
    func vagueTimeIsPlural() throws {
        let extractor = ClaimExtractor(lexicon: try Fixtures.lexicon())
        let day = extractor.extract(from: ArticleDocument(source: "t.txt", format: .text,
                                                          text: "Esketamine can cause sedation, so patients should not drive on the day of treatment."))
        #expect(!day.claims.contains { $0.slots.quantity != nil })
        let days = extractor.extract(from: ArticleDocument(source: "t.txt", format: .text, text: "Ketamine works within days."))
        #expect(days.claims.first?.slots.quantity?.unit == "day")
    }

    @Test("a sentence giving a rate for each of two outcomes is one efficacy claim per outcome")
    func ratePerOutcome() throws {
        let result = ClaimExtractor(lexicon: try Fixtures.lexicon()).extract(from: ArticleDocument(
            source: "t.txt", format: .text,
            text: "Roughly 70% of patients with treatment-resistant depression respond to ketamine, and about 30% achieve remission."))
        let efficacy = result.claims.filter { $0.type == .efficacy }
        #expect(efficacy.map { $0.slots.outcome?.id ?? "" } == ["response", "remission"])
        #expect(efficacy.map { $0.slots.quantity?.value ?? 0 } == [70, 30])
        #expect(Set(efficacy.map(\.key)).count == 2)
        #expect(efficacy.allSatisfy { $0.slots.population?.id == "trd" && $0.isCheckable })
        // One rate: one claim, its key as before.
        let single = ClaimExtractor(lexicon: try Fixtures.lexicon()).extract(from: ArticleDocument(
            source: "t.txt", format: .text, text: "Around 50-70% of people with TRD respond to ketamine."))
        #expect(single.claims.filter { $0.type == .efficacy }.count == 1)
        #expect(single.claims.first?.key.hasPrefix("efficacy||") == true && single.claims.first?.key.hasSuffix("|response") == false)
    }

    @Test("clauses joined by ', and it' or a semicolon are read one by one, the pronoun taking the first clause's treatment")
    func clauses() throws {
        let text = "Ketamine is an anesthetic. Ketamine is also used for depression. "
            + "Ketamine has also shown benefits in bipolar depression, and it rapidly reduces suicidal ideation within 24 hours. "
            + "Esketamine was approved by the FDA in 2019; it is given as a nasal spray with an oral antidepressant. "
            + "Ketamine can cause nausea, dizziness, and dissociation."
        let article = ArticleDocument(source: "t.txt", format: .text, text: text)
        let result = ClaimExtractor(lexicon: try Fixtures.lexicon()).extract(from: article)
        let bipolar = try #require(result.claims.first { $0.slots.population?.id == "bipolar-depression" })
        #expect(bipolar.type == .efficacy)
        #expect(bipolar.text == "Ketamine has also shown benefits in bipolar depression")
        #expect(article.original.string(bipolar.span) == bipolar.text)
        let onset = try #require(result.claims.first { $0.type == .onset })
        #expect(onset.text == "it rapidly reduces suicidal ideation within 24 hours.")
        #expect(onset.slots.population?.id == "suicidal-ideation")
        #expect(onset.slots.quantity?.summary == "within 24 hours")
        #expect(onset.slots.intervention?.id == "ketamine")
        let approval = try #require(result.claims.first { $0.type == .regulatory })
        #expect(approval.text == "Esketamine was approved by the FDA in 2019")
        // The second clause's "it" is esketamine, although ketamine is the article's main treatment.
        let spray = try #require(result.claims.first { $0.text.hasPrefix("it is given as a nasal spray") })
        #expect(spray.slots.intervention?.id == "esketamine")
        #expect(spray.slots.intervention?.inherited == true)
        // A list joined by ", and" is one clause.
        #expect(result.claims.filter { $0.text == "Ketamine can cause nausea, dizziness, and dissociation." }.count == 3)
        // Semicolons inside brackets join no clauses.
        let statistics = "Ketamine reduced depression scores more than midazolam (mean difference −5.1; 95% CI −7.9 to −2.3; P < .001) in adults."
        let bracketed = ClaimExtractor(lexicon: try Fixtures.lexicon()).extract(from: ArticleDocument(source: "t.txt", format: .text, text: statistics))
        #expect(bracketed.claims.map(\.text) == [statistics])
    }

    @Test("a denied risk is a negated safety claim")
    func negatedSafety() throws {
        let (article, _) = try Fixtures.markedArticle("articles/inline-markup.html")
        let result = ClaimExtractor(lexicon: try Fixtures.lexicon()).extract(from: article)
        let safety = try #require(result.claims.first { $0.type == .safety })
        #expect(safety.slots.effect?.id == "dependence")
        #expect(safety.slots.negated)
    }
}
