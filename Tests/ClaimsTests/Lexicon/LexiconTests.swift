import Claims
import EvidenceTestSupport
import Foundation
import Testing

@Suite("The lexicon as data")
struct LexiconTests {
    @Test("the shipped lexicon loads and maps synonyms to one concept", arguments: [
        ("Spravato", "esketamine"), ("treatment-resistant depression", "trd"), ("refractory depression", "trd"), ("TRD", "trd"),
        ("NMDA receptors", "nmda"), ("glutamatergic", "glutamate"), ("increase in blood pressure", "blood-pressure"),
        ("hypertension", "blood-pressure"), ("dissociative symptoms", "dissociation"), ("Disassociation", "dissociation"),
    ])
    func synonyms(term: String, concept: String) throws {
        let lexicon = try Fixtures.lexicon()
        let matches = lexicon.conceptMatches(in: WordTokenizer.tokens(of: ScalarText(term)))
        #expect(matches.map(\.payload) == [concept])
    }

    @Test("an exact-word term does not match other forms of its stem")
    func exactTerms() throws {
        let lexicon = try Fixtures.lexicon()
        let depending = lexicon.conceptMatches(in: WordTokenizer.tokens(of: ScalarText("depending on how it is used")))
        #expect(!depending.contains { $0.payload == "dependence" })
        let dependence = lexicon.conceptMatches(in: WordTokenizer.tokens(of: ScalarText("risk of dependence")))
        #expect(dependence.contains { $0.payload == "dependence" })
    }

    @Test("a user file merges into the default lexicon")
    func merging() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let extra = """
            {"schemaVersion": 1, "name": "extra", "version": "1", "concepts": [
              {"id": "esketamine", "slot": "intervention", "label": "esketamine", "terms": ["jnj-54135419"]},
              {"id": "psilocybin", "slot": "intervention", "label": "psilocybin", "terms": ["psilocybin"]}],
             "adverseEffects": [], "risks": [], "claimCues": {}, "skipCues": [], "units": []}
            """
        try extra.write(toFile: directory.path("extra.json"), atomically: true, encoding: .utf8)
        let base = SharedData.projectRoot.appendingPathComponent("Corpus/lexicon").path
        let lexicon = CompiledLexicon(try Lexicon.loadMerged(directory: base, extra: [directory.path("extra.json")]))
        #expect(lexicon.conceptMatches(in: WordTokenizer.tokens(of: ScalarText("JNJ-54135419"))).map(\.payload) == ["esketamine"])
        #expect(lexicon.concept("psilocybin") != nil)
        #expect(lexicon.conceptMatches(in: WordTokenizer.tokens(of: ScalarText("Spravato"))).map(\.payload) == ["esketamine"])
        #expect(lexicon.lexicon.name == "ketamine-depression+extra")
    }

    @Test("an unsupported schema version is refused with the file named")
    func schemaVersion() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try #"{"schemaVersion": 99, "name": "x"}"#.write(toFile: directory.path("x.json"), atomically: true, encoding: .utf8)
        #expect(throws: ClaimsError.invalidLexicon(path: directory.path("x.json"), reason: "schema version 99 is not supported (this build reads 1–1)")) {
            _ = try Lexicon.load(path: directory.path("x.json"))
        }
    }
}
