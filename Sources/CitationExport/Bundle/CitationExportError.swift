/// What can go wrong writing or reading a bundle.
public enum CitationExportError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The target already exists; bundles are never overwritten.
    case targetExists(path: String)
    /// The target's folder is missing or not writable.
    case cannotWrite(path: String, reason: String)
    /// Nothing to export.
    case empty
    /// The path holds no `manifest.json`.
    case notABundle(path: String)
    /// `manifest.json` is not valid.
    case unreadableManifest(path: String, reason: String)
    /// A `.zip` this module cannot read.
    case unreadableZip(path: String, reason: String)

    public var description: String {
        switch self {
        case .targetExists(let path): return "\(path): already exists; choose a new path or remove it first"
        case .cannotWrite(let path, let reason): return "\(path): cannot write: \(reason)"
        case .empty: return "nothing to export: no records"
        case .notABundle(let path): return "\(path): not a citation bundle (no manifest.json)"
        case .unreadableManifest(let path, let reason): return "\(path): unreadable manifest: \(reason)"
        case .unreadableZip(let path, let reason): return "\(path): unreadable zip: \(reason)"
        }
    }
}
