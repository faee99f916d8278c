import CitationExport
import EvidenceTestSupport
import Foundation
import PubMed
import Testing

/// Every format of the hard-case records, read back by the programs people use.
@Suite("Real consumers read the exports")
struct ConsumerTests {
    /// Writes `records` in `format` to a temporary file and returns its path.
    static func write(_ records: [PubMedRecord], _ format: CitationFormat, in folder: TemporaryDirectory, name: String) throws -> String {
        let path = folder.path(name)
        try Data(format.render(records.map { ExportItem(record: $0) }).utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Checks a consumer's entries against `records`, matched by PMID, and the count.
    static func verify(_ report: ConsumerReport, against records: [PubMedRecord], consumer: String,
                       fields: Set<ExpectedCitation.Field> = Set(ExpectedCitation.Field.allCases),
                       sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(report.entries.count == records.count, "\(consumer): \(report.entries.count) entries for \(records.count) records", sourceLocation: sourceLocation)
        let byPMID = Dictionary(report.entries.compactMap { entry in entry.pmid.map { ($0, entry) } }, uniquingKeysWith: { first, _ in first })
        for record in records {
            ExpectedCitation(record).check(byPMID[record.pmid.description], consumer: consumer, fields: fields, sourceLocation: sourceLocation)
        }
    }

    static let records = ExportFixtures.all

    @Test("bibtexparser reads every BibTeX entry", .enabled(if: Consumers.isAvailable("python:bibtexparser")))
    func bibtexparser() throws {
        let folder = try TemporaryDirectory(); defer { folder.remove() }
        let path = try Self.write(Self.records, .bibtex, in: folder, name: "hard.bib")
        Self.verify(try Consumers.report("bibtexparser_fields", [path]), against: Self.records, consumer: "bibtexparser")
    }

    @Test("biber --tool validates and decodes the BibTeX", .enabled(if: Consumers.isAvailable("biber") && Consumers.isAvailable("python:bibtexparser")))
    func biber() throws {
        let folder = try TemporaryDirectory(); defer { folder.remove() }
        let path = try Self.write(Self.records, .bibtex, in: folder, name: "hard.bib")
        let report = try Consumers.report("biber_fields", [path])
        Self.verify(report, against: Self.records, consumer: "biber")
        #expect(report.warnings ?? [] == [], "biber warned: \(report.warnings ?? [])")
    }

    @Test("rispy reads every RIS record", .enabled(if: Consumers.isAvailable("python:rispy")))
    func rispy() throws {
        let folder = try TemporaryDirectory(); defer { folder.remove() }
        let path = try Self.write(Self.records, .ris, in: folder, name: "hard.ris")
        let report = try Consumers.report("rispy_fields", [path])
        Self.verify(report, against: Self.records, consumer: "rispy")
        #expect(report.entries.map(\.type) == ["JOUR", "JOUR", "JOUR", "CHAP", "BOOK", "JOUR", "JOUR"])
    }

    @Test("Bio.Medline reads every MEDLINE record", .enabled(if: Consumers.isAvailable("python:Bio")))
    func medline() throws {
        let folder = try TemporaryDirectory(); defer { folder.remove() }
        let path = try Self.write(Self.records, .medline, in: folder, name: "hard.nbib")
        let report = try Consumers.report("medline_fields", [path])
        // A whole book has no container to compare; Bio.Medline has no JT for it.
        Self.verify(report, against: Self.records, consumer: "Bio.Medline")
    }

    @Test("citeproc-py renders a bibliography from the CSL-JSON", .enabled(if: Consumers.isAvailable("python:citeproc")))
    func citeprocJSON() throws {
        let folder = try TemporaryDirectory(); defer { folder.remove() }
        let path = try Self.write(Self.records, .cslJSON, in: folder, name: "hard.json")
        let report = try Consumers.report("citeproc_render", [path, "json"])
        Self.verify(report, against: Self.records, consumer: "citeproc-py (CSL-JSON)")
        Self.verifyRendered(report.rendered ?? [], against: Self.records, consumer: "citeproc-py (CSL-JSON)")
    }

    @Test("citeproc-py renders a bibliography from the BibTeX", .enabled(if: Consumers.isAvailable("python:citeproc")))
    func citeprocBibTeX() throws {
        let folder = try TemporaryDirectory(); defer { folder.remove() }
        let path = try Self.write(Self.records, .bibtex, in: folder, name: "hard.bib")
        let report = try Consumers.report("citeproc_render", [path, "bibtex"])
        // citeproc-py's LaTeX reader fails on a brace group that ends in a command without an
        // argument ({\o}, {\ss}, {\textless}); those entries, and only those, are expected to fail.
        Self.verifyCiteprocBibTeX(report, records: Self.records)
    }

    @Test("pandoc --citeproc renders a bibliography from the CSL-JSON and from the BibTeX",
          .enabled(if: Consumers.isAvailable("pandoc")), arguments: [(CitationFormat.cslJSON, "csljson"), (.bibtex, "bibtex")])
    func pandoc(format: CitationFormat, reader: String) throws {
        let folder = try TemporaryDirectory(); defer { folder.remove() }
        let path = try Self.write(Self.records, format, in: folder, name: format == .bibtex ? "hard.bib" : "hard.json")
        let report = try Consumers.report("pandoc_render", [path, reader])
        Self.verify(report, against: Self.records, consumer: "pandoc (\(reader))")
        Self.verifyRendered(report.rendered, against: Self.records, consumer: "pandoc (\(reader))")
    }

    /// Checks citeproc-py's reading of BibTeX. Its LaTeX reader fails on a brace group that ends
    /// in a command without an argument ({\o}, {\ss}, {\textless}) and on stacked accents
    /// ({\'\r{A}}); only such entries may fail; every other one must be read and rendered right.
    static func verifyCiteprocBibTeX(_ report: ConsumerReport, records: [PubMedRecord], sourceLocation: SourceLocation = #_sourceLocation) {
        let keys = BibTeXKey.uniqueKeys(for: records)
        let bibtex = CitationFormat.bibtex.render(records.map { ExportItem(record: $0) })
        var entries: [String: String] = [:]
        for chunk in bibtex.components(separatedBy: "\n@") {
            guard let open = chunk.firstIndex(of: "{"), let comma = chunk.firstIndex(of: ",") else { continue }
            entries[String(chunk[chunk.index(after: open)..<comma])] = chunk
        }
        // citeproc-py may cope with some of these (inside a longer group); what it fails on must be one of them.
        let known = Set(keys.filter { key in
            (entries[key] ?? "").range(of: #"\{\\[A-Za-z]+\}|\\['`^"~=.]\{?\\"#, options: .regularExpression) != nil
        })
        let failed = Set(report.failed?.map(\.key) ?? [])
        #expect(failed.isSubset(of: known), "citeproc-py failed on \(failed.subtracting(known).sorted()) for an unknown reason", sourceLocation: sourceLocation)
        let readable = zip(records, keys).filter { !failed.contains($0.1) }.map(\.0)
        verify(report, against: readable, consumer: "citeproc-py (BibTeX)", sourceLocation: sourceLocation)
        verifyRendered(report.rendered ?? [], against: readable, consumer: "citeproc-py (BibTeX)", sourceLocation: sourceLocation)
    }

    /// Runs every consumer on `records`, checking each format they read.
    static func verifyWithEveryConsumer(_ records: [PubMedRecord], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let folder = try TemporaryDirectory(); defer { folder.remove() }
        let bib = try write(records, .bibtex, in: folder, name: "records.bib")
        let ris = try write(records, .ris, in: folder, name: "records.ris")
        let json = try write(records, .cslJSON, in: folder, name: "records.json")
        let nbib = try write(records, .medline, in: folder, name: "records.nbib")
        if Consumers.isAvailable("python:bibtexparser") {
            verify(try Consumers.report("bibtexparser_fields", [bib]), against: records, consumer: "bibtexparser", sourceLocation: sourceLocation)
        }
        if Consumers.isAvailable("biber") {
            let report = try Consumers.report("biber_fields", [bib])
            verify(report, against: records, consumer: "biber", sourceLocation: sourceLocation)
            #expect(report.warnings ?? [] == [], "biber warned: \(report.warnings ?? [])", sourceLocation: sourceLocation)
        }
        if Consumers.isAvailable("python:rispy") {
            verify(try Consumers.report("rispy_fields", [ris]), against: records, consumer: "rispy", sourceLocation: sourceLocation)
        }
        if Consumers.isAvailable("python:Bio") {
            verify(try Consumers.report("medline_fields", [nbib]), against: records, consumer: "Bio.Medline", sourceLocation: sourceLocation)
        }
        if Consumers.isAvailable("python:citeproc") {
            let fromJSON = try Consumers.report("citeproc_render", [json, "json"])
            verify(fromJSON, against: records, consumer: "citeproc-py (CSL-JSON)", sourceLocation: sourceLocation)
            verifyRendered(fromJSON.rendered, against: records, consumer: "citeproc-py (CSL-JSON)", sourceLocation: sourceLocation)
            verifyCiteprocBibTeX(try Consumers.report("citeproc_render", [bib, "bibtex"]), records: records, sourceLocation: sourceLocation)
        }
        if Consumers.isAvailable("pandoc") {
            for (path, reader) in [(json, "csljson"), (bib, "bibtex")] {
                let report = try Consumers.report("pandoc_render", [path, reader])
                verify(report, against: records, consumer: "pandoc (\(reader))", sourceLocation: sourceLocation)
                verifyRendered(report.rendered, against: records, consumer: "pandoc (\(reader))", sourceLocation: sourceLocation)
            }
        }
    }

    /// A rendered bibliography has one entry per record, each with its DOI and year.
    static func verifyRendered(_ rendered: [String]?, against records: [PubMedRecord], consumer: String,
                               sourceLocation: SourceLocation = #_sourceLocation) {
        let rendered = rendered ?? []
        #expect(rendered.count == records.count, "\(consumer): rendered \(rendered.count) entries for \(records.count)", sourceLocation: sourceLocation)
        let text = rendered.joined(separator: "\n").lowercased()
        for record in records {
            if let doi = record.doi { #expect(text.contains(doi.value.lowercased()), "\(consumer): DOI \(doi) not rendered", sourceLocation: sourceLocation) }
            if let year = record.year { #expect(text.contains(String(year)), "\(consumer): year \(year) not rendered", sourceLocation: sourceLocation) }
        }
    }
}
