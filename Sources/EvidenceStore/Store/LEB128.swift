/// LEB128 varints (7 bits a byte, low bits first, the high bit set on every byte but the
/// last): the search-text references into chunks (`PackedSearchText.Reference`) and the
/// compact term impact lists (`ImpactListCodec`) store integers this way.
extension RangeReplaceableCollection where Element == UInt8 {
    /// Appends `value` as a LEB128 varint.
    mutating func appendLEB128(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        append(UInt8(rest))
    }
}

extension UnsafeRawBufferPointer {
    /// Reads a LEB128 varint at `offset`, advancing it; `nil` past the end or over 64 bits.
    func readLEB128(at offset: inout Int) -> UInt64? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while offset < count {
            let byte = self[offset]
            offset += 1
            guard shift < 64 else { return nil }
            value |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return value }
            shift += 7
        }
        return nil
    }
}
