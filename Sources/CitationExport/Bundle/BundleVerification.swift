import Foundation

/// The result of checking a bundle's files against the hashes in its manifest.
public struct BundleVerification: Sendable {
    /// How one file fared.
    public enum FileStatus: String, Sendable, Hashable {
        case ok
        case modified
        case missing
        /// In the bundle but not in the manifest.
        case unexpected
    }

    /// One file's check.
    public struct FileCheck: Sendable, Hashable {
        public var name: String
        public var status: FileStatus
        public var expectedSHA256: String?
        public var actualSHA256: String?
    }

    public var manifest: BundleManifest
    public var files: [FileCheck]
    /// The bundle's files as read (besides the manifest), by name.
    public var contents: [String: Data]

    /// Whether every file is present and unchanged, and nothing was added.
    public var isIntact: Bool { files.allSatisfy { $0.status == .ok } }

    /// Reads the bundle at `url` (a folder or a `.zip`) and checks every hash.
    public static func verify(at url: URL) throws -> BundleVerification {
        var contents: [String: Data] = [:]
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw CitationExportError.notABundle(path: url.path)
        }
        if isDirectory.boolValue {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
            for name in names {
                var nested: ObjCBool = false
                let fileURL = url.appendingPathComponent(name)
                _ = FileManager.default.fileExists(atPath: fileURL.path, isDirectory: &nested)
                contents[name] = nested.boolValue ? Data() : (try? Data(contentsOf: fileURL)) ?? Data()
            }
        } else {
            let data = try Data(contentsOf: url)
            for entry in try StoredZip.entries(of: data, path: url.path) { contents[entry.name] = entry.data }
        }
        guard let manifestData = contents.removeValue(forKey: CitationBundle.manifestName) else {
            throw CitationExportError.notABundle(path: url.path)
        }
        let manifest: BundleManifest
        do {
            manifest = try JSONDecoder().decode(BundleManifest.self, from: manifestData)
        } catch {
            throw CitationExportError.unreadableManifest(path: url.path, reason: String(describing: error))
        }
        var checks: [FileCheck] = []
        for file in manifest.files {
            guard let data = contents[file.name] else {
                checks.append(.init(name: file.name, status: .missing, expectedSHA256: file.sha256))
                continue
            }
            let actual = CitationBundle.sha256(data)
            checks.append(.init(name: file.name, status: actual == file.sha256 ? .ok : .modified,
                                expectedSHA256: file.sha256, actualSHA256: actual))
        }
        let listed = Set(manifest.files.map(\.name))
        for name in contents.keys.sorted() where !listed.contains(name) {
            checks.append(.init(name: name, status: .unexpected, actualSHA256: CitationBundle.sha256(contents[name]!)))
        }
        return BundleVerification(manifest: manifest, files: checks, contents: contents)
    }

    /// The names of files whose content `bundle` would render differently (the reproduction check).
    ///
    /// Re-renders the manifest's formats from `bundle` (built from the current index) and
    /// compares hashes with the manifest.
    public func differences(from bundle: CitationBundle) -> [String] {
        let rendered = Dictionary(bundle.renderedFiles().map { ($0.name, CitationBundle.sha256($0.data)) }, uniquingKeysWith: { first, _ in first })
        return manifest.files.compactMap { file in rendered[file.name] == file.sha256 ? nil : file.name }
    }
}
