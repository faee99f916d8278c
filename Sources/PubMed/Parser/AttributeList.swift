/// The attributes of one SAX2 `startElementNs` event, read without copying.
///
/// libxml2 passes `count` groups of five pointers: local name, prefix, namespace URI,
/// value start and value end (values are not NUL-terminated).
struct AttributeList {
    let count: Int
    let pointers: UnsafeMutablePointer<UnsafePointer<UInt8>?>?

    /// The value of the unprefixed attribute `name`, or `nil` when absent.
    func value(_ name: StaticString) -> String? {
        guard let bytes = rawValue(name) else { return nil }
        if bytes.contains(UInt8(ascii: "&")) {
            return String(decoding: Self.decodeAmpersands(bytes), as: UTF8.self)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether attribute `name` is `Y` (any case); `defaultValue` when absent.
    func flag(_ name: StaticString, default defaultValue: Bool) -> Bool {
        guard let bytes = rawValue(name), let first = bytes.first else { return defaultValue }
        return first == UInt8(ascii: "Y") || first == UInt8(ascii: "y")
    }

    private func rawValue(_ name: StaticString) -> UnsafeBufferPointer<UInt8>? {
        guard let pointers else { return nil }
        let wanted = UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
        for index in 0..<count {
            let base = 5 * index
            guard pointers[base + 1] == nil, let localName = pointers[base] else { continue }
            var matches = true
            var offset = 0
            while offset < wanted.count {
                if localName[offset] != wanted[offset] { matches = false; break }
                offset += 1
            }
            guard matches, localName[wanted.count] == 0,
                  let start = pointers[base + 3], let end = pointers[base + 4] else { continue }
            return UnsafeBufferPointer(start: start, count: end - start)
        }
        return nil
    }

    /// Turns the `&#38;` libxml2 writes for every `&` in an attribute value (when it leaves
    /// entities unsubstituted) back into `&`.
    static func decodeAmpersands(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        let marker = Array("&#38;".utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "&"), index + marker.count <= bytes.count,
               bytes[index..<(index + marker.count)].elementsEqual(marker) {
                output.append(UInt8(ascii: "&"))
                index += marker.count
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return output
    }
}
