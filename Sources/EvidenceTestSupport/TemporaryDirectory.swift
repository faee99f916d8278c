import Foundation

/// A fresh directory under the system temporary folder, removed by `remove()`.
///
/// Tests run in parallel, so each one makes its own.
public struct TemporaryDirectory {
    public let url: URL

    public init(prefix: String = "evidence-test") throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(prefix)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// A path inside the directory.
    public func path(_ name: String) -> String {
        url.appendingPathComponent(name).path
    }

    public func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}
