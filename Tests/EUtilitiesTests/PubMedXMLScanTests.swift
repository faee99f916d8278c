import EUtilities
import Foundation
import Testing

@Suite("PubMedXMLScan")
struct PubMedXMLScanTests {
    func fixture(_ name: String) throws -> Data {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil))
        return try Data(contentsOf: url)
    }

    @Test("record PMIDs are the records' own, not those of comments or references")
    func recordPMIDs() throws {
        let scan = PubMedXMLScan(try fixture("efetch-two-records-with-comments.xml"))
        #expect(scan.rootElement == "PubmedArticleSet")
        #expect(scan.isComplete)
        #expect(scan.errorMessage == nil)
        #expect(scan.recordIDs == [EntrezUID(rawValue: 31166571), EntrezUID(rawValue: 20301546)])
        #expect(scan.recordCount == 2)
    }

    @Test("an efetch error body is recognised, with its message")
    func errorBody() throws {
        let scan = PubMedXMLScan(try fixture("efetch-error-body.xml"))
        #expect(scan.rootElement == "eFetchResult")
        #expect(scan.errorMessage == "Cannot retrieve history data. query_key: 1, WebEnv: MCID_x, retstart: 0, retmax: 500")
        #expect(scan.recordIDs.isEmpty)
    }

    @Test("a bare <ERROR> root is an error too")
    func bareError() {
        let scan = PubMedXMLScan(Data("<?xml version=\"1.0\"?>\n<ERROR>Empty id list - nothing todo</ERROR>\n".utf8))
        #expect(scan.errorMessage == "Empty id list - nothing todo")
    }

    @Test("a document cut before its closing root tag is incomplete", arguments: [
        "<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>1</PMID></MedlineCitation></PubmedArticle>",
        "<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>1</PMID></Medline",
        "<?xml version=\"1.0\" ?>\n<!DOCTYPE PubmedArticleSet>\n<Pubmed",
    ])
    func incomplete(text: String) {
        #expect(!PubMedXMLScan(Data(text.utf8)).isComplete)
    }

    @Test("a DOCTYPE with an internal subset and comments before the root are skipped")
    func prolog() {
        let text = """
        <?xml version="1.0"?>
        <!-- a comment with <PubmedArticle> in it -->
        <!DOCTYPE PubmedArticleSet [ <!ENTITY x "y"> ]>
        <PubmedArticleSet></PubmedArticleSet>
        """
        let scan = PubMedXMLScan(Data(text.utf8))
        #expect(scan.rootElement == "PubmedArticleSet")
        #expect(scan.isComplete)
        #expect(scan.recordCount == 0)
    }
}
