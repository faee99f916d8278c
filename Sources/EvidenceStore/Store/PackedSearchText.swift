import CSQLite
import CZlib
import Foundation

/// The article's long search texts (`abstract`, `mesh_terms`, `keyword_terms`,
/// `author_names`) packed into one deflated blob, `article.search_text`.
///
/// They were a quarter to a third of an index, stored once in the FTS5 index and once as
/// plain text in `article` for snippets, display and rescoring. Packed, they take about half
/// the space. `article` exposes them again as virtual generated columns
/// (`evidence_text(search_text, n)`), so `SELECT abstract FROM article` and FTS5's external
/// content reads work as before, on any connection opened by `Database` (which registers
/// the functions).
///
/// Layout: one header byte, `0x80 | present` (bit n set when field n is not NULL), then a raw
/// deflate stream (RFC 1951, no preset dictionary) of the present fields' UTF-8, in field
/// order, each followed by a 0x00 byte (XML text never holds U+0000). Python reads it with
/// `zlib.decompress(blob[1:], -15).split(b"\0")`. All four fields NULL: no blob (NULL).
public enum PackedSearchText {
    /// The packed fields, in order: `abstract`, `mesh_terms`, `keyword_terms`, `author_names`.
    public static let fieldNames = ["abstract", "mesh_terms", "keyword_terms", "author_names"]

    /// The zlib level: on these short texts level 4 packs only ~3% smaller than level 1, for
    /// about a third more time on the parsing thread.
    static let level: Int32 = 1

    /// A failure to unpack a blob that is not in the layout above.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// Packs `fields` (at most four) with a one-off encoder.
    public static func pack(_ fields: [String?]) throws -> Data? {
        try Encoder().pack(fields)
    }

    /// The four fields of `blob`.
    public static func unpack(_ blob: UnsafeRawBufferPointer) throws -> [String?] {
        var decoder = Decoder()
        try decoder.decode(blob)
        return (0..<fieldNames.count).map { decoder.field($0) }
    }

    /// A deflater reused across records (one per thread): resetting a stream costs far less
    /// than making one for each record.
    final class Encoder {
        private var stream = z_stream()
        private var ready = false
        private var input: [UInt8] = []
        private var output: [UInt8] = []

        init() {}

        deinit {
            if ready { deflateEnd(&stream) }
        }

        /// The blob of `fields`, or nil when all are nil.
        func pack(_ fields: [String?]) throws -> Data? {
            var present: UInt8 = 0
            input.removeAll(keepingCapacity: true)
            for (index, field) in fields.enumerated() {
                guard var field else { continue }
                present |= 1 << UInt8(index)
                field.withUTF8 { input.append(contentsOf: $0) }
                input.append(0)
            }
            guard present != 0 else { return nil }
            if ready {
                deflateReset(&stream)
            } else {
                let code = deflateInit2_(&stream, PackedSearchText.level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY,
                                         zlibVersion(), Int32(MemoryLayout<z_stream>.size))
                guard code == Z_OK else { throw Failure(description: "zlib error \(code) packing search text") }
                ready = true
            }
            let capacity = Int(deflateBound(&stream, uLong(input.count))) + 1
            if output.count < capacity { output = [UInt8](repeating: 0, count: capacity) }
            output[0] = 0x80 | present
            let code = input.withUnsafeMutableBufferPointer { source in
                output.withUnsafeMutableBufferPointer { destination -> Int32 in
                    stream.next_in = source.baseAddress
                    stream.avail_in = uInt(source.count)
                    stream.next_out = destination.baseAddress! + 1
                    stream.avail_out = uInt(capacity - 1)
                    return deflate(&stream, Z_FINISH)
                }
            }
            guard code == Z_STREAM_END else { throw Failure(description: "zlib error \(code) packing search text") }
            return Data(output[0..<(1 + Int(stream.total_out))])
        }
    }

    /// An inflater that keeps the last blob it decoded, so reading several columns of one
    /// row inflates it once.
    struct Decoder {
        private(set) var blob: [UInt8] = []
        private(set) var text: [UInt8] = []
        private var ranges: [Range<Int>?] = Array(repeating: nil, count: 4)

        /// Decodes `source` unless it is the blob decoded last.
        mutating func decode(_ source: UnsafeRawBufferPointer) throws {
            if source.count == blob.count, blob.withUnsafeBytes({ memcmp($0.baseAddress!, source.baseAddress!, source.count) }) == 0 {
                return
            }
            guard let header = source.first, header & 0xF0 == 0x80 else {
                blob = []
                throw Failure(description: "not a packed search text")
            }
            blob = Array(source)
            text = try Decoder.inflate(UnsafeRawBufferPointer(rebasing: source.dropFirst()))
            var start = 0
            for index in 0..<4 {
                guard header & (1 << UInt8(index)) != 0 else {
                    ranges[index] = nil
                    continue
                }
                guard let end = text[start...].firstIndex(of: 0) else {
                    blob = []
                    throw Failure(description: "a packed search text is truncated")
                }
                ranges[index] = start..<end
                start = end + 1
            }
        }

        /// Field `index` of the blob decoded last.
        func field(_ index: Int) -> String? {
            guard index >= 0, index < ranges.count, let range = ranges[index] else { return nil }
            return String(decoding: text[range], as: UTF8.self)
        }

        /// Field `index` as a byte range of `text`.
        func range(_ index: Int) -> Range<Int>? {
            index >= 0 && index < ranges.count ? ranges[index] : nil
        }

        private static func inflate(_ source: UnsafeRawBufferPointer) throws -> [UInt8] {
            do {
                return try RecordCompression.inflate(source, windowBits: -15)
            } catch {
                throw Failure(description: "\(error) unpacking search text")
            }
        }
    }
}

extension Database {
    /// Registers `evidence_text(blob, n)` (field n of a packed search text, or NULL),
    /// `evidence_text_has(blob, n)` (whether field n is present, without inflating) and
    /// `evidence_pack_text(a, b, c, d)` (the blob of four texts) on this connection.
    func registerPackedTextFunctions() throws {
        let connection = try connection(for: nil)
        let flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS
        let state = PackedTextCache()
        packedTextCache = state
        let cache = Unmanaged.passRetained(state)
        var code = sqlite3_create_function_v2(connection, "evidence_text", 2, flags, cache.toOpaque(), { context, _, arguments in
            guard let context, let arguments, let blobValue = arguments[0], sqlite3_value_type(blobValue) == SQLITE_BLOB else {
                sqlite3_result_null(context)
                return
            }
            let index = Int(sqlite3_value_int(arguments[1]))
            let count = Int(sqlite3_value_bytes(blobValue))
            guard let pointer = sqlite3_value_blob(blobValue), count > 0 else {
                sqlite3_result_null(context)
                return
            }
            let header = pointer.load(as: UInt8.self)
            let cache = Unmanaged<PackedTextCache>.fromOpaque(sqlite3_user_data(context)).takeUnretainedValue()
            guard !cache.skipsTexts, index >= 0, index < 4, header & 0xF0 == 0x80, header & (1 << UInt8(index)) != 0 else {
                sqlite3_result_null(context)
                return
            }
            do {
                try cache.decoder.decode(UnsafeRawBufferPointer(start: pointer, count: count))
                guard let range = cache.decoder.range(index) else {
                    sqlite3_result_null(context)
                    return
                }
                cache.decoder.text.withUnsafeBufferPointer { buffer in
                    let start = UnsafeRawPointer(buffer.baseAddress!.advanced(by: range.lowerBound)).assumingMemoryBound(to: CChar.self)
                    sqlite3_result_text(context, start, Int32(range.count), evidence_sqlite_transient())
                }
            } catch {
                sqlite3_result_error(context, "\(error)", -1)
            }
        }, nil, nil, { pointer in
            if let pointer { Unmanaged<PackedTextCache>.fromOpaque(pointer).release() }
        })
        guard code == SQLITE_OK else { throw DatabaseError.from(connection, code: code, sql: nil) }
        code = sqlite3_create_function_v2(connection, "evidence_text_has", 2, flags, nil, { context, _, arguments in
            guard let context, let arguments, let blobValue = arguments[0], sqlite3_value_type(blobValue) == SQLITE_BLOB,
                  let pointer = sqlite3_value_blob(blobValue), sqlite3_value_bytes(blobValue) > 0 else {
                sqlite3_result_int(context, 0)
                return
            }
            let index = sqlite3_value_int(arguments[1])
            let header = pointer.load(as: UInt8.self)
            let has = index >= 0 && index < 4 && header & 0xF0 == 0x80 && header & (1 << UInt8(index)) != 0
            sqlite3_result_int(context, has ? 1 : 0)
        }, nil, nil, nil)
        guard code == SQLITE_OK else { throw DatabaseError.from(connection, code: code, sql: nil) }
        // The migration packs every existing row: one reused deflate stream per connection.
        let encoder = Unmanaged.passRetained(PackedSearchText.Encoder())
        code = sqlite3_create_function_v2(connection, "evidence_pack_text", 4, SQLITE_UTF8 | SQLITE_DETERMINISTIC, encoder.toOpaque(), { context, count, arguments in
            guard let context, let arguments else { return }
            var fields: [String?] = []
            for index in 0..<Int(count) {
                guard let value = arguments[index], sqlite3_value_type(value) != SQLITE_NULL,
                      let text = sqlite3_value_text(value) else {
                    fields.append(nil)
                    continue
                }
                fields.append(String(cString: text))
            }
            let encoder = Unmanaged<PackedSearchText.Encoder>.fromOpaque(sqlite3_user_data(context)).takeUnretainedValue()
            do {
                guard let blob = try encoder.pack(fields) else {
                    sqlite3_result_null(context)
                    return
                }
                blob.withUnsafeBytes { bytes in
                    sqlite3_result_blob(context, bytes.baseAddress, Int32(bytes.count), evidence_sqlite_transient())
                }
            } catch {
                sqlite3_result_error(context, "\(error)", -1)
            }
        }, nil, nil, { pointer in
            if let pointer { Unmanaged<PackedSearchText.Encoder>.fromOpaque(pointer).release() }
        })
        guard code == SQLITE_OK else { throw DatabaseError.from(connection, code: code, sql: nil) }
    }
}

/// The decoder `evidence_text` keeps per connection (a connection is used by one thread at a time).
final class PackedTextCache {
    var decoder = PackedSearchText.Decoder()
    /// While set, `evidence_text` returns NULL without inflating: see `Database.withoutPackedTexts(_:)`.
    var skipsTexts = false
}

extension Database {
    /// Runs `body` (INSERTs into `article` and its child tables) with `evidence_text` returning NULL.
    ///
    /// SQLite computes every virtual generated column of a row it inserts, then throws the
    /// values away (nothing stores, indexes or checks them, and no INSERT trigger reads
    /// them), so the ingester's writing thread would inflate each new row's text for
    /// nothing. Never wrap a DELETE or UPDATE of `article`: their triggers read the old text.
    func withoutPackedTexts<T>(_ body: () throws -> T) rethrows -> T {
        guard let cache = packedTextCache else { return try body() }
        cache.skipsTexts = true
        defer { cache.skipsTexts = false }
        return try body()
    }
}
