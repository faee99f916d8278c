import Foundation

/// A fetch that cannot go on.
public enum FetchError: Error, Sendable, CustomStringConvertible {
    /// The folder holds a fetch of another query.
    case differentQuery(folder: String, stored: String, requested: String)
    /// The resume state file cannot be read.
    case unreadableState(path: String, reason: String)
    /// esearch did not return a WebEnv/query_key despite `usehistory=y`.
    case noHistory(query: String)
    /// A file could not be written or read.
    case file(path: String, reason: String)
    /// Another fetch is writing the folder.
    case busy(folder: String)

    public var description: String {
        switch self {
        case .differentQuery(let folder, let stored, let requested):
            return "\(folder) holds a fetch of another query (\(stored)), not \(requested); choose another --out folder"
        case .unreadableState(let path, let reason):
            return "\(path): cannot read the fetch state: \(reason)"
        case .noHistory(let query):
            return "esearch kept no history (no WebEnv) for query \(query)"
        case .file(let path, let reason):
            return "\(path): \(reason)"
        case .busy(let folder):
            return "\(folder): another fetch is writing this folder; wait for it to finish"
        }
    }
}
