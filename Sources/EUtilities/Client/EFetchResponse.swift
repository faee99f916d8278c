import Foundation

/// A checked efetch response: complete PubMed XML, not an error message.
public struct EFetchResponse: Sendable {
    /// The XML as received (decoded from gzip if it came compressed).
    public var xml: Data
    /// What the byte scan found: root, record PMIDs.
    public var scan: PubMedXMLScan

    /// The PMIDs of the records, in document order.
    public var recordIDs: [EntrezUID] { scan.recordIDs }

    /// Checks `xml`: throws `.service` for an `<ERROR>`/JSON error body, `.truncated` for a
    /// document that does not end with its root's closing tag, `.malformed` for another root.
    static func checked(_ xml: Data, url: String, acceptedRoots: Set<String> = ["PubmedArticleSet", "PubmedBookArticleSet"]) throws -> EFetchResponse {
        let utility = "efetch"
        let text = xml.prefix(64).drop(while: { PubMedXMLScan.isSpace($0) })
        if text.first == UInt8(ascii: "{") {
            if let object = try? JSONSerialization.jsonObject(with: xml) as? [String: Any],
               let message = object["error"] as? String ?? object["ERROR"] as? String {
                throw EUtilitiesError.service(utility: utility, message: message)
            }
            throw EUtilitiesError.malformed(utility: utility, url: url, reason: "JSON where XML was expected")
        }
        let scan = PubMedXMLScan(xml)
        if let message = scan.errorMessage {
            throw EUtilitiesError.service(utility: utility, message: message)
        }
        guard let root = scan.rootElement else {
            throw EUtilitiesError.truncated(utility: utility, url: url, reason: xml.isEmpty ? "empty body" : "no root element")
        }
        guard acceptedRoots.contains(root) else {
            throw EUtilitiesError.malformed(utility: utility, url: url, reason: "root element <\(root)>")
        }
        guard scan.isComplete else {
            throw EUtilitiesError.truncated(utility: utility, url: url, reason: "XML does not end with </\(root)>")
        }
        return EFetchResponse(xml: xml, scan: scan)
    }
}
