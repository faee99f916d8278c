import Foundation

/// A minimal ZIP archive of uncompressed ("stored") entries, written and read by this module.
///
/// Why our own: the bundle's files must be byte-for-byte reproducible and verifiable without
/// relying on a `zip` binary being installed, and CitationExport has no zlib dependency.
/// Stored entries need only CRC-32 and the PKWARE headers (APPNOTE 6.3: local file header,
/// central directory, end of central directory). No ZIP64, so an archive stays under 4 GiB and
/// 65,535 entries, far beyond a citation bundle. Every unzip, Python's `zipfile` and the
/// desktop tools open these archives.
public enum StoredZip {
    /// One file in the archive.
    public struct Entry: Hashable, Sendable {
        public var name: String
        public var data: Data

        public init(name: String, data: Data) {
            self.name = name
            self.data = data
        }
    }

    /// The archive bytes for `entries`, each stamped with `date` (local DOS time, 2-second precision).
    public static func archive(_ entries: [Entry], date: Date = Date()) throws -> Data {
        let (dosTime, dosDate) = dosDateTime(date)
        var output = Data()
        var central = Data()
        for entry in entries {
            let name = Data(entry.name.utf8)
            guard entry.data.count < Int(UInt32.max), output.count < Int(UInt32.max) else {
                throw CitationExportError.cannotWrite(path: entry.name, reason: "too large for a ZIP without ZIP64")
            }
            let crc = CRC32.checksum(entry.data)
            let offset = UInt32(output.count)
            // Local file header.
            output.append(le32: 0x0403_4B50)
            output.append(le16: 20) // version needed
            output.append(le16: 0x0800) // UTF-8 names
            output.append(le16: 0) // stored
            output.append(le16: dosTime)
            output.append(le16: dosDate)
            output.append(le32: crc)
            output.append(le32: UInt32(entry.data.count))
            output.append(le32: UInt32(entry.data.count))
            output.append(le16: UInt16(name.count))
            output.append(le16: 0)
            output.append(name)
            output.append(entry.data)
            // Central directory header.
            central.append(le32: 0x0201_4B50)
            central.append(le16: 0x031E) // made by: Unix, 3.0
            central.append(le16: 20)
            central.append(le16: 0x0800)
            central.append(le16: 0)
            central.append(le16: dosTime)
            central.append(le16: dosDate)
            central.append(le32: crc)
            central.append(le32: UInt32(entry.data.count))
            central.append(le32: UInt32(entry.data.count))
            central.append(le16: UInt16(name.count))
            central.append(le16: 0) // extra
            central.append(le16: 0) // comment
            central.append(le16: 0) // disk
            central.append(le16: 0) // internal attributes
            central.append(le32: 0o100644 << 16) // external: regular file, rw-r--r--
            central.append(le32: offset)
            central.append(name)
        }
        let centralOffset = UInt32(output.count)
        output.append(central)
        output.append(le32: 0x0605_4B50)
        output.append(le16: 0)
        output.append(le16: 0)
        output.append(le16: UInt16(entries.count))
        output.append(le16: UInt16(entries.count))
        output.append(le32: UInt32(central.count))
        output.append(le32: centralOffset)
        output.append(le16: 0)
        return output
    }

    /// The entries of an archive this module wrote (stored entries only), checking each CRC.
    public static func entries(of data: Data, path: String) throws -> [Entry] {
        let bytes = [UInt8](data)
        func fail(_ reason: String) -> CitationExportError { .unreadableZip(path: path, reason: reason) }
        func le16(_ at: Int) throws -> Int {
            guard at + 2 <= bytes.count else { throw fail("truncated") }
            return Int(bytes[at]) | Int(bytes[at + 1]) << 8
        }
        func le32(_ at: Int) throws -> Int {
            guard at + 4 <= bytes.count else { throw fail("truncated") }
            return try le16(at) | le16(at + 2) << 16
        }
        // Find the end-of-central-directory record (no comment support beyond 64 KiB).
        var end = bytes.count - 22
        while end >= 0, (try? le32(end)) != 0x0605_4B50 { end -= 1 }
        guard end >= 0 else { throw fail("no end of central directory") }
        let count = try le16(end + 10)
        var cursor = try le32(end + 16)
        var entries: [Entry] = []
        for _ in 0..<count {
            guard try le32(cursor) == 0x0201_4B50 else { throw fail("bad central directory") }
            let method = try le16(cursor + 10)
            let crc = try le32(cursor + 16)
            let size = try le32(cursor + 20)
            let nameLength = try le16(cursor + 28)
            let extraLength = try le16(cursor + 30)
            let commentLength = try le16(cursor + 32)
            let local = try le32(cursor + 42)
            guard cursor + 46 + nameLength <= bytes.count else { throw fail("truncated") }
            let name = String(decoding: bytes[(cursor + 46)..<(cursor + 46 + nameLength)], as: UTF8.self)
            guard method == 0 else { throw fail("\(name): compressed entries are not supported") }
            guard try le32(local) == 0x0403_4B50 else { throw fail("\(name): bad local header") }
            let start = local + 30 + (try le16(local + 26)) + (try le16(local + 28))
            guard start + size <= bytes.count else { throw fail("\(name): truncated") }
            let content = Data(bytes[start..<(start + size)])
            guard Int(CRC32.checksum(content)) == crc else { throw fail("\(name): CRC mismatch") }
            entries.append(Entry(name: name, data: content))
            cursor += 46 + nameLength + extraLength + commentLength
        }
        return entries
    }

    static func dosDateTime(_ date: Date) -> (UInt16, UInt16) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let year = max(1980, min(2107, parts.year ?? 1980))
        let time = UInt16((parts.hour ?? 0) << 11 | (parts.minute ?? 0) << 5 | (parts.second ?? 0) / 2)
        let day = UInt16((year - 1980) << 9 | (parts.month ?? 1) << 5 | (parts.day ?? 1))
        return (time, day)
    }
}

/// CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320), as ZIP uses.
enum CRC32 {
    static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
        return value
    }

    static func checksum(_ data: Data) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        data.withUnsafeBytes { buffer in
            for byte in buffer {
                crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
            }
        }
        return crc ^ 0xFFFF_FFFF
    }
}

extension Data {
    mutating func append(le16 value: UInt16) {
        append(UInt8(value & 0xFF))
        append(UInt8(value >> 8))
    }

    mutating func append(le32 value: UInt32) {
        append(le16: UInt16(value & 0xFFFF))
        append(le16: UInt16(value >> 16))
    }
}
