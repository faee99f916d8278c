import Foundation

extension PubMedParser {
    /// The `.xml` and `.xml.gz` files under `directory`, recursively, sorted by path.
    ///
    /// Hidden files and folders are skipped. A path that is itself a file is returned alone.
    public static func inputFiles(under directory: String) throws -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            throw ParseDiagnostic(severity: .error, file: directory, message: "no such file or directory")
        }
        guard isDirectory.boolValue else { return [directory] }
        let root = URL(fileURLWithPath: directory, isDirectory: true)
        guard let enumerator = FileManager.default.enumerator(
            at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) else {
            throw ParseDiagnostic(severity: .error, file: directory, message: "cannot list the directory")
        }
        var files: [String] = []
        let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        for case let url as URL in enumerator {
            let name = url.lastPathComponent.lowercased()
            guard name.hasSuffix(".xml") || name.hasSuffix(".xml.gz") else { continue }
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            // Keep the caller's spelling of the directory in the paths returned.
            let relative = url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count)
            files.append(base + (relative.hasPrefix("/") ? "" : "/") + relative)
        }
        return files.sorted()
    }
}
