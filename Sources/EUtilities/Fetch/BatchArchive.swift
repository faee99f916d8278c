import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A saved efetch response: a gzipped file in the fetch folder and the records it holds.
public struct SavedBatch: Sendable, Hashable {
    /// The file.
    public var url: URL
    /// PMIDs of its records, in document order.
    public var recordIDs: [EntrezUID]
    /// Record elements in it.
    public var recordCount: Int

    /// The file name.
    public var name: String { url.lastPathComponent }
}

/// The folder of a fetch: gzipped efetch responses, named after their date slice and
/// `retstart`, and the resume state.
///
/// Every file is written to a hidden temporary file, flushed to disk and renamed into place,
/// so a killed fetch leaves either a whole file or none; leftover temporary files are
/// removed when the archive is opened.
public struct BatchArchive: Sendable {
    /// The folder.
    public let folder: URL

    /// Opens (creating it if needed) `folder`, removing leftover temporary files.
    public init(folder: URL) throws {
        self.folder = folder
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path)
            where name.hasPrefix(".") && name.hasSuffix(".tmp") {
                try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
            }
        } catch {
            throw FetchError.file(path: folder.path, reason: "cannot open the fetch folder: \(error.localizedDescription)")
        }
    }

    /// Names of the saved batches (`*.xml.gz`), sorted.
    public func batchFileNames() throws -> [String] {
        do {
            return try FileManager.default.contentsOfDirectory(atPath: folder.path)
                .filter { $0.hasSuffix(".xml.gz") && !$0.hasPrefix(".") }
                .sorted()
        } catch {
            throw FetchError.file(path: folder.path, reason: "cannot list: \(error.localizedDescription)")
        }
    }

    /// Gzips `xml` into `<baseName>.xml.gz` (or `<baseName>-2.xml.gz`… when taken).
    public func save(_ xml: Data, baseName: String, scan: PubMedXMLScan) throws -> SavedBatch {
        var name = "\(baseName).xml.gz"
        var suffix = 1
        while FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path) {
            suffix += 1
            name = "\(baseName)-\(suffix).xml.gz"
        }
        let url = folder.appendingPathComponent(name)
        let compressed: Data
        do {
            compressed = try Gzip.compress(xml)
        } catch {
            throw FetchError.file(path: url.path, reason: "cannot compress: \(error)")
        }
        try Self.writeAtomically(compressed, to: url)
        return SavedBatch(url: url, recordIDs: scan.recordIDs, recordCount: scan.recordCount)
    }

    /// Reads a saved batch back; nil when it is damaged (not gzip, cut short, no closing root tag).
    public func read(named name: String) -> SavedBatch? {
        let url = folder.appendingPathComponent(name)
        guard let data = try? Data(contentsOf: url), let xml = try? Gzip.decompress(data) else { return nil }
        let scan = PubMedXMLScan(xml)
        guard scan.rootElement != nil, scan.isComplete, scan.errorMessage == nil else { return nil }
        return SavedBatch(url: url, recordIDs: scan.recordIDs, recordCount: scan.recordCount)
    }

    /// Writes `data` to `url` through a hidden temporary file in the same folder, flushed and
    /// renamed, so readers see the old file, the new file, or none, never a partial one.
    public static func writeAtomically(_ data: Data, to url: URL) throws {
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
            throw FetchError.file(path: temporary.path, reason: "cannot create")
        }
        do {
            let handle = try FileHandle(forWritingTo: temporary)
            defer { try? handle.close() }
            try handle.write(contentsOf: data)
            try handle.synchronize()
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw FetchError.file(path: url.path, reason: "cannot write: \(error.localizedDescription)")
        }
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw FetchError.file(path: url.path, reason: "cannot rename into place: \(reason)")
        }
    }
}
