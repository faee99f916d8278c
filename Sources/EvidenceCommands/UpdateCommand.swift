import ArgumentParser
import EUtilities
import EvidenceStore
import Foundation

/// `evidence update DIR`: applies NLM baseline and daily-update files in order.
struct UpdateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Apply NLM baseline and update files (pubmedYYnNNNN.xml.gz) from a folder, in file-number order.",
        discussion: """
            Files are applied by release year, then file number (the baseline before the daily \
            updates that follow it). Each file goes in whole, in one transaction; a file already \
            applied (same SHA-256 in the index's manifest) is skipped, so running update twice \
            is the same as running it once. The first file that cannot be applied stops the run, \
            so later files never overtake it. With --verify every file is checked against its \
            .md5 sidecar (NLM's "MD5(name)= hex") before anything is applied.
            """
    )

    @Argument(help: ArgumentHelp("The folder holding pubmedYYnNNNN.xml.gz files (and their .md5 sidecars).", valueName: "dir"))
    var directory: String

    @Flag(help: "Check each file against its .md5 sidecar when there is one; refuse every file if any mismatches.")
    var verify = false

    @Flag(name: .customLong("require-md5"), help: "With --verify, refuse files that have no .md5 sidecar.")
    var requireMD5 = false

    @Flag(help: "Treat record warnings as errors: a file with any warning is refused.")
    var strict = false

    @OptionGroup var indexOptions: IndexOptions

    func validate() throws {
        if requireMD5 && !verify { throw ValidationError("--require-md5 needs --verify") }
    }

    func run() throws {
        try run(output: .standard())
    }

    /// Runs the command, writing to `output`.
    func run(output: CommandOutput) throws {
        let folder = URL(fileURLWithPath: directory, isDirectory: true)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw UpdateError.notAFolder(directory)
        }
        let files = try NLMUpdateFile.files(in: folder)
        guard !files.isEmpty else { throw UpdateError.noFiles(directory) }

        if verify {
            try Self.verify(files, requireSidecar: requireMD5, output: output)
        }

        let store = try ArticleStore(path: indexOptions.index)
        defer { store.close() }
        let ingester = ArticleIngester(store: store, options: IngestOptions(strict: strict))
        let showProgress = output.errorIsTerminal
        var applied = 0
        var skipped = 0
        var records = 0
        for (offset, file) in files.enumerated() {
            var progressShown = false
            let outcome = ingester.ingest(IngestInput(file: file.url.path), fileNumber: offset + 1, fileCount: files.count) { progress in
                guard showProgress else { return }
                output.writeError("\r\u{1B}[K" + IngestCommand.progressLine(progress))
                progressShown = true
            }
            if progressShown { output.writeError("\r\u{1B}[K") }
            for diagnostic in outcome.diagnostics { output.writeError("\(diagnostic)\n") }
            switch outcome.status {
            case .ingested:
                applied += 1
                records += outcome.records
                output.writeError("update: \(file.name): applied: \(outcome.records) records (\(outcome.inserted) new, \(outcome.replaced) updated, \(outcome.skippedOlder) older versions skipped), \(outcome.deletions) deletions (\(outcome.deletedRecords) removed)\n")
            case .alreadyIngested:
                skipped += 1
                output.writeError("update: \(file.name): already applied; skipped\n")
            case .failed:
                if let failure = outcome.failure { output.writeError("\(failure)\n") }
                let rest = files.count - offset - 1
                throw UpdateError.stopped(file: file.name, remaining: rest)
            }
        }
        output.writeError("update: \(applied) file\(applied == 1 ? "" : "s") applied (\(records) records), \(skipped) already applied; index: \(try store.articleCount()) articles\n")
    }

    /// Checks every file that has a sidecar; throws before anything is applied if one fails.
    static func verify(_ files: [NLMUpdateFile], requireSidecar: Bool, output: CommandOutput) throws {
        var problems: [String] = []
        for file in files {
            guard FileManager.default.fileExists(atPath: file.checksumURL.path) else {
                if requireSidecar {
                    problems.append("\(file.name): no \(file.checksumURL.lastPathComponent)")
                } else {
                    output.writeError("update: warning: \(file.name): no .md5 sidecar; not verified\n")
                }
                continue
            }
            let text = (try? String(contentsOf: file.checksumURL, encoding: .utf8)) ?? ""
            guard let sidecar = MD5Sidecar(text) else {
                problems.append("\(file.checksumURL.lastPathComponent): not an MD5 checksum line")
                continue
            }
            if let named = sidecar.fileName, named != file.name {
                problems.append("\(file.checksumURL.lastPathComponent): is for \(named), not \(file.name)")
                continue
            }
            let actual = try FileMD5.digest(of: file.url)
            if actual != sidecar.digest {
                problems.append("\(file.name): MD5 \(actual) does not match \(sidecar.digest) in \(file.checksumURL.lastPathComponent)")
            } else {
                output.writeError("update: \(file.name): MD5 verified\n")
            }
        }
        if !problems.isEmpty { throw UpdateError.verification(problems) }
    }
}

/// Why `evidence update` stopped.
enum UpdateError: Error, CustomStringConvertible {
    case notAFolder(String)
    case noFiles(String)
    case verification([String])
    case stopped(file: String, remaining: Int)

    var description: String {
        switch self {
        case .notAFolder(let path):
            return "\(path): not a folder"
        case .noFiles(let path):
            return "\(path): no NLM files (pubmedYYnNNNN.xml.gz) in it"
        case .verification(let problems):
            return "verification failed; nothing was applied:\n  " + problems.joined(separator: "\n  ")
        case .stopped(let file, let remaining):
            return "\(file) could not be applied; nothing from it was stored, and the \(remaining) file\(remaining == 1 ? "" : "s") after it \(remaining == 1 ? "was" : "were") not applied"
        }
    }
}
