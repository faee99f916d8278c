/// Re-serialises a record's SAX events into XML text: the record's `originalXML`.
///
/// Element names, namespace declarations and attributes are written as read; text and
/// attribute values are escaped, so the output re-parses to the same events. Entities are
/// already resolved by the time events arrive, so the output needs no DTD.
struct OriginalXMLWriter {
    /// The bytes written since the last `take()`.
    private(set) var bytes: [UInt8] = []

    init() {
        bytes.reserveCapacity(64 * 1024)
    }

    /// Writes a start tag with its namespace declarations and attributes.
    ///
    /// `namespaces` holds `count` (prefix, URI) pairs; `attributes` holds `count` groups of
    /// (localname, prefix, URI, value, valueEnd), as libxml2's SAX2 `startElementNs` passes them.
    mutating func writeStartTag(
        localName: UnsafePointer<UInt8>, prefix: UnsafePointer<UInt8>?,
        namespaceCount: Int, namespaces: UnsafeMutablePointer<UnsafePointer<UInt8>?>?,
        attributeCount: Int, attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>?
    ) {
        bytes.append(UInt8(ascii: "<"))
        writeQualifiedName(localName, prefix: prefix)
        if let namespaces {
            for index in 0..<namespaceCount {
                writeStatic(" xmlns")
                if let namespacePrefix = namespaces[2 * index] {
                    bytes.append(UInt8(ascii: ":"))
                    writeCString(namespacePrefix)
                }
                bytes.append(UInt8(ascii: "="))
                bytes.append(UInt8(ascii: "\""))
                if let uri = namespaces[2 * index + 1] {
                    var length = 0
                    while uri[length] != 0 { length += 1 }
                    writeEscaped(UnsafeBufferPointer(start: uri, count: length), inAttribute: true)
                }
                bytes.append(UInt8(ascii: "\""))
            }
        }
        if let attributes {
            for index in 0..<attributeCount {
                let base = 5 * index
                guard let name = attributes[base], let start = attributes[base + 3], let end = attributes[base + 4] else { continue }
                bytes.append(UInt8(ascii: " "))
                writeQualifiedName(name, prefix: attributes[base + 1])
                bytes.append(UInt8(ascii: "="))
                bytes.append(UInt8(ascii: "\""))
                writeAttributeValue(UnsafeBufferPointer(start: start, count: end - start))
                bytes.append(UInt8(ascii: "\""))
            }
        }
        bytes.append(UInt8(ascii: ">"))
    }

    /// Writes an end tag.
    mutating func writeEndTag(localName: UnsafePointer<UInt8>, prefix: UnsafePointer<UInt8>?) {
        bytes.append(UInt8(ascii: "<"))
        bytes.append(UInt8(ascii: "/"))
        writeQualifiedName(localName, prefix: prefix)
        bytes.append(UInt8(ascii: ">"))
    }

    /// Writes character data, escaping `&`, `<` and `>`.
    @inline(__always)
    mutating func writeText(_ text: UnsafeBufferPointer<UInt8>) {
        writeEscaped(text, inAttribute: false)
    }

    /// Returns what was written as a `String` and starts afresh.
    mutating func take() -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        bytes.removeAll(keepingCapacity: true)
        return text
    }

    /// Drops what was written.
    mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
    }

    private mutating func writeQualifiedName(_ localName: UnsafePointer<UInt8>, prefix: UnsafePointer<UInt8>?) {
        if let prefix {
            writeCString(prefix)
            bytes.append(UInt8(ascii: ":"))
        }
        writeCString(localName)
    }

    private mutating func writeStatic(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    private mutating func writeCString(_ pointer: UnsafePointer<UInt8>) {
        var length = 0
        while pointer[length] != 0 { length += 1 }
        bytes.append(contentsOf: UnsafeBufferPointer(start: pointer, count: length))
    }

    /// libxml2 hands attribute values over with `&` written as `&#38;` when it does not
    /// substitute entities (see `AttributeList`); undo that before escaping.
    private mutating func writeAttributeValue(_ value: UnsafeBufferPointer<UInt8>) {
        if value.contains(UInt8(ascii: "&")) {
            let decoded = AttributeList.decodeAmpersands(value)
            decoded.withUnsafeBufferPointer { writeEscaped($0, inAttribute: true) }
        } else {
            writeEscaped(value, inAttribute: true)
        }
    }

    @inline(__always)
    private mutating func writeEscaped(_ text: UnsafeBufferPointer<UInt8>, inAttribute: Bool) {
        guard let base = text.baseAddress else { return }
        var runStart = 0
        var index = 0
        let count = text.count
        while index < count {
            let byte = base[index]
            // Only bytes below 0x3F can need escaping: one comparison skips most text.
            if byte < 0x3F {
                let replacement: StaticString?
                switch byte {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "\"") where inAttribute: replacement = "&quot;"
                case 0x09 where inAttribute: replacement = "&#9;"
                case 0x0A where inAttribute: replacement = "&#10;"
                case 0x0D: replacement = "&#13;"
                default: replacement = nil
                }
                if let replacement {
                    if index > runStart {
                        bytes.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: index - runStart))
                    }
                    bytes.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
                    runStart = index + 1
                }
            }
            index += 1
        }
        if count > runStart {
            bytes.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: count - runStart))
        }
    }
}
