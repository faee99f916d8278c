import Crypto
import Foundation
import PubMed

/// One file to ingest, with its digest, found by expanding the paths given to the ingester.
public struct IngestInput: Hashable, Sendable {
    /// The path as given (or found under a given directory); `-` for standard input.
    public var path: String
    /// The path the parser reads: `path`, or a temporary copy of standard input.
    public var readablePath: String
    /// The name diagnostics use: the path, or `<stdin>`.
    public var displayName: String
    /// The file name (basename), or `-` for standard input.
    public var name: String

    /// Expands `paths`: files as given, directories recursively (their `.xml` and `.xml.gz`
    /// files, hidden ones skipped, in sorted path order), and `-` as standard input.
    ///
    /// A path that does not exist is returned as is; ingesting it fails with a diagnostic.
    public static func expand(_ paths: [String]) -> [IngestInput] {
        var inputs: [IngestInput] = []
        let fileManager = FileManager.default
        for path in paths {
            if path == "-" {
                inputs.append(IngestInput(path: "-", readablePath: "-", displayName: "<stdin>", name: "-"))
                continue
            }
            var isDirectory: ObjCBool = false
            if fileManager.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue,
               let files = try? PubMedParser.inputFiles(under: path) {
                inputs += files.map { IngestInput(file: $0) }
            } else {
                inputs.append(IngestInput(file: path))
            }
        }
        return inputs
    }

    /// An input for the file at `path`.
    public init(file path: String) {
        self.init(path: path, readablePath: path, displayName: path, name: URL(fileURLWithPath: path).lastPathComponent)
    }

    init(path: String, readablePath: String, displayName: String, name: String) {
        self.path = path
        self.readablePath = readablePath
        self.displayName = displayName
        self.name = name
    }

    /// Whether this input is standard input.
    public var isStandardInput: Bool { path == "-" }
}

/// The SHA-256 and size of a file, read in chunks so memory stays flat.
struct FileDigest {
    var sha256: String
    var bytes: Int64

    /// Hashes the file at `path`.
    init(path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw IngestError.unreadable(path: path, reason: FileManager.default.fileExists(atPath: path) ? "permission denied" : "no such file")
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        var total: Int64 = 0
        while true {
            let chunk = try handle.read(upToCount: 1 << 20) ?? Data()
            if chunk.isEmpty { break }
            hasher.update(data: chunk)
            total += Int64(chunk.count)
        }
        sha256 = hasher.finalize().map { String(format: "%02x", $0) }.joined()
        bytes = total
    }

    /// Copies standard input to `destination` while hashing it.
    init(copyingStandardInputTo destination: String) throws {
        _ = FileManager.default.createFile(atPath: destination, contents: nil)
        guard let output = FileHandle(forWritingAtPath: destination) else {
            throw IngestError.unreadable(path: destination, reason: "cannot create a temporary file")
        }
        defer { try? output.close() }
        var hasher = SHA256()
        var total: Int64 = 0
        let input = FileHandle.standardInput
        while true {
            let chunk = try input.read(upToCount: 1 << 20) ?? Data()
            if chunk.isEmpty { break }
            hasher.update(data: chunk)
            try output.write(contentsOf: chunk)
            total += Int64(chunk.count)
        }
        sha256 = hasher.finalize().map { String(format: "%02x", $0) }.joined()
        bytes = total
    }

    /// The uncompressed size of the file: gzip's ISIZE trailer for a gzip file, else its size.
    static func expectedXMLBytes(path: String, fileBytes: Int64) -> Int64 {
        guard let handle = FileHandle(forReadingAtPath: path) else { return fileBytes }
        defer { try? handle.close() }
        guard let magic = try? handle.read(upToCount: 2), magic == Data([0x1f, 0x8b]), fileBytes > 18 else { return fileBytes }
        guard (try? handle.seek(toOffset: UInt64(fileBytes - 4))) != nil,
              let trailer = try? handle.read(upToCount: 4), trailer.count == 4 else { return fileBytes * 8 }
        let size = trailer.enumerated().reduce(Int64(0)) { $0 | (Int64($1.element) << (8 * Int64($1.offset))) }
        // ISIZE is the size modulo 2^32: trust it only when it is plausible.
        return size >= fileBytes ? size : fileBytes * 8
    }
}

/// A problem that stops one input from being ingested (as opposed to a record warning).
public enum IngestError: Error, CustomStringConvertible, Equatable {
    /// The file cannot be read.
    case unreadable(path: String, reason: String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): return "cannot read \(path): \(reason)"
        }
    }
}
