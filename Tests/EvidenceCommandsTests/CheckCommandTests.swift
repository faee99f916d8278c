import ArgumentParser
import Claims
import EvidenceStore
import EvidenceTestSupport
@testable import EvidenceCommands
import Foundation
import Testing

@Suite("evidence check, claims and eval commands")
struct CheckCommandTests {
    static var fixtures: URL { SharedData.projectRoot.appendingPathComponent("Tests/ClaimsTests/Fixtures") }
    static var lexicon: String { SharedData.projectRoot.appendingPathComponent("Corpus/lexicon").path }

    static func index() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory(prefix: "check-command")
        let store = try ArticleStore(path: directory.path("index.sqlite"))
        _ = ArticleIngester(store: store).ingest(paths: [fixtures.appendingPathComponent("records/ketamine-evidence.xml").path])
        store.close()
        return directory
    }

    @Test("checking an article twice reports the changes since the last run")
    func markdownAndRerun() throws {
        let directory = try Self.index()
        defer { directory.remove() }
        let article = try directory.write("Research suggests that around 50-70% of those with TRD respond to ketamine.\n", to: "article.txt")
        let arguments = [article, "--index", directory.path("index.sqlite"), "--lexicon-directory", Self.lexicon]
        let first = CommandOutput.capturing()
        try CheckCommand.parse(arguments).run(output: first)
        #expect(first.standardOutput.contains("# Fact check:"))
        #expect(first.standardOutput.contains("PMID 9000001"))
        #expect(!first.standardOutput.contains("Changes since the last run"))
        let second = CommandOutput.capturing()
        try CheckCommand.parse(arguments).run(output: second)
        #expect(second.standardOutput.contains("Changes since the last run"))

        let list = CommandOutput.capturing()
        try ClaimsCommand.List.parse(["--index", directory.path("index.sqlite"), "--json"]).run(output: list)
        #expect(list.standardOutput.contains("\"type\":\"efficacy\""))
    }

    @Test("batch JSONL: one line per claim with ranked citations")
    func batch() throws {
        let directory = try Self.index()
        defer { directory.remove() }
        let claims = try directory.write("""
            {"id": 1, "claim": "Ketamine infusion produces a response in treatment-resistant depression.", "other": true}
            {"id": "b", "claim": "Statins reduce myocardial infarction."}

            """, to: "claims.jsonl")
        // Batch claims run without a lexicon, as `evidence eval` does: an empty lexicon folder.
        let noLexicon = directory.path("no-lexicon")
        try FileManager.default.createDirectory(atPath: noLexicon, withIntermediateDirectories: true)
        let output = CommandOutput.capturing()
        try CheckCommand.parse(["--claims", claims, "--index", directory.path("index.sqlite"), "--lexicon-directory", noLexicon]).run(output: output)
        let lines = output.standardOutput.split(separator: "\n")
        #expect(lines.count == 2)
        let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(first["id"] as? Int == 1)
        let citations = try #require(first["citations"] as? [[String: Any]])
        #expect(citations.first?["pmid"] as? String == "9000001")
        let second = try #require(try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: Any])
        #expect(second["id"] as? String == "b")
        #expect((second["citations"] as? [[String: Any]])?.first?["pmid"] as? String == "9000005")
    }

    @Test("an article is never checked without a lexicon: a missing or empty lexicon folder is an error naming it")
    func noLexicon() throws {
        let directory = try Self.index()
        defer { directory.remove() }
        let article = try directory.write("Ketamine relieves depression within hours.", to: "a.txt")
        let empty = directory.path("empty")
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        for (folder, message) in [(directory.path("missing"), "no lexicon folder at"), (empty, "no lexicon (*.json) in")] {
            let error = #expect(throws: (any Error).self) {
                try CheckCommand.parse([article, "--index", directory.path("index.sqlite"), "--lexicon-directory", folder]).run(output: .capturing())
            }
            let text = error.map { CheckCommand.message(for: $0) } ?? ""
            #expect(text.contains(message) && text.contains(folder), "\(text)")
        }
    }

    @Test("the default lexicon folder is found in the working directory, the index's project or the executable's")
    func lexiconCandidates() throws {
        let candidates = Lexicon.defaultDirectoryCandidates(
            workingDirectory: "/home/u", indexPath: "/data/project/Index/evidence.sqlite",
            executablePath: "/src/evidence/.build/release/evidence")
        #expect(Array(candidates.prefix(4)) == [
            "/home/u/Corpus/lexicon", "/data/project/Corpus/lexicon", "/data/project/Index/Corpus/lexicon", "/src/evidence/.build/Corpus/lexicon",
        ])
        #expect(candidates.contains("/src/evidence/Corpus/lexicon"))
        // A relative index path is read from the working directory.
        let relative = Lexicon.defaultDirectoryCandidates(workingDirectory: "/w", indexPath: "Index/e.sqlite", executablePath: nil)
        #expect(relative == ["/w/Corpus/lexicon", "/w/Index/Corpus/lexicon"])
        // The first folder holding a lexicon file wins.
        let directory = try TemporaryDirectory(prefix: "lexicon-find")
        defer { directory.remove() }
        let project = directory.path("project")
        try FileManager.default.createDirectory(atPath: project + "/Corpus/lexicon", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: directory.path("cwd") + "/Corpus/lexicon", withIntermediateDirectories: true)
        #expect(Lexicon.firstLexiconDirectory(in: [directory.path("cwd") + "/Corpus/lexicon", project + "/Corpus/lexicon"]) == nil)
        try "{}".write(toFile: project + "/Corpus/lexicon/x.json", atomically: true, encoding: .utf8)
        #expect(Lexicon.firstLexiconDirectory(in: [directory.path("cwd") + "/Corpus/lexicon", project + "/Corpus/lexicon"]) == project + "/Corpus/lexicon")
    }

    @Test("a bad batch line is named by file and line")
    func badLine() throws {
        let directory = try Self.index()
        defer { directory.remove() }
        let claims = try directory.write("{\"id\": 1, \"claim\": \"x\"}\nnot json\n", to: "claims.jsonl")
        #expect(throws: (any Error).self) {
            try CheckCommand.parse(["--claims", claims, "--index", directory.path("index.sqlite")]).run(output: .capturing())
        }
        do {
            try CheckCommand.parse(["--claims", claims, "--index", directory.path("index.sqlite")]).run(output: .capturing())
        } catch {
            #expect("\(error)" == "\(claims):2: not a JSON object")
        }
    }

    @Test("eval scores one half of the claims by id parity, beside the bm25 baseline")
    func evalHalf() throws {
        let directory = try Self.index()
        defer { directory.remove() }
        let claims = try directory.write("""
            {"id": 1, "claim": "Ketamine infusion produces a response in treatment-resistant depression.", "evidence": {"9000001": "SUPPORT"}, "cited_doc_ids": ["9000001"]}
            {"id": 2, "claim": "Ketamine is an opioid.", "evidence": {}, "cited_doc_ids": ["9000001"]}
            {"id": 3, "claim": "Esketamine nasal spray was approved.", "evidence": {}, "cited_doc_ids": ["9000001"]}

            """, to: "labelled.jsonl")
        for (half, count) in [("odd", 2), ("even", 1)] {
            let output = CommandOutput.capturing()
            try EvalCommand.parse([claims, "--index", directory.path("index.sqlite"), "--half", half]).run(output: output)
            #expect(output.standardOutput.hasPrefix("\(count) \(half)-numbered claims from"))
            #expect(output.standardOutput.contains("bm25"))
        }
        #expect(throws: (any Error).self) { try EvalCommand.parse([claims, "--half", "third"]) }
    }

    @Test("eval --ranking-model: a model file reranks, 'none' keeps the linear score, a bad file is refused by name")
    func evalRankingModel() throws {
        let directory = try Self.index()
        defer { directory.remove() }
        let claims = try directory.write("""
            {"id": 1, "claim": "Ketamine infusion produces a response in treatment-resistant depression.", "evidence": {}, "cited_doc_ids": ["9000001"]}

            """, to: "labelled.jsonl")
        struct Line: Decodable { var id: String; var ranked: [[String]] }
        func ranking(_ model: String) throws -> [String] {
            let path = directory.path("ranking-\(UUID().uuidString).jsonl")
            try EvalCommand.parse([claims, "--index", directory.path("index.sqlite"), "--ranking-output", path, "--ranking-model", model])
                .run(output: .capturing())
            let line = try JSONDecoder().decode(Line.self, from: Data(try String(contentsOfFile: path, encoding: .utf8).utf8))
            return line.ranked.map { $0[0] }
        }
        // One leaf: every record scores the same, so the order falls back to the PMID, except that the
        // retracted record (9000003) is still halved and comes last.
        let constant = directory.path("constant.json")
        try JSONEncoder().encode(RankingModel(features: RankingModel.featureNames,
                                              trees: [RankingModel.Tree(feature: [-1], threshold: [0], left: [-1], right: [-1], value: [1])]))
            .write(to: URL(fileURLWithPath: constant))
        let linear = try ranking("none")
        try #require(linear.count >= 3)
        let tied = try ranking(constant)
        let retracted = "9000003"
        #expect(tied == linear.filter { $0 != retracted }.sorted { Int($0)! < Int($1)! } + [retracted])
        #expect(tied != linear)
        let broken = try directory.write("{}", to: "broken.json")
        do { _ = try ranking(broken); Issue.record("accepted a file that is not a model") } catch let error as RankingModel.ModelError {
            #expect(error.description.contains("broken.json"))
        }
    }

    @Test("eval says when the ranking model was trained on the claims it scores (in-sample figures)")
    func evalInSample() throws {
        let directory = try Self.index()
        defer { directory.remove() }
        let claims = try directory.write("""
            {"id": 1, "claim": "Ketamine infusion produces a response in treatment-resistant depression.", "evidence": {}, "cited_doc_ids": ["9000001"]}
            {"id": 2, "claim": "Ketamine is an opioid.", "evidence": {}, "cited_doc_ids": ["9000001"]}

            """, to: "labelled.jsonl")
        let leaf = RankingModel.Tree(feature: [-1], threshold: [0], left: [-1], right: [-1], value: [1])
        // Trained on the first claim, written with other case and spacing.
        let trained = RankingModel(features: RankingModel.featureNames, trees: [leaf],
                                   trainingClaims: [RankingModel.claimFingerprint("ketamine  infusion produces a RESPONSE in treatment resistant depression")])
        let other = RankingModel(features: RankingModel.featureNames, trees: [leaf], trainingClaims: [RankingModel.claimFingerprint("Statins work.")])
        for (model, note) in [(trained, "note: 1 of these 2 claims trained the ranking model"), (other, nil)] {
            let path = directory.path("model-\(UUID().uuidString).json")
            try JSONEncoder().encode(model).write(to: URL(fileURLWithPath: path))
            let output = CommandOutput.capturing()
            try EvalCommand.parse([claims, "--index", directory.path("index.sqlite"), "--ranking-model", path]).run(output: output)
            if let note { #expect(output.standardOutput.contains(note), "\(output.standardOutput)") } else { #expect(!output.standardOutput.contains("note:")) }
            let json = CommandOutput.capturing()
            try EvalCommand.parse([claims, "--index", directory.path("index.sqlite"), "--ranking-model", path, "--json"]).run(output: json)
            #expect(json.standardOutput.contains("\"claimsInModelTraining\" : \(note == nil ? 0 : 1)"))
        }
        // The built-in model knows its 807 distinct SciFact training claims.
        #expect(RankingModel.sciFact.trainingClaims?.count == 807)
        #expect(RankingModel.sciFact.trainedOn(["Ketamine is an opioid."]) == 0)
    }

    @Test("eval writes its ranking, one line per claim, for offline trials")
    func evalRankingOutput() throws {
        let directory = try Self.index()
        defer { directory.remove() }
        let claims = try directory.write("""
            {"id": 1, "claim": "Ketamine infusion produces a response in treatment-resistant depression.", "evidence": {"9000001": "SUPPORT"}, "cited_doc_ids": ["9000001"]}
            {"id": 3, "claim": "Esketamine nasal spray was approved.", "evidence": {}, "cited_doc_ids": ["9000001"]}

            """, to: "labelled.jsonl")
        let ranking = directory.path("ranking.jsonl")
        try EvalCommand.parse([claims, "--index", directory.path("index.sqlite"), "--ranking-output", ranking]).run(output: .capturing())
        struct Line: Decodable { var id: String; var ranked: [[String]] }
        let lines = try String(contentsOfFile: ranking, encoding: .utf8).split(separator: "\n")
            .map { try JSONDecoder().decode(Line.self, from: Data($0.utf8)) }
        #expect(lines.map(\.id) == ["1", "3"])
        let first = try #require(lines.first?.ranked.first)
        #expect(first.count == 2)
        #expect(first[0] == "9000001")
        #expect(Double(first[1]) == 1)
    }

    @Test("check without an article or claims is a usage error")
    func usage() {
        #expect(throws: (any Error).self) { _ = try CheckCommand.parse([]) }
        #expect(throws: (any Error).self) { _ = try CheckCommand.parse(["a.txt", "--format", "jsonl"]) }
    }
}
