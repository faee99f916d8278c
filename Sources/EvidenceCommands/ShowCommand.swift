import ArgumentParser
import EvidenceStore
import Foundation
import PubMed

/// `evidence show PMID...`: prints stored records as text, JSON or their original XML.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print stored records by PMID, as text, JSON or the original XML.",
        discussion: """
            json prints a JSON array with stable keys (pmid, version, kind, title, abstract, \
            authors, journal, pages, doi, pmcid, year, pubDate, publicationTypes, languages, \
            mesh, keywords, chemicals, status, commentsCorrections). xml prints each record's \
            XML exactly as stored. A PMID not in the index is an error (exit status 1); the \
            others are still printed.
            """
    )

    /// The output formats of `show`.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, xml
    }

    @Argument(help: ArgumentHelp("PubMed ids; - reads them from standard input (separated by white space or commas).", valueName: "pmid"))
    var pmids: [String]

    @Option(help: "Output format: text, json or xml.")
    var format: Format = .text

    @OptionGroup var indexOptions: IndexOptions

    func validate() throws {
        for text in pmids where text != "-" && PMID(text) == nil {
            throw ValidationError("'\(text)' is not a PMID (a positive whole number)")
        }
    }

    func run() throws {
        try run(output: .standard())
    }

    /// Runs the command, writing to `output`.
    func run(output: CommandOutput) throws {
        var requested: [PMID] = []
        for text in pmids {
            if text == "-" {
                for word in output.readStandardInput().split(whereSeparator: { $0.isWhitespace || $0 == "," }) {
                    guard let pmid = PMID(word) else {
                        output.writeError("error: '\(word)' on standard input is not a PMID\n")
                        throw ExitCode.failure
                    }
                    requested.append(pmid)
                }
            } else if let pmid = PMID(text) {
                requested.append(pmid)
            }
        }
        let store = try ArticleStore(path: indexOptions.index, create: false)
        defer { store.close() }
        var missing: [PMID] = []
        var records: [PubMedRecord] = []
        var xmls: [String] = []
        for pmid in requested {
            switch format {
            case .xml:
                if let xml = try store.originalXML(pmid) { xmls.append(xml) } else { missing.append(pmid) }
            case .text, .json:
                if let record = try store.record(pmid) { records.append(record) } else { missing.append(pmid) }
            }
        }
        switch format {
        case .json:
            output.write(try ArticleJSON.array(records))
        case .xml:
            for xml in xmls { output.write(xml.hasSuffix("\n") ? xml : xml + "\n") }
        case .text:
            output.write(records.map(ShowCommand.text(of:)).joined(separator: "\n"))
        }
        for pmid in missing {
            output.writeError("error: PMID \(pmid) is not in the index at \(indexOptions.index)\n")
        }
        if !missing.isEmpty { throw ExitCode.failure }
    }
}
