import Crypto
import Foundation
import PubMed

/// A set of exported files plus `manifest.json`, written all at once into a folder or a `.zip`.
///
/// Writing goes to a temporary sibling first and is renamed into place, so a reader never sees
/// a half-written bundle and a failure leaves nothing behind. An existing target is refused.
public struct CitationBundle: Sendable {
    /// The name of the manifest inside a bundle.
    public static let manifestName = "manifest.json"

    public var items: [ExportItem]
    public var formats: [CitationFormat]
    /// The styles of the Markdown reference lists (one file each).
    public var styles: [ReferenceStyle]

    /// Creates a bundle of `items` in `formats` (every format by default).
    public init(items: [ExportItem], formats: [CitationFormat] = CitationFormat.allCases, styles: [ReferenceStyle] = ReferenceStyle.allCases) {
        self.items = items
        self.formats = formats
        self.styles = styles
    }

    /// The bundle's files besides the manifest, in a fixed order; the same input gives the same bytes.
    public func renderedFiles() -> [StoredZip.Entry] {
        // Nothing is written, so nothing can fail.
        (try? hashedFiles())?.map(\.entry) ?? []
    }

    /// The bundle's files with their SHA-256, in the order of `renderedFiles()`.
    ///
    /// The distinct records and BibTeX keys are derived once for every format; the files are
    /// rendered and hashed concurrently (each format also renders in parallel chunks), so one
    /// format's serial parts overlap another's work. With `folder`, each file is also written
    /// there as soon as it is rendered (so writing overlaps rendering too); the first error
    /// writing a file is thrown once every job has finished.
    func hashedFiles(writingInto folder: URL? = nil) throws -> [(entry: StoredZip.Entry, sha256: String)] {
        let collection = ExportCollection(items, withKeys: formats.contains(where: \.usesKeys),
                                          withTexts: formats.contains { [.ris, .bibtex, .cslJSON, .medline].contains($0) })
        var jobs: [(format: CitationFormat, style: ReferenceStyle)] = []
        for format in formats {
            if format == .markdown {
                for style in styles { jobs.append((format, style)) }
            } else {
                jobs.append((format, .vancouver))
            }
        }
        var files = [Result<(entry: StoredZip.Entry, sha256: String), Error>?](repeating: nil, count: jobs.count)
        files.withUnsafeMutableBufferPointer { buffer in
            let base = buffer.baseAddress!
            DispatchQueue.concurrentPerform(iterations: jobs.count) { index in
                let (format, style) = jobs[index]
                let entry = StoredZip.Entry(name: format.fileName(style: style), data: Data(format.render(collection, style: style).utf8))
                (base + index).pointee = Result {
                    if let folder { try BundleFileWriter.write(entry.data, to: folder.appendingPathComponent(entry.name)) }
                    return (entry, Self.sha256(entry.data))
                }
            }
        }
        return try files.map { try $0!.get() }
    }

    /// Writes the bundle to `url` (a folder, or an archive when the name ends in `.zip`) and
    /// returns the manifest as written, with counts and file hashes filled in.
    @discardableResult
    public func write(to url: URL, manifest: BundleManifest, date: Date = Date()) throws -> BundleManifest {
        guard !items.isEmpty else { throw CitationExportError.empty }
        let fileManager = FileManager.default
        let target = url.standardizedFileURL
        guard !fileManager.fileExists(atPath: target.path) else { throw CitationExportError.targetExists(path: url.path) }
        let parent = target.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: parent.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CitationExportError.cannotWrite(path: url.path, reason: "folder \(parent.path) does not exist")
        }
        guard fileManager.isWritableFile(atPath: parent.path) else {
            throw CitationExportError.cannotWrite(path: url.path, reason: "folder \(parent.path) is not writable")
        }

        let temporary = parent.appendingPathComponent(".\(target.lastPathComponent).partial-\(UUID().uuidString)")
        let isArchive = target.pathExtension.lowercased() == "zip"
        var manifest = manifest
        do {
            // A folder's files are written by the rendering jobs; an archive needs them all first.
            if !isArchive { try fileManager.createDirectory(at: temporary, withIntermediateDirectories: false) }
            let hashed = try hashedFiles(writingInto: isArchive ? nil : temporary)
            let files = hashed.map(\.entry)
            manifest.formats = formats
            manifest.styles = formats.contains(.markdown) ? styles : []
            manifest.pmids = items.uniqueRecords.map(\.pmid)
            manifest.counts = .init(records: manifest.pmids.count, items: items.count, claims: manifest.claims.count, files: files.count)
            manifest.files = hashed.map { .init(name: $0.entry.name, bytes: $0.entry.data.count, sha256: $0.sha256) }
            let manifestFile = StoredZip.Entry(name: Self.manifestName, data: try Self.encode(manifest))
            if isArchive {
                try BundleFileWriter.write(StoredZip.archive(files + [manifestFile], date: date), to: temporary)
            } else {
                try BundleFileWriter.write(manifestFile.data, to: temporary.appendingPathComponent(manifestFile.name))
            }
            try fileManager.moveItem(at: temporary, to: target)
        } catch let error as EncodingError {
            try? fileManager.removeItem(at: temporary)
            throw error
        } catch let error as CitationExportError {
            try? fileManager.removeItem(at: temporary)
            throw error
        } catch {
            try? fileManager.removeItem(at: temporary)
            if fileManager.fileExists(atPath: target.path) { throw CitationExportError.targetExists(path: url.path) }
            throw CitationExportError.cannotWrite(path: url.path, reason: error.localizedDescription)
        }
        return manifest
    }

    /// Lower-case hex SHA-256.
    public static func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// The manifest as pretty-printed JSON with sorted keys.
    public static func encode(_ manifest: BundleManifest) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(manifest)
        data.append(0x0A)
        return data
    }
}
