import ArgumentParser
import CitationExport
import EvidenceStore
import Foundation
import PubMed

/// `evidence verify-bundle DIR`: checks a bundle's hashes and whether the index would reproduce it.
struct VerifyBundleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify-bundle",
        abstract: "Check a citation bundle's SHA-256 hashes and whether the current index would reproduce it.",
        discussion: """
            Every file listed in manifest.json must be present with its recorded SHA-256, and no \
            other file may be there; otherwise the exit status is 1. Then the bundle is rebuilt \
            in memory from the current index (the same PMIDs, in order, with the same claims) and \
            compared file by file: the index reproduces it when it has the same snapshot, or when \
            the records for those PMIDs still give the same files. With --strict, a bundle the \
            index would not reproduce also exits 1.
            """
    )

    @Argument(help: ArgumentHelp("The bundle: a folder or a .zip written by 'evidence export --bundle'.", valueName: "bundle"))
    var path: String

    @Flag(help: "Exit with status 1 when the current index would not reproduce the bundle.")
    var strict = false

    @OptionGroup var indexOptions: IndexOptions

    func run() throws {
        try run(output: .standard())
    }

    /// Runs the command, writing to `output`.
    func run(output: CommandOutput) throws {
        let verification: BundleVerification
        do {
            verification = try BundleVerification.verify(at: URL(fileURLWithPath: path))
        } catch let error as CitationExportError {
            output.writeError("error: \(error)\n")
            throw ExitCode.failure
        }
        let manifest = verification.manifest
        output.write("bundle: \(path)\n")
        output.write("written by \(manifest.tool.name) \(manifest.tool.version) on \(manifest.created); "
                     + "source: \(manifest.source.kind) \(manifest.source.value); \(manifest.counts.records) records\n")
        for file in verification.files {
            output.write("  \(file.status == .ok ? "ok      " : file.status.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(file.name)\n")
        }
        let intact = verification.isIntact
        output.write(intact ? "hashes: all \(manifest.files.count) files match manifest.json\n"
                            : "hashes: FAILED: \(verification.files.filter { $0.status != .ok }.count) of \(verification.files.count) files differ from manifest.json\n")

        let reproducible = reproduction(of: verification, output: output)
        if !intact || (strict && !reproducible) { throw ExitCode.failure }
    }

    /// Says whether the current index would write the same files; returns whether it would.
    private func reproduction(of verification: BundleVerification, output: CommandOutput) -> Bool {
        let manifest = verification.manifest
        let store: ArticleStore
        do {
            store = try ArticleStore(path: indexOptions.index, create: false)
        } catch {
            output.write("reproduction: cannot tell: \(error)\n")
            return false
        }
        defer { store.close() }
        do {
            let snapshot = try store.snapshotID
            let sameSnapshot = snapshot == manifest.index.snapshot
            var records: [PMID: PubMedRecord] = [:]
            var missing: [PMID] = []
            for (pmid, record) in zip(manifest.pmids, try store.records(manifest.pmids, keepingOriginalXML: false)) {
                if let record { records[pmid] = record } else { missing.append(pmid) }
            }
            guard missing.isEmpty else {
                output.write("reproduction: no: the index \(indexOptions.index) lacks \(missing.count) of the bundle's PMIDs ("
                             + missing.prefix(10).map(\.description).joined(separator: ", ") + ")\n")
                return false
            }
            let items = manifest.claims.isEmpty
                ? manifest.pmids.compactMap { records[$0] }.map { ExportItem(record: $0) }
                : BundleManifest.items(for: manifest.claims, records: records)
            let bundle = CitationBundle(items: items, formats: manifest.formats, styles: manifest.styles)
            let differences = verification.differences(from: bundle)
            if differences.isEmpty {
                output.write(sameSnapshot
                    ? "reproduction: yes: same index snapshot \(snapshot.prefix(12))\n"
                    : "reproduction: yes: the snapshot changed (\(manifest.index.snapshot?.prefix(12) ?? "none") → \(snapshot.prefix(12))) but the records for these PMIDs give the same files\n")
                return true
            }
            output.write("reproduction: no: the current index gives different " + differences.joined(separator: ", ")
                         + (sameSnapshot ? " (same snapshot: the exporter changed)\n" : " (snapshot \(manifest.index.snapshot?.prefix(12) ?? "none") → \(snapshot.prefix(12)))\n"))
            return false
        } catch {
            output.write("reproduction: cannot tell: \(error)\n")
            return false
        }
    }
}
