import Foundation
import EvidenceTestSupport
import PubMed
@testable import EvidenceStore

/// Paths to this target's fixtures, and small builders the tests share.
enum Fixture {
    /// The path of `Fixtures/name` in the test bundle.
    static func path(_ name: String) -> String {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures").appendingPathComponent(name).path
    }

    /// A fresh store in its own temporary directory (tests run in parallel).
    static func store() throws -> (ArticleStore, TemporaryDirectory) {
        let directory = try TemporaryDirectory(prefix: "evidence-store-test")
        return (try ArticleStore(path: directory.path("index/evidence.sqlite")), directory)
    }

    /// A record built in code, with a minimal but real original XML.
    static func record(_ pmid: Int64, version: Int = 1, title: String = "A title", authors: [Author] = [],
                       abstract: String? = nil, mesh: [MeshHeading] = []) -> PubMedRecord {
        var record = PubMedRecord(pmid: PMID(pmid), version: version)
        record.title = title
        record.authors = authors
        record.mesh = mesh
        if let abstract { record.abstract = [AbstractSection(text: abstract)] }
        record.originalXML = """
            <PubmedArticle><MedlineCitation Status="MEDLINE" Owner="NLM"><PMID Version="\(version)">\(pmid)</PMID>\
            <Article><ArticleTitle>\(title)</ArticleTitle></Article></MedlineCitation></PubmedArticle>
            """
        return record
    }
}
