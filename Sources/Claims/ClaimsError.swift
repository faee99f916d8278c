/// What can stop a claims job.
public enum ClaimsError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The article file could not be read or decoded.
    case unreadableArticle(path: String, reason: String)
    /// A lexicon file is missing, not JSON, or of an unsupported schema version.
    case invalidLexicon(path: String, reason: String)
    /// A batch claims file has a bad line.
    case invalidClaimsLine(path: String, line: Int, reason: String)
    /// The ledger holds no such claim or citation.
    case notFound(String)
    /// The index cannot be searched (missing tables, wrong schema).
    case index(String)

    public var description: String {
        switch self {
        case .unreadableArticle(let path, let reason): return "\(path): cannot read article: \(reason)"
        case .invalidLexicon(let path, let reason): return "\(path): invalid lexicon: \(reason)"
        case .invalidClaimsLine(let path, let line, let reason): return "\(path):\(line): \(reason)"
        case .notFound(let what): return "not found: \(what)"
        case .index(let message): return "index: \(message)"
        }
    }
}
