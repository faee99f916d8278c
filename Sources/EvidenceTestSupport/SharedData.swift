import Foundation

/// Locates the read-only `../shared` folder that sits beside the project checkout.
///
/// Tests that need its files use `SharedData.url(_:)`. Outside CI a missing file disables the
/// test (see `SharedData.isAvailable`); under `CI=true` it is a failure, never a skip.
public enum SharedData {
    /// The project root (the folder holding `Package.swift`).
    public static let projectRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        // Sources/EvidenceTestSupport/SharedData.swift → project root
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    /// `../shared`, or `$EVIDENCE_SHARED` when set.
    public static let root: URL = {
        if let override = ProcessInfo.processInfo.environment["EVIDENCE_SHARED"], !override.isEmpty {
            return URL(fileURLWithPath: override)
        }
        return projectRoot.deletingLastPathComponent().appendingPathComponent("shared")
    }()

    /// Whether the tests run under CI (`CI=true`), where missing data must fail.
    public static var isCI: Bool {
        ProcessInfo.processInfo.environment["CI"]?.lowercased() == "true"
    }

    /// Whether `relativePath` (under `../shared`) exists.
    public static func exists(_ relativePath: String) -> Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent(relativePath).path)
    }

    /// Whether a test needing `relativePath` should run: always under CI (so a missing file
    /// fails loudly), otherwise only when the file is there.
    public static func isAvailable(_ relativePath: String) -> Bool {
        isCI || exists(relativePath)
    }

    /// The URL of `relativePath` under `../shared`; throws when it is missing.
    public static func url(_ relativePath: String) throws -> URL {
        let url = root.appendingPathComponent(relativePath)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw MissingSharedData(path: url.path)
        }
        return url
    }
}

/// A file under `../shared` that a test needs is not there.
public struct MissingSharedData: Error, CustomStringConvertible {
    public var path: String
    public var description: String {
        "missing shared test data: \(path) (the tests expect ../shared beside the project checkout)"
    }
}
