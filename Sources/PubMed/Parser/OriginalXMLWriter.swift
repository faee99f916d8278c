/// Re-serialises a record's SAX events into XML text: the record's `originalXML`.
///
/// Element names, namespace declarations and attributes are written as read; text and
/// attribute values are escaped, so the output re-parses to the same events. Entities are
/// already resolved by the time events arrive, so the output needs no DTD.
struct OriginalXMLWriter {
    /// The bytes written since the last `take()`.
    private(set) var buffer: ByteBuffer

    init(capacity: Int = 64 * 1024) {
        buffer = ByteBuffer(capacity: capacity)
    }

    /// Frees the buffer; the writer must not be used afterwards.
    func deallocate() {
        buffer.deallocate()
    }

    /// Writes a start tag with its namespace declarations and attributes.
    ///
    /// `namespaces` holds `count` (prefix, URI) pairs; `attributes` holds `count` groups of
    /// (localname, prefix, URI, value, valueEnd), as libxml2's SAX2 `startElementNs` passes them.
    mutating func writeStartTag(
        localName: UnsafePointer<UInt8>, length: Int, prefix: UnsafePointer<UInt8>?,
        namespaceCount: Int, namespaces: UnsafeMutablePointer<UnsafePointer<UInt8>?>?,
        attributeCount: Int, attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>?
    ) {
        buffer.append(UInt8(ascii: "<"))
        writeQualifiedName(localName, length: length, prefix: prefix)
        if let namespaces {
            for index in 0..<namespaceCount {
                buffer.append(" xmlns")
                if let namespacePrefix = namespaces[2 * index] {
                    buffer.append(UInt8(ascii: ":"))
                    writeCString(namespacePrefix)
                }
                buffer.append("=\"")
                if let uri = namespaces[2 * index + 1] {
                    writeEscapedAttribute(UnsafeBufferPointer(start: uri, count: Self.length(uri)))
                }
                buffer.append(UInt8(ascii: "\""))
            }
        }
        if let attributes {
            for index in 0..<attributeCount {
                let base = 5 * index
                guard let name = attributes[base], let start = attributes[base + 3], let end = attributes[base + 4] else { continue }
                buffer.append(UInt8(ascii: " "))
                writeQualifiedName(name, prefix: attributes[base + 1])
                buffer.append("=\"")
                writeAttributeValue(UnsafeBufferPointer(start: start, count: end - start))
                buffer.append(UInt8(ascii: "\""))
            }
        }
        buffer.append(UInt8(ascii: ">"))
    }

    /// Writes an end tag; `length` is the byte length of `localName`.
    @inline(__always)
    mutating func writeEndTag(localName: UnsafePointer<UInt8>, length: Int, prefix: UnsafePointer<UInt8>?) {
        buffer.append("</")
        writeQualifiedName(localName, length: length, prefix: prefix)
        buffer.append(UInt8(ascii: ">"))
    }

    /// Writes character data, escaping `&`, `<`, `>` and carriage returns.
    ///
    /// Scans eight bytes at a time for the four bytes that need escaping (rare in real text),
    /// copying clean runs in one go.
    @inline(__always)
    mutating func writeText(_ text: UnsafeBufferPointer<UInt8>) {
        guard let base = text.baseAddress else { return }
        let count = text.count
        var runStart = 0
        var index = 0
        let raw = UnsafeRawPointer(base)
        while index + 8 <= count {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            if Self.contains(word, 0x26) || Self.contains(word, 0x3C) || Self.contains(word, 0x3E) || Self.contains(word, 0x0D) {
                for offset in index..<(index + 8) {
                    if let replacement = Self.textEscape(base[offset]) {
                        buffer.append(base + runStart, count: offset - runStart)
                        buffer.append(replacement)
                        runStart = offset + 1
                    }
                }
            }
            index += 8
        }
        while index < count {
            if let replacement = Self.textEscape(base[index]) {
                buffer.append(base + runStart, count: index - runStart)
                buffer.append(replacement)
                runStart = index + 1
            }
            index += 1
        }
        buffer.append(base + runStart, count: count - runStart)
    }

    /// Returns what was written as a `String` and starts afresh.
    mutating func take() -> String {
        let text = buffer.string()
        buffer.removeAll()
        return text
    }

    /// Drops what was written.
    mutating func reset() {
        buffer.removeAll()
    }

    // MARK: Helpers

    /// Whether any byte of `word` equals `byte` (the classic "has zero byte" test).
    @inline(__always)
    private static func contains(_ word: UInt64, _ byte: UInt64) -> Bool {
        let x = word ^ (byte &* 0x0101_0101_0101_0101)
        return (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080 != 0
    }

    @inline(__always)
    private static func textEscape(_ byte: UInt8) -> StaticString? {
        switch byte {
        case UInt8(ascii: "&"): return "&amp;"
        case UInt8(ascii: "<"): return "&lt;"
        case UInt8(ascii: ">"): return "&gt;"
        case 0x0D: return "&#13;"
        default: return nil
        }
    }

    @inline(__always)
    private static func length(_ pointer: UnsafePointer<UInt8>) -> Int {
        var length = 0
        while pointer[length] != 0 { length += 1 }
        return length
    }

    @inline(__always)
    private mutating func writeQualifiedName(_ localName: UnsafePointer<UInt8>, length: Int, prefix: UnsafePointer<UInt8>?) {
        if let prefix {
            writeCString(prefix)
            buffer.append(UInt8(ascii: ":"))
        }
        buffer.append(localName, count: length)
    }

    @inline(__always)
    private mutating func writeQualifiedName(_ localName: UnsafePointer<UInt8>, prefix: UnsafePointer<UInt8>?) {
        writeQualifiedName(localName, length: Self.length(localName), prefix: prefix)
    }

    @inline(__always)
    private mutating func writeCString(_ pointer: UnsafePointer<UInt8>) {
        buffer.append(pointer, count: Self.length(pointer))
    }

    /// libxml2 hands attribute values over with `&` written as `&#38;` when it does not
    /// substitute entities (see `AttributeList`); undo that before escaping.
    private mutating func writeAttributeValue(_ value: UnsafeBufferPointer<UInt8>) {
        if value.contains(UInt8(ascii: "&")) {
            let decoded = AttributeList.decodeAmpersands(value)
            decoded.withUnsafeBufferPointer { writeEscapedAttribute($0) }
        } else {
            writeEscapedAttribute(value)
        }
    }

    /// Escapes an attribute value: markup characters, quotes, and the white space that
    /// attribute-value normalisation would otherwise turn into spaces on re-parsing.
    private mutating func writeEscapedAttribute(_ text: UnsafeBufferPointer<UInt8>) {
        guard let base = text.baseAddress else { return }
        var runStart = 0
        for index in 0..<text.count {
            let replacement: StaticString?
            switch base[index] {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "\""): replacement = "&quot;"
            case 0x09: replacement = "&#9;"
            case 0x0A: replacement = "&#10;"
            case 0x0D: replacement = "&#13;"
            default: replacement = nil
            }
            if let replacement {
                buffer.append(base + runStart, count: index - runStart)
                buffer.append(replacement)
                runStart = index + 1
            }
        }
        buffer.append(base + runStart, count: text.count - runStart)
    }
}
