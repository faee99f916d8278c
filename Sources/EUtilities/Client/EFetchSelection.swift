import Foundation

/// Which records an efetch call asks for.
public enum EFetchSelection: Sendable, Hashable {
    /// A window of a search kept on the history server.
    case history(webEnv: String, queryKey: String, retstart: Int, retmax: Int)
    /// Records by id (sent by POST, so the list may be long).
    case ids([EntrezUID])

    /// The query parameters, in the order sent.
    var parameters: [(String, String)] {
        var result: [(String, String)] = []
        switch self {
        case .history(let webEnv, let queryKey, let retstart, let retmax):
            result += [("query_key", queryKey), ("WebEnv", webEnv), ("retstart", String(retstart)), ("retmax", String(retmax))]
        case .ids(let ids):
            result.append(("id", ids.map(\.description).joined(separator: ",")))
        }
        result += [("rettype", "xml"), ("retmode", "xml")]
        return result
    }
}
