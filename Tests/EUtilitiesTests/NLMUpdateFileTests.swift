import EUtilities
import Foundation
import Testing

@Suite("NLMUpdateFile and MD5Sidecar")
struct NLMUpdateFileTests {
    @Test("names are read and others ignored", arguments: [
        ("pubmed21n1298.xml.gz", 21, 1298), ("pubmed25n0001.xml.gz", 25, 1), ("pubmed24n1219.xml", 24, 1219),
    ])
    func names(name: String, year: Int, number: Int) throws {
        let file = try #require(NLMUpdateFile(url: URL(fileURLWithPath: "/tmp/\(name)")))
        #expect(file.year == year)
        #expect(file.number == number)
        #expect(file.checksumURL.lastPathComponent == name + ".md5")
    }

    @Test("non-distribution names are not update files", arguments: [
        "pubmed21n1298.xml.gz.md5", "pubmed21x1298.xml.gz", "medline16n0902.xml.gz", "pubmed2n1298.xml.gz", "batch-000001.xml.gz",
    ])
    func others(name: String) {
        #expect(NLMUpdateFile(url: URL(fileURLWithPath: "/tmp/\(name)")) == nil)
    }

    @Test("files sort by year then number, not by name")
    func order() {
        let names = ["pubmed22n0002.xml.gz", "pubmed21n1298.xml.gz", "pubmed21n0999.xml.gz", "pubmed22n0001.xml.gz", "pubmed21n10000.xml.gz"]
        let sorted = names.compactMap { NLMUpdateFile(url: URL(fileURLWithPath: "/d/\($0)")) }.sorted().map(\.name)
        #expect(sorted == ["pubmed21n0999.xml.gz", "pubmed21n1298.xml.gz", "pubmed21n10000.xml.gz", "pubmed22n0001.xml.gz", "pubmed22n0002.xml.gz"])
    }

    @Test("md5 sidecars in NLM's and md5sum's forms", arguments: [
        ("MD5(pubmed21n1298.xml.gz)= 0123456789abcdef0123456789ABCDEF\n", "pubmed21n1298.xml.gz"),
        ("0123456789abcdef0123456789abcdef  pubmed21n1298.xml.gz\n", "pubmed21n1298.xml.gz"),
        ("0123456789abcdef0123456789abcdef", nil),
    ])
    func sidecar(text: String, name: String?) throws {
        let sidecar = try #require(MD5Sidecar(text))
        #expect(sidecar.digest == "0123456789abcdef0123456789abcdef")
        #expect(sidecar.fileName == name)
    }

    @Test("a malformed sidecar is rejected", arguments: ["MD5(x)= 123", "hello", ""])
    func badSidecar(text: String) {
        #expect(MD5Sidecar(text) == nil)
    }
}
