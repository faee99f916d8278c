import ArgumentParser
import Foundation
import Testing
import EvidenceTestSupport
@testable import EvidenceCommands
@testable import EvidenceStore

/// A temporary index of the ten fixture records, for running commands in process.
final class CommandFixture {
    let directory: TemporaryDirectory
    let index: String

    init() throws {
        directory = try TemporaryDirectory(prefix: "evidence-search-command")
        index = directory.path("index.sqlite")
        guard let xml = Bundle.module.url(forResource: "search-records", withExtension: "xml", subdirectory: "Fixtures") else {
            throw CocoaError(.fileNoSuchFile)
        }
        let store = try ArticleStore(path: index)
        _ = ArticleIngester(store: store).ingest(paths: [xml.path])
        store.close()
    }

    deinit { directory.remove() }

    /// Runs `evidence search ARGUMENTS` and returns (stdout, stderr, exit code).
    func search(_ arguments: [String], style: TerminalStyle = .plain(width: 100)) throws -> (String, String, Int32) {
        let command = try SearchCommand.parse(["--index", index] + arguments)
        let output = CommandOutput.capturing()
        do {
            try command.run(output: output, style: style)
            return (output.standardOutput, output.standardError, 0)
        } catch let exit as ExitCode {
            return (output.standardOutput, output.standardError, exit.rawValue)
        }
    }
}

@Suite("evidence search")
struct SearchCommandTests {
    @Test("a bad query points at the column and exits 64")
    func badQuery() throws {
        let fixture = try CommandFixture()
        let (out, err, code) = try fixture.search(["ketamine[tiabx]"])
        #expect(code == 64)
        #expect(out.isEmpty)
        #expect(err == "error: unknown field tag [tiabx] at column 9; did you mean [tiab]?\n  ketamine[tiabx]\n          ^\n")
        let (_, unbalanced, status) = try fixture.search(["(ketamine", "OR", "depression"])
        #expect(status == 64)
        #expect(unbalanced == "error: unclosed parenthesis at column 1; add ) to close it or remove (\n  (ketamine OR depression\n  ^\n")
        let (_, empty, emptyStatus) = try fixture.search([""])
        #expect(emptyStatus == 64)
        #expect(empty == "error: empty query; give at least one search term, e.g. ketamine[tiab]\n")
    }

    @Test("--count prints the number of matches; a query may follow --")
    func count() throws {
        let fixture = try CommandFixture()
        #expect(try fixture.search(["--count", "Smith J[au]"]).0 == "4\n")
        #expect(try fixture.search(["--count", "--", "-ketamine"]).0 == "8\n")
        #expect(try fixture.search(["--count", "ketamine", "--since", "2020"]).0 == "4\n")
        #expect(try fixture.search(["--count", "ketamine", "--type", "Letter", "--type", "Case Reports"]).0 == "2\n")
    }

    @Test("pmids: every match, one per line")
    func pmids() throws {
        let fixture = try CommandFixture()
        let (out, _, code) = try fixture.search(["--format", "pmids", "--sort", "pmid", "Smith J[au]"])
        #expect(code == 0)
        #expect(out == "1002\n1003\n1006\n1009\n")
    }

    @Test("json: stable keys, total and the query as understood")
    func json() throws {
        let fixture = try CommandFixture()
        let (out, _, _) = try fixture.search(["--format", "json", "--limit", "2", "--facets", "year,type", "ketamine's OR Lee S[au]"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["query", "total", "offset", "limit", "sort", "ranking", "hits", "facets"])
        #expect(object["total"] as? Int == 8)
        let query = try #require(object["query"] as? [String: Any])
        #expect(query["understood"] as? String == "ketamine OR \"lee s\"[au]")
        let hits = try #require(object["hits"] as? [[String: Any]])
        #expect(hits.count == 2)
        #expect(Set(hits[0].keys) == ["rank", "pmid", "year", "firstAuthor", "journal", "title", "design", "publicationTypes", "doi", "score", "snippet"])
        #expect((hits[0]["title"] as? String)?.contains("[") == true)
        let facets = try #require(object["facets"] as? [String: Any])
        #expect(Set(facets.keys) == ["year", "type"])
    }

    @Test("jsonl: one hit per line, each with the query and total")
    func jsonLines() throws {
        let fixture = try CommandFixture()
        let (out, _, _) = try fixture.search(["--format", "jsonl", "--limit", "3", "ketamine[ti]"])
        let lines = out.split(separator: "\n")
        #expect(lines.count == 3)
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(object["total"] as? Int == 6)
            #expect(object["query"] as? String == "ketamine[ti]")
            #expect(object["pmid"] is String)
        }
    }

    @Test("csv: header and quoted fields, matches in brackets")
    func csv() throws {
        let fixture = try CommandFixture()
        let (out, _, _) = try fixture.search(["--format", "csv", "cystitis"])
        let rows = out.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.first == "rank,pmid,year,first_author,journal,design,publication_types,title,doi,score,snippet")
        #expect(rows.count == 2)
        #expect(rows[1].hasPrefix("1,1008,2016,Lee S,BMJ Case Rep,case report,Case Reports; Journal Article,Case report: ketamine-induced [cystitis].,"))
    }

    @Test("table fits the width; bold only when the style allows", arguments: [60, 80, 120])
    func table(width: Int) throws {
        let fixture = try CommandFixture()
        let (plain, _, _) = try fixture.search(["--facets", "journal", "ketamine"], style: .plain(width: width))
        #expect(plain.hasPrefix("8 records for ketamine (showing 1–8, by relevance)\n"))
        for line in plain.split(separator: "\n") {
            #expect(line.count <= width, "\(line)")
        }
        #expect(!plain.contains("\u{1B}"))
        let (bold, _, _) = try fixture.search(["ketamine"], style: TerminalStyle(width: width, bold: true))
        #expect(bold.contains("\u{1B}[1m"))
    }

    @Test("explain shows the parsed tree and the compiled FTS5/SQL")
    func explain() throws {
        let fixture = try CommandFixture()
        let (out, _, _) = try fixture.search(["--explain", "ketamine[ti]", "OR", "depression[ti]", "AND", "review[pt]"])
        #expect(out.contains("Query as understood:\n  (ketamine[ti] OR depression[ti]) AND review[pt]\n"))
        #expect(out.contains("Ranked by bm25 over:\n  {title} : \"ketamine\" OR {title} : \"depression\"\n"))
        #expect(out.hasSuffix("Total: 1\n"))
    }

    @Test("similar lists related records with the shared words and MeSH")
    func similar() throws {
        let fixture = try CommandFixture()
        let command = try SimilarCommand.parse(["--index", fixture.index, "--limit", "3", "1006"])
        let output = CommandOutput.capturing()
        try command.run(output: output, style: .plain(width: 100))
        #expect(output.standardOutput.hasPrefix("Records similar to PMID 1006: Esketamine for major depression"))
        #expect(output.standardOutput.contains("similarity"))
        let json = try SimilarCommand.parse(["--index", fixture.index, "--format", "json", "1006"])
        let jsonOutput = CommandOutput.capturing()
        try json.run(output: jsonOutput, style: .plain())
        let object = try #require(try JSONSerialization.jsonObject(with: Data(jsonOutput.standardOutput.utf8)) as? [String: Any])
        #expect(object["source"] as? String == "1006")
        let articles = try #require(object["articles"] as? [[String: Any]])
        #expect(!articles.isEmpty)
        #expect(articles.allSatisfy { $0["sharedTerms"] is [String] && $0["sharedMesh"] is [String] && $0["similarity"] is Double })
    }
}
