import EUtilities
import EvidenceTestSupport
import Foundation
import Testing

@Suite("CorpusDefinition")
struct CorpusDefinitionTests {
    @Test("the ketamine/TRD corpus definition in Corpus/ loads and is valid")
    func ketamine() throws {
        let url = SharedData.projectRoot.appendingPathComponent("Corpus/ketamine-trd.json")
        let corpus = try CorpusDefinition.load(from: url)
        #expect(corpus.name == "ketamine-trd")
        #expect(corpus.query.contains("esketamine"))
        #expect(corpus.lexicon == "Corpus/lexicon/ketamine-depression.json")
        #expect(corpus.outputFolder == "Corpus/pubmed/ketamine-trd")
        #expect(try corpus.days() != nil)
    }

    @Test("problems name the file and the field", arguments: [
        (#"{"name": "x"}"#, "missing field \"query\""),
        (#"{"name": "x y", "query": "a"}"#, "name must be"),
        (#"{"name": "x", "query": "(a OR b"}"#, "'(' without its ')'"),
        (#"{"name": "x", "query": "\"a"}"#, "unmatched double quote"),
        (#"{"name": "x", "query": "a", "dateRange": {"from": "2020-13-01"}}"#, "dateRange.from is not a date"),
        (#"{"name": "x", "query": "a", "dateRange": {"from": "2021", "to": "2020"}}"#, "after"),
        (#"{"name": "x", "query": "a", "dateType": "xdat"}"#, "dateType"),
        (#"{"name": "#, "not valid JSON"),
    ])
    func problems(json: String, expected: String) throws {
        let folder = try TemporaryDirectory(prefix: "corpus")
        defer { folder.remove() }
        let url = folder.url.appendingPathComponent("bad.json")
        try Data(json.utf8).write(to: url)
        do {
            _ = try CorpusDefinition.load(from: url)
            Issue.record("\(json) was accepted")
        } catch let error as CorpusDefinitionError {
            #expect(error.description.hasPrefix(url.path + ": "))
            #expect(error.description.contains(expected), "\(error)")
        }
    }
}
