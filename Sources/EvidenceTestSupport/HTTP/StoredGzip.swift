import Foundation

/// Builds gzip streams with stored (uncompressed) deflate blocks, so test support can serve
/// and damage gzip bodies without linking zlib.
public enum StoredGzip {
    /// `data` as a valid gzip stream.
    public static func encode(_ data: Data) -> Data {
        var output = Data([0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xFF])
        let bytes = [UInt8](data)
        var offset = 0
        repeat {
            let length = min(65_535, bytes.count - offset)
            let final: UInt8 = offset + length >= bytes.count ? 1 : 0
            output.append(final)
            output.append(UInt8(length & 0xFF))
            output.append(UInt8(length >> 8))
            output.append(UInt8(~length & 0xFF))
            output.append(UInt8((~length >> 8) & 0xFF))
            output.append(contentsOf: bytes[offset..<(offset + length)])
            offset += length
        } while offset < bytes.count
        let crc = crc32(bytes)
        let size = UInt32(truncatingIfNeeded: bytes.count)
        for value in [crc, size] {
            for shift in stride(from: 0, to: 32, by: 8) { output.append(UInt8((value >> UInt32(shift)) & 0xFF)) }
        }
        return output
    }

    private static let table: [UInt32] = (0..<256).map { index -> UInt32 in
        var value = UInt32(index)
        for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
        return value
    }

    /// The CRC-32 gzip uses.
    public static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }
}
