import Foundation
import Testing
import PubMed
@testable import EvidenceStore

@Suite("The JSON contract of show --format json")
struct ArticleJSONTests {
    /// A record with every contract field set.
    static func fullRecord() -> PubMedRecord {
        var record = PubMedRecord(pmid: PMID(30271887), version: 4)
        record.status = "MEDLINE"
        record.title = "Ketamine for treatment-resistant depression: P<0.001"
        record.vernacularTitle = "Ketamin bei therapieresistenter Depression"
        record.abstract = [AbstractSection(label: "BACKGROUND", category: "BACKGROUND", text: "Why."),
                           AbstractSection(label: nil, category: nil, text: "Unlabelled.")]
        record.authors = [
            Author(lastName: "Østergaard", foreName: "Søren D", initials: "SD", orcid: "0000-0002-1825-0097", affiliations: ["Aarhus University"]),
            Author(collectiveName: "ESKETINTRD Study Group"),
        ]
        record.journal = Journal(title: "JAMA psychiatry", isoAbbreviation: "JAMA Psychiatry", issn: "2168-6238", volume: "76", issue: "9")
        record.pubDate = PubDate(year: 2019, month: "Sep", day: "01")
        record.pagination = Pagination(medlinePgn: "893-903")
        record.articleIDs = [ArticleID(type: "doi", value: "10.1001/jamapsychiatry.2019.1189"), ArticleID(type: "pmc", value: "PMC6584287")]
        record.publicationTypes = [PublicationType(name: "Randomized Controlled Trial", ui: "D016449")]
        record.languages = ["eng"]
        record.mesh = [MeshHeading(descriptor: "Ketamine", ui: "D007649", major: true,
                                   qualifiers: [MeshQualifier(name: "therapeutic use", ui: "Q000627", major: false)])]
        record.keywords = [Keyword(text: "esketamine")]
        record.chemicals = [Chemical(name: "Ketamine", ui: "D007649", registryNumber: "690G0D6V8H")]
        record.commentsCorrections = [CommentCorrection(type: "ErratumIn", refSource: "JAMA Psychiatry. 2019", pmid: PMID(31553421)),
                                      CommentCorrection(type: "CommentIn", refSource: "Somewhere")]
        record.originalXML = "<PubmedArticle/>"
        return record
    }

    private func object(_ record: PubMedRecord) throws -> [String: Any] {
        let array = try JSONSerialization.jsonObject(with: Data(try ArticleJSON.array([record]).utf8)) as? [[String: Any]]
        return try #require(array?.first)
    }

    @Test("the output is an array of objects with exactly the contract keys")
    func topLevelKeys() throws {
        let object = try object(Self.fullRecord())
        #expect(Set(object.keys) == Set(ArticleJSON.keys))
        #expect(ArticleJSON.keys == [
            "pmid", "version", "kind", "title", "vernacularTitle", "abstract", "authors", "journal", "pages", "doi", "pmcid",
            "year", "pubDate", "publicationTypes", "languages", "mesh", "keywords", "chemicals", "status", "commentsCorrections",
        ])
    }

    @Test("nested objects have exactly their contract keys")
    func nestedKeys() throws {
        let object = try object(Self.fullRecord())
        let abstract = try #require(object["abstract"] as? [[String: Any]])
        #expect(Set(abstract[0].keys) == ["label", "category", "text"])
        let authors = try #require(object["authors"] as? [[String: Any]])
        #expect(Set(authors[0].keys) == ["lastName", "foreName", "initials", "suffix", "collectiveName", "orcid", "affiliations"])
        let journal = try #require(object["journal"] as? [String: Any])
        #expect(Set(journal.keys) == ["title", "isoAbbreviation", "issn", "volume", "issue"])
        let mesh = try #require(object["mesh"] as? [[String: Any]])
        #expect(Set(mesh[0].keys) == ["descriptor", "ui", "major", "qualifiers"])
        let qualifiers = try #require(mesh[0]["qualifiers"] as? [[String: Any]])
        #expect(Set(qualifiers[0].keys) == ["name", "ui", "major"])
        let corrections = try #require(object["commentsCorrections"] as? [[String: Any]])
        #expect(Set(corrections[0].keys) == ["type", "pmid"])
    }

    @Test("types: pmid is a string, version and year are integers, flags are booleans")
    func types() throws {
        let object = try object(Self.fullRecord())
        #expect(object["pmid"] as? String == "30271887")
        #expect(object["version"] as? Int == 4)
        #expect(object["year"] as? Int == 2019)
        #expect(object["kind"] as? String == "article")
        #expect(object["pages"] as? String == "893-903")
        #expect(object["pubDate"] as? String == "2019 Sep 1")
        #expect(object["publicationTypes"] as? [String] == ["Randomized Controlled Trial"])
        #expect(object["chemicals"] as? [String] == ["Ketamine"])
        let corrections = try #require(object["commentsCorrections"] as? [[String: Any]])
        #expect(corrections[0]["pmid"] as? String == "31553421")
        #expect(corrections[1]["pmid"] is NSNull)
        let mesh = try #require(object["mesh"] as? [[String: Any]])
        #expect((mesh[0]["major"] as? NSNumber)?.boolValue == true)
    }

    @Test("absent values are null or [], never an empty string")
    func absentValues() throws {
        var record = PubMedRecord(pmid: PMID(1))
        record.title = ""
        record.authors = [Author(lastName: "Smith", foreName: "", initials: "J")]
        let text = try ArticleJSON.array([record])
        #expect(!text.contains("\"\""))
        let object = try object(record)
        for key in ["title", "vernacularTitle", "journal", "pages", "doi", "pmcid", "year", "pubDate", "status"] {
            #expect(object[key] is NSNull, "\(key)")
        }
        for key in ["abstract", "publicationTypes", "languages", "mesh", "keywords", "chemicals", "commentsCorrections"] {
            #expect((object[key] as? [Any])?.isEmpty == true, "\(key)")
        }
        let authors = try #require(object["authors"] as? [[String: Any]])
        #expect(authors[0]["foreName"] is NSNull)
        #expect((authors[0]["affiliations"] as? [Any])?.isEmpty == true)
    }

    @Test("the full record encodes exactly as the golden file")
    func golden() throws {
        let encoded = try ArticleJSON.array([Self.fullRecord()])
        if ProcessInfo.processInfo.environment["EVIDENCE_RECORD_GOLDEN"] == "1" {
            // Record mode: rewrite the golden file in the source tree, then review the diff.
            let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("Fixtures/article-contract.json")
            try encoded.write(to: source, atomically: true, encoding: .utf8)
            return
        }
        let golden = try String(contentsOfFile: Fixture.path("article-contract.json"), encoding: .utf8)
        #expect(encoded == golden)
    }

    @Test("a JSON line is one line and decodes to the same object")
    func line() throws {
        let line = try ArticleJSON.line(Self.fullRecord())
        #expect(!line.contains("\n"))
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        #expect(object?["pmid"] as? String == "30271887")
    }
}
