import CSQLite
import CZlib
import Foundation

/// The article's long search texts (`abstract`, `mesh_terms`, `keyword_terms`,
/// `author_names`) packed into one blob, `article.search_text`: deflated inline, or (since
/// `perf-8-search-text-in-chunks`, for ingested records) a reference to the same bytes
/// stored in the record's chunk of originals.
///
/// They were a quarter to a third of an index, stored once in the FTS5 index and once as
/// plain text in `article` for snippets, display and rescoring. Packed, they take about half
/// the space. `article` exposes them again as virtual generated columns
/// (`evidence_text(search_text, n)`), so `SELECT abstract FROM article` and FTS5's external
/// content reads work as before, on any connection opened by `Database` (which registers
/// the functions).
///
/// Two layouts, told apart by the header byte's high nibble (bit n of its low nibble is set
/// when field n is not NULL; all four fields NULL: no blob, NULL):
///
/// - **Inline**, `0x80 | present`, then a raw deflate stream (RFC 1951, no preset dictionary)
///   of the present fields' UTF-8, in field order, each followed by a 0x00 byte (XML text
///   never holds U+0000). Python reads it with `zlib.decompress(blob[1:], -15).split(b"\0")`.
///   Records stored one at a time (`ArticleStore.store(_:)`) and indexes made before
///   `perf-8-search-text-in-chunks` have these.
/// - **In chunk**, `0xA0 | present`, then three unsigned LEB128 varints: the `original_chunk`
///   id, and the byte offset and length of the same 0x00-terminated fields inside that
///   chunk, inflated. The ingester writes them right after the record's XML in the chunk's
///   zlib stream (`ArticleRow.packOriginals`), where deflate finds most of the text as
///   back-references into the XML just before: about a sixth of the size of inline blobs.
///   The chunk is always the one the article's `original_chunk` names, so it lives as long
///   as the article. `evidence_text` reads it through `ChunkTextCache`.
public enum PackedSearchText {
    /// The packed fields, in order: `abstract`, `mesh_terms`, `keyword_terms`, `author_names`.
    public static let fieldNames = ["abstract", "mesh_terms", "keyword_terms", "author_names"]

    /// The zlib level: on these short texts level 4 packs only ~3% smaller than level 1, for
    /// about a third more time on the parsing thread.
    static let level: Int32 = 1

    /// The header's high nibble of an inline blob.
    static let inlineTag: UInt8 = 0x80
    /// The header's high nibble of an in-chunk reference.
    static let chunkTag: UInt8 = 0xA0

    /// Whether `header` starts a blob of either layout.
    static func isPacked(_ header: UInt8) -> Bool {
        header & 0xF0 == inlineTag || header & 0xF0 == chunkTag
    }

    /// The fields of a record as they go into its chunk: the present ones, each followed by
    /// 0x00, and the mask of those present; nil when all are nil.
    static func chunkText(_ fields: [String?]) -> (present: UInt8, bytes: [UInt8])? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(fields.reduce(0) { $0 + ($1?.utf8.count ?? 0) + 1 })
        let present = appendFields(fields, to: &bytes)
        return present == 0 ? nil : (present, bytes)
    }

    /// Appends the present `fields` to `bytes`, each followed by 0x00 (the layout both kinds
    /// of blob hold), and returns the mask of those present.
    static func appendFields(_ fields: [String?], to bytes: inout [UInt8]) -> UInt8 {
        var present: UInt8 = 0
        for (index, field) in fields.enumerated() {
            guard var field else { continue }
            present |= 1 << UInt8(index)
            field.withUTF8 { bytes.append(contentsOf: $0) }
            bytes.append(0)
        }
        return present
    }

    /// Where a record's fields are inside a chunk of originals: the "in chunk" layout.
    public struct Reference: Hashable, Sendable {
        /// Bit n set when field n is present.
        public var present: UInt8
        /// The `original_chunk` id.
        public var chunkID: Int64
        /// The byte range of the fields in the inflated chunk.
        public var offset: Int
        public var length: Int

        public init(present: UInt8, chunkID: Int64, offset: Int, length: Int) {
            self.present = present
            self.chunkID = chunkID
            self.offset = offset
            self.length = length
        }

        /// Reads a reference blob; nil when `blob` is not one.
        public init?(_ blob: UnsafeRawBufferPointer) {
            guard let header = blob.first, header & 0xF0 == PackedSearchText.chunkTag else { return nil }
            var position = 1
            guard let chunkID = blob.readLEB128(at: &position), let offset = blob.readLEB128(at: &position),
                  let length = blob.readLEB128(at: &position),
                  chunkID <= UInt64(Int64.max), offset <= UInt64(Int32.max), length <= UInt64(Int32.max) else { return nil }
            self.init(present: header & 0x0F, chunkID: Int64(chunkID), offset: Int(offset), length: Int(length))
        }

        /// The blob: `0xA0 | present`, then the chunk id, offset and length as varints.
        public var blob: [UInt8] {
            var bytes: [UInt8] = [PackedSearchText.chunkTag | (present & 0x0F)]
            for value in [UInt64(chunkID), UInt64(offset), UInt64(length)] { bytes.appendLEB128(value) }
            return bytes
        }

        /// The byte range of field `index` within `text` (the `length` bytes at `offset`), or
        /// nil when the field is absent or the text lacks its terminator.
        func fieldRange(_ index: Int, in text: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
            guard index >= 0, index < 4, present & (1 << UInt8(index)) != 0 else { return nil }
            var start = 0
            for field in 0...index where present & (1 << UInt8(field)) != 0 {
                guard start <= text.count,
                      let found = memchr(text.baseAddress! + start, 0, text.count - start) else { return nil }
                let end = text.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if field == index { return start..<end }
                start = end + 1
            }
            return nil
        }
    }

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
            input.removeAll(keepingCapacity: true)
            let present = PackedSearchText.appendFields(fields, to: &input)
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
        state.chunks.watch(connection)
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
            guard !cache.skipsTexts, index >= 0, index < 4, PackedSearchText.isPacked(header),
                  header & (1 << UInt8(index)) != 0 else {
                sqlite3_result_null(context)
                return
            }
            if header & 0xF0 == PackedSearchText.chunkTag {
                cache.resultText(of: UnsafeRawBufferPointer(start: pointer, count: count), field: index, context: context)
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
            let has = index >= 0 && index < 4 && PackedSearchText.isPacked(header) && header & (1 << UInt8(index)) != 0
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
    /// The chunks read for "in chunk" references.
    let chunks = ChunkTextCache()
    /// While set, `evidence_text` returns NULL without inflating: see `Database.withoutPackedTexts(_:)`.
    var skipsTexts = false

    /// Sets the result of `evidence_text(reference, field)`: the field's text, NULL when absent,
    /// or an error when the reference or its chunk cannot be read.
    func resultText(of blob: UnsafeRawBufferPointer, field: Int, context: OpaquePointer) {
        guard let reference = PackedSearchText.Reference(blob) else {
            sqlite3_result_error(context, "a packed search text reference is malformed", -1)
            return
        }
        do {
            guard let connection = sqlite3_context_db_handle(context) else { throw ChunkTextCache.Failure(description: "no connection") }
            let end = reference.offset + reference.length
            let chunk = try chunks.chunk(reference.chunkID, upTo: end, on: connection)
            let text = UnsafeBufferPointer(start: chunk.output + reference.offset, count: reference.length)
            guard let range = reference.fieldRange(field, in: text) else {
                throw ChunkTextCache.Failure(description: "a search text in chunk \(reference.chunkID) is truncated")
            }
            sqlite3_result_text(context, UnsafeRawPointer(text.baseAddress! + range.lowerBound).assumingMemoryBound(to: CChar.self),
                                Int32(range.count), evidence_sqlite_transient())
        } catch {
            sqlite3_result_error(context, "\(error)", -1)
        }
    }
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
