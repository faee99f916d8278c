import ArgumentParser
import Foundation

/// `--index PATH`: the database every command reads or writes.
public struct IndexOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The index database (default: $EVIDENCE_INDEX, else Index/evidence.sqlite).", valueName: "path"))
    public var index: String = IndexOptions.defaultPath()

    public init() {}

    /// `EVIDENCE_INDEX` when set and not empty, else the project's `Index/evidence.sqlite`.
    static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let path = environment["EVIDENCE_INDEX"], !path.isEmpty { return path }
        return "Index/evidence.sqlite"
    }
}
