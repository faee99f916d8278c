import CitationExport
import Foundation
import Testing

/// Compares each format's output for the hard-case records with committed files in
/// `Fixtures/Golden/`. Set `EVIDENCE_UPDATE_GOLDEN=1` to rewrite them after a deliberate change,
/// then review the diff.
struct GoldenFileTests {
    static let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/Golden")

    static let cases: [(String, String)] = [
        ("hard-cases.ris", CitationFormat.ris.render(ExportFixtures.itemsWithClaims)),
        ("hard-cases.bib", CitationFormat.bibtex.render(ExportFixtures.itemsWithClaims)),
        ("hard-cases.json", CitationFormat.cslJSON.render(ExportFixtures.itemsWithClaims)),
        ("hard-cases.nbib", CitationFormat.medline.render(ExportFixtures.itemsWithClaims)),
        ("hard-cases.csv", CitationFormat.csv.render(ExportFixtures.itemsWithClaims)),
        ("hard-cases-vancouver.md", CitationFormat.markdown.render(ExportFixtures.itemsWithClaims, style: .vancouver)),
        ("hard-cases-apa.md", CitationFormat.markdown.render(ExportFixtures.itemsWithClaims, style: .apa)),
    ]

    @Test("Each format matches its golden file", arguments: cases.map(\.0))
    func matchesGoldenFile(name: String) throws {
        let actual = try #require(Self.cases.first { $0.0 == name }?.1)
        let url = Self.goldenFolder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["EVIDENCE_UPDATE_GOLDEN"] == "1" {
            try Data(actual.utf8).write(to: url)
        }
        let expected = try Data(contentsOf: url)
        #expect(Data(actual.utf8) == expected, "\(name) differs from Fixtures/Golden/\(name); rerun with EVIDENCE_UPDATE_GOLDEN=1 and review the diff")
        if Data(actual.utf8) != expected {
            let actualLines = actual.components(separatedBy: "\n")
            let expectedLines = String(decoding: expected, as: UTF8.self).components(separatedBy: "\n")
            if let index = zip(actualLines, expectedLines).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset {
                Issue.record("first difference at line \(index + 1):\n- \(expectedLines[index])\n+ \(actualLines[index])")
            }
        }
    }

    @Test("No format starts with a byte-order mark")
    func noBOM() {
        for (name, text) in Self.cases {
            #expect(!text.hasPrefix("\u{FEFF}"), "\(name)")
        }
    }
}
