import Foundation

/// What esearch answered.
public struct ESearchResult: Sendable, Hashable {
    /// Records matching, which may exceed the ids returned.
    public var count: Int
    /// The index of the first id returned.
    public var retstart: Int
    /// The ids returned, in the service's order.
    public var ids: [EntrezUID]
    /// The history server session (`WebEnv`), when `usehistory=y`.
    public var webEnv: String?
    /// The query's key in that session (`query_key`).
    public var queryKey: String?
    /// How PubMed read the query.
    public var queryTranslation: String?
    /// Warnings and non-fatal errors (phrases not found, fields ignored…).
    public var warnings: [String]

    /// A result.
    public init(count: Int, retstart: Int = 0, ids: [EntrezUID] = [], webEnv: String? = nil, queryKey: String? = nil,
                queryTranslation: String? = nil, warnings: [String] = []) {
        self.count = count
        self.retstart = retstart
        self.ids = ids
        self.webEnv = webEnv
        self.queryKey = queryKey
        self.queryTranslation = queryTranslation
        self.warnings = warnings
    }

    /// Reads esearch's JSON (`retmode=json`); throws `.service` for an error answer.
    static func decode(json data: Data, url: String) throws -> ESearchResult {
        let utility = "esearch"
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            let scan = PubMedXMLScan(data)
            if let message = scan.errorMessage { throw EUtilitiesError.service(utility: utility, message: message) }
            let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            if text.hasPrefix("{") && !text.hasSuffix("}") {
                throw EUtilitiesError.truncated(utility: utility, url: url, reason: "JSON ends early")
            }
            throw EUtilitiesError.malformed(utility: utility, url: url, reason: "not JSON")
        }
        guard let root = object as? [String: Any] else {
            throw EUtilitiesError.malformed(utility: utility, url: url, reason: "JSON root is not an object")
        }
        if let message = root["error"] as? String ?? root["ERROR"] as? String {
            throw EUtilitiesError.service(utility: utility, message: message)
        }
        guard let result = root["esearchresult"] as? [String: Any] else {
            throw EUtilitiesError.malformed(utility: utility, url: url, reason: "no esearchresult")
        }
        if let message = result["ERROR"] as? String ?? result["error"] as? String {
            throw EUtilitiesError.service(utility: utility, message: message)
        }
        guard let count = Self.integer(result["count"]) else {
            throw EUtilitiesError.malformed(utility: utility, url: url, reason: "no count")
        }
        var ids: [EntrezUID] = []
        for value in result["idlist"] as? [Any] ?? [] {
            let text = value as? String ?? (value as? NSNumber)?.stringValue ?? ""
            guard let id = EntrezUID(text) else {
                throw EUtilitiesError.malformed(utility: utility, url: url, reason: "bad id \(text)")
            }
            ids.append(id)
        }
        var warnings: [String] = []
        for key in ["errorlist", "warninglist"] {
            guard let list = result[key] as? [String: Any] else { continue }
            for (kind, values) in list.sorted(by: { $0.key < $1.key }) {
                for value in values as? [String] ?? [] where !value.isEmpty {
                    warnings.append("\(kind): \(value)")
                }
            }
        }
        return ESearchResult(
            count: count,
            retstart: integer(result["retstart"]) ?? 0,
            ids: ids,
            webEnv: result["webenv"] as? String,
            queryKey: (result["querykey"] as? String) ?? (result["querykey"] as? NSNumber)?.stringValue,
            queryTranslation: result["querytranslation"] as? String,
            warnings: warnings
        )
    }

    private static func integer(_ value: Any?) -> Int? {
        if let text = value as? String { return Int(text) }
        if let number = value as? NSNumber { return number.intValue }
        return nil
    }
}
