import Foundation

/// A byte-level look at a PubMed XML document, without parsing it.
///
/// Finds the root element, whether the document is complete (ends with the root's closing
/// tag), an E-utilities `<ERROR>` message, and the PMID of each `PubmedArticle` /
/// `PubmedBookArticle` (the first `<PMID>` inside it, which is the record's own). That is
/// enough to check a response and to know which records a saved batch holds; the real
/// parsing happens at ingest.
public struct PubMedXMLScan: Sendable {
    /// The root element's name, nil when there is no element at all.
    public var rootElement: String?
    /// Whether, after trailing whitespace, the bytes end with `</root>` (or the root is empty).
    public var isComplete: Bool
    /// The text of an `<ERROR>` element that is the root or the root's first child.
    public var errorMessage: String?
    /// Record PMIDs in document order (a record whose PMID is unreadable is skipped).
    public var recordIDs: [EntrezUID]
    /// Record elements seen, readable PMID or not.
    public var recordCount: Int

    /// Scans `data` (plain XML, not gzip).
    public init(_ data: Data) {
        let bytes = [UInt8](data)
        rootElement = nil
        isComplete = false
        errorMessage = nil
        recordIDs = []
        recordCount = 0

        guard let root = Self.rootElement(in: bytes) else { return }
        rootElement = root.name

        if root.selfClosing {
            isComplete = true
        } else {
            var end = bytes.count
            while end > 0, Self.isSpace(bytes[end - 1]) { end -= 1 }
            let closing = Array("</\(root.name)>".utf8)
            isComplete = end >= closing.count && Array(bytes[(end - closing.count)..<end]) == closing
        }

        if root.name == "ERROR" {
            errorMessage = Self.text(in: bytes, from: root.contentStart, until: Array("</ERROR>".utf8))
        } else if let child = Self.firstChildElement(in: bytes, from: root.contentStart), child.name == "ERROR" {
            errorMessage = Self.text(in: bytes, from: child.contentStart, until: Array("</ERROR>".utf8))
        }

        // Records: <PubmedArticle> and <PubmedBookArticle> (not the …Set roots).
        var position = root.contentStart
        let open = Array("<Pubmed".utf8)
        while let start = Self.find(open, in: bytes, from: position) {
            var nameEnd = start + 1
            while nameEnd < bytes.count, !Self.isSpace(bytes[nameEnd]), bytes[nameEnd] != UInt8(ascii: ">"), bytes[nameEnd] != UInt8(ascii: "/") {
                nameEnd += 1
            }
            let name = String(decoding: bytes[(start + 1)..<nameEnd], as: UTF8.self)
            position = nameEnd
            guard name == "PubmedArticle" || name == "PubmedBookArticle" else { continue }
            recordCount += 1
            let closing = Array("</\(name)>".utf8)
            let recordEnd = Self.find(closing, in: bytes, from: nameEnd) ?? bytes.count
            if let pmid = Self.firstPMID(in: bytes, from: nameEnd, before: recordEnd) {
                recordIDs.append(pmid)
            }
            position = min(recordEnd + closing.count, bytes.count)
        }
    }

    // MARK: - Byte helpers

    private struct Element {
        var name: String
        var contentStart: Int
        var selfClosing: Bool
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// The first occurrence of `pattern` at or after `start`.
    static func find(_ pattern: [UInt8], in bytes: [UInt8], from start: Int, before limit: Int? = nil) -> Int? {
        let end = min(limit ?? bytes.count, bytes.count)
        guard let first = pattern.first, start >= 0, end - start >= pattern.count else { return nil }
        var index = start
        let last = end - pattern.count
        while index <= last {
            if bytes[index] == first {
                var matched = true
                for offset in 1..<pattern.count where bytes[index + offset] != pattern[offset] {
                    matched = false
                    break
                }
                if matched { return index }
            }
            index += 1
        }
        return nil
    }

    /// The first element start at or after `start`, skipping declarations, comments and DOCTYPE.
    private static func firstElement(in bytes: [UInt8], from start: Int) -> Element? {
        var index = start
        while let lt = find([UInt8(ascii: "<")], in: bytes, from: index) {
            guard lt + 1 < bytes.count else { return nil }
            let next = bytes[lt + 1]
            if next == UInt8(ascii: "?") {
                guard let close = find(Array("?>".utf8), in: bytes, from: lt + 2) else { return nil }
                index = close + 2
            } else if next == UInt8(ascii: "!") {
                if find(Array("<!--".utf8), in: bytes, from: lt, before: lt + 4) == lt {
                    guard let close = find(Array("-->".utf8), in: bytes, from: lt + 4) else { return nil }
                    index = close + 3
                } else {
                    // <!DOCTYPE … [ … ]> or <![CDATA[…]]>: skip to the matching '>' past any internal subset.
                    var depth = 0
                    var cursor = lt + 2
                    while cursor < bytes.count {
                        let byte = bytes[cursor]
                        if byte == UInt8(ascii: "[") { depth += 1 }
                        if byte == UInt8(ascii: "]") { depth -= 1 }
                        if byte == UInt8(ascii: ">") && depth <= 0 { break }
                        cursor += 1
                    }
                    index = cursor + 1
                }
            } else if next == UInt8(ascii: "/") {
                return nil
            } else {
                var nameEnd = lt + 1
                while nameEnd < bytes.count, !isSpace(bytes[nameEnd]), bytes[nameEnd] != UInt8(ascii: ">"), bytes[nameEnd] != UInt8(ascii: "/") {
                    nameEnd += 1
                }
                guard let gt = find([UInt8(ascii: ">")], in: bytes, from: nameEnd) else { return nil }
                let name = String(decoding: bytes[(lt + 1)..<nameEnd], as: UTF8.self)
                let selfClosing = gt > lt && bytes[gt - 1] == UInt8(ascii: "/")
                return Element(name: name, contentStart: gt + 1, selfClosing: selfClosing)
            }
        }
        return nil
    }

    private static func rootElement(in bytes: [UInt8]) -> Element? {
        firstElement(in: bytes, from: 0)
    }

    private static func firstChildElement(in bytes: [UInt8], from start: Int) -> Element? {
        firstElement(in: bytes, from: start)
    }

    private static func text(in bytes: [UInt8], from start: Int, until closing: [UInt8]) -> String {
        let end = find(closing, in: bytes, from: start) ?? bytes.count
        return String(decoding: bytes[start..<end], as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func firstPMID(in bytes: [UInt8], from start: Int, before limit: Int) -> EntrezUID? {
        guard let open = find(Array("<PMID".utf8), in: bytes, from: start, before: limit),
              let gt = find([UInt8(ascii: ">")], in: bytes, from: open, before: limit),
              let close = find(Array("</PMID>".utf8), in: bytes, from: gt, before: limit) else { return nil }
        return EntrezUID(String(decoding: bytes[(gt + 1)..<close], as: UTF8.self))
    }
}
