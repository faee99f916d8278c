import ArgumentParser
import CitationExport
import EvidenceStore
import Foundation
import PubMed

/// `evidence export`: citations from a search, a PMID list, a claim or a check report, in
/// RIS, BibTeX, CSL-JSON, MEDLINE, CSV or Markdown, alone or as a bundle with provenance.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export citations (RIS, BibTeX, CSL-JSON, MEDLINE, CSV, Markdown), alone or as a bundle with provenance.",
        discussion: """
            Give exactly one source: --query (with the search filters --since, --until, --type, \
            --sort and --limit; ranked by relevance by default), --pmids, --claim or --check. With one --format the \
            citations go to standard output, or to --out FILE. --bundle DIR (or DIR.zip) writes \
            the formats asked for (all by default) plus manifest.json: what was asked, the PMIDs \
            in order, the index snapshot and ingested files, the tool version, the date, counts, \
            the claims with verdicts and quotes, and the SHA-256 of every file. A bundle is \
            written to a temporary folder and renamed into place, never over an existing one. \
            An unknown PMID, an empty result or an unwritable target is an error (exit status 1) \
            and writes nothing. Check a bundle later with 'evidence verify-bundle'.
            """
    )

    /// `--format` values.
    enum FormatChoice: String, ExpressibleByArgument, CaseIterable {
        case ris, bibtex
        case cslJSON = "csl-json"
        case medline, csv, markdown, all

        var formats: [CitationFormat] {
            switch self {
            case .ris: return [.ris]
            case .bibtex: return [.bibtex]
            case .cslJSON: return [.cslJSON]
            case .medline: return [.medline]
            case .csv: return [.csv]
            case .markdown: return [.markdown]
            case .all: return CitationFormat.allCases
            }
        }
    }

    /// `--style` values.
    enum StyleChoice: String, ExpressibleByArgument, CaseIterable {
        case vancouver, apa

        var style: ReferenceStyle { self == .apa ? .apa : .vancouver }
    }

    @Option(help: ArgumentHelp("Export the records a search query finds (the search syntax, e.g. 'esketamine AND 2019:2021[dp]').", valueName: "query"))
    var query: String?

    @Option(help: ArgumentHelp("With --query, export at most this many records (in --sort order).", valueName: "n"))
    var limit: Int?

    @OptionGroup(title: "Search filters (with --query)") var filters: SearchFilterOptions


    @Option(help: ArgumentHelp("Export the PMIDs in FILE, one per line; - reads standard input.", valueName: "file"))
    var pmids: String?

    @Option(help: ArgumentHelp("Export the citations linked to a claim in the ledger, with stances and quotes.", valueName: "id"))
    var claim: String?

    @Option(help: ArgumentHelp("Export everything a check report (evidence check --format json) cites.", valueName: "report.json"))
    var check: String?

    @Option(help: ArgumentHelp("ris, bibtex, csl-json, medline, csv, markdown or all; repeat for several (several need --bundle).", valueName: "format"))
    var format: [FormatChoice] = []

    @Option(help: ArgumentHelp("Reference style of the Markdown list: vancouver or apa (a bundle without --style gets both).", valueName: "style"))
    var style: StyleChoice?

    @Option(help: ArgumentHelp("Write a bundle: a new folder, or a .zip archive.", valueName: "dir|file.zip"))
    var bundle: String?

    @Option(help: ArgumentHelp("Write the single format to FILE instead of standard output.", valueName: "file"))
    var out: String?

    @OptionGroup var indexOptions: IndexOptions

    func validate() throws {
        let sources = [query, pmids, claim, check].compactMap { $0 }
        guard sources.count == 1 else {
            throw ValidationError(sources.isEmpty ? "give a source: --query, --pmids, --claim or --check"
                                                  : "give only one source among --query, --pmids, --claim and --check")
        }
        if bundle != nil, out != nil { throw ValidationError("--out and --bundle cannot be combined") }
        if bundle == nil, selectedFormats.count != 1 {
            throw ValidationError(format.isEmpty ? "give a --format (or --bundle to write every format)"
                                                 : "several formats need --bundle DIR; --out and standard output take one")
        }
        if query == nil, limit != nil || filters.narrowsResults {
            throw ValidationError("--limit, --since, --until and --type only apply to --query")
        }
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    /// The formats asked for; every format when none is given.
    var selectedFormats: [CitationFormat] {
        let chosen = format.isEmpty ? CitationFormat.allCases : format.flatMap(\.formats)
        return CitationFormat.allCases.filter(chosen.contains)
    }

    var source: ExportSource {
        if let query {
            return .query(query, options: filters.searchOptions(limit: limit ?? Int.max / 2, snippets: false))
        }
        if let pmids { return .pmidList(path: pmids) }
        if let claim { return .claim(claim) }
        return .check(path: check ?? "")
    }

    func run() throws {
        try run(output: .standard())
    }

    /// Runs the command, writing to `output`.
    func run(output: CommandOutput, now: Date = Date()) throws {
        do {
            try export(output: output, now: now)
        } catch let error as ExportError {
            output.writeError("error: \(error)\n")
            throw ExitCode.failure
        } catch let error as CitationExportError {
            output.writeError("error: \(error)\n")
            throw ExitCode.failure
        } catch let error as SearchError {
            output.writeError("error: \(error)\n")
            // A query that cannot be parsed is a usage error, as in `evidence search`.
            if case .query = error { throw ExitCode(64) }
            throw ExitCode.failure
        } catch let error as ArticleStoreError {
            output.writeError("error: \(error)\n")
            throw ExitCode.failure
        }
    }

    private func export(output: CommandOutput, now: Date) throws {
        if let target = bundle ?? out { try Self.checkWritable(target, replacing: out != nil) }
        let store = try ArticleStore(path: indexOptions.index, create: false)
        defer { store.close() }
        let (items, claims) = try source.resolve(store: store, output: output)

        if let bundle {
            let styles = style.map { [$0.style] } ?? ReferenceStyle.allCases
            let manifest = BundleManifest(
                tool: .init(version: EvidenceVersion.current),
                created: ISO8601DateFormatter().string(from: now),
                source: source.manifestSource,
                pmids: items.uniqueRecords.map(\.pmid),
                index: .init(snapshot: try store.snapshotID, path: indexOptions.index,
                             ingestedFiles: try store.manifest().map {
                                 .init(path: $0.path, sha256: $0.sha256, records: $0.records, ingestedAt: $0.ingestedAt)
                             }),
                formats: selectedFormats, styles: styles, claims: claims)
            let written = try CitationBundle(items: items, formats: selectedFormats, styles: styles)
                .write(to: URL(fileURLWithPath: bundle), manifest: manifest, date: now)
            output.writeError("exported \(written.counts.records) records to \(bundle): "
                              + written.files.map(\.name).joined(separator: ", ") + ", manifest.json\n")
            return
        }

        let format = selectedFormats[0]
        let text = format.render(items, style: style?.style ?? .vancouver)
        if let out {
            try Self.writeAtomically(Data(text.utf8), to: out)
            output.writeError("exported \(items.uniqueRecords.count) records to \(out)\n")
        } else {
            output.write(text)
        }
    }

    /// Fails early, before any work, when `path` cannot be created in its folder.
    static func checkWritable(_ path: String, replacing: Bool) throws {
        let url = URL(fileURLWithPath: path)
        let parent = url.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: parent, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ExportError.unwritable(path: path, reason: "folder \(parent) does not exist")
        }
        guard FileManager.default.isWritableFile(atPath: parent) else {
            throw ExportError.unwritable(path: path, reason: "folder \(parent) is not writable")
        }
        if !replacing, FileManager.default.fileExists(atPath: path) {
            throw CitationExportError.targetExists(path: path)
        }
        if replacing, FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw ExportError.unwritable(path: path, reason: "it is a folder")
        }
    }

    /// Writes to a temporary file beside `path`, then renames it over `path`.
    static func writeAtomically(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).partial-\(UUID().uuidString)")
        do {
            try data.write(to: temporary)
            if rename(temporary.path, url.path) != 0 {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: temporary)
                throw ExportError.unwritable(path: path, reason: reason)
            }
        } catch let error as ExportError {
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw ExportError.unwritable(path: path, reason: error.localizedDescription)
        }
    }
}
