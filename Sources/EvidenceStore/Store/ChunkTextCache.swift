import CSQLite
import CZlib
import Foundation

/// The inflated chunks of originals that `evidence_text` read last on one connection: the
/// search texts of ingested articles live inside their chunk, right after their XML
/// (`PackedSearchText`, "in chunk" references).
///
/// A chunk is inflated only as far as the texts asked for (a text is on average half way
/// through a chunk of 16 records, ~130 KiB on gen_pubmed), and kept, so the four generated columns of one row, and rows
/// whose originals share a chunk, inflate it once. At most `maximumChunks` chunks and
/// `maximumBytes` bytes are kept, least recently used first out.
///
/// Chunk ids can be reused (`removeUnreferencedOriginals()` may delete the highest one), so
/// the cache never outlives a change of `original_chunk`: an update hook on the connection
/// empties it when this connection inserts, updates or deletes a chunk row, a rollback hook
/// when a transaction rolls back, and every lookup compares the file's data version
/// (`SQLITE_FCNTL_DATA_VERSION`, which moves with every commit, another connection's too) with
/// its value when the cache was filled. The hooks cover changes not yet committed, which the
/// data version does not see. (Writes to other tables, such as the temporary tables search
/// fills for snippets, leave it alone.) The update hook does not see `DELETE FROM
/// original_chunk` without a `WHERE` (SQLite's truncate optimisation); nothing here runs one.
final class ChunkTextCache {
    /// More than a page of hits (20), whose texts search reads twice (snippets, then display),
    /// and room for the candidates claim checking reads again for related claims; the byte
    /// bound (a chunk of 16 records takes ~160 KiB inflated) usually binds first.
    static let maximumChunks = 128
    static let maximumBytes = 16 << 20

    /// A failure to read a chunk, with a message for `sqlite3_result_error`.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private var chunks: [InflatingChunk] = []
    private var bytes = 0
    private var statement: OpaquePointer?
    /// The data version when the cache was last checked.
    private var version: UInt32?
    /// Set by the hooks: a chunk row changed, or a transaction rolled back.
    private var changed = false

    deinit { close() }

    /// Installs the update and rollback hooks on `connection`, which must not outlive this cache
    /// without calling `close()` first (`Database` owns both).
    func watch(_ connection: OpaquePointer) {
        let me = Unmanaged.passUnretained(self).toOpaque()
        sqlite3_update_hook(connection, { pointer, _, _, table, _ in
            guard let pointer, let table, strcmp(table, "original_chunk") == 0 else { return }
            Unmanaged<ChunkTextCache>.fromOpaque(pointer).takeUnretainedValue().changed = true
        }, me)
        sqlite3_rollback_hook(connection, { pointer in
            guard let pointer else { return }
            Unmanaged<ChunkTextCache>.fromOpaque(pointer).takeUnretainedValue().changed = true
        }, me)
    }

    /// Finalizes the prepared statement: `Database.close()` calls this before closing the connection.
    func close() {
        if let statement { sqlite3_finalize(statement) }
        statement = nil
        chunks.removeAll()
        bytes = 0
        version = nil
    }

    /// The inflated bytes of chunk `id` on `connection`, at least up to `end`.
    func chunk(_ id: Int64, upTo end: Int, on connection: OpaquePointer) throws -> InflatingChunk {
        let current = Self.dataVersion(of: connection)
        if changed || version != current {
            chunks.removeAll()
            bytes = 0
            changed = false
            version = current
        }
        let chunk: InflatingChunk
        if let index = chunks.firstIndex(where: { $0.id == id }) {
            chunk = chunks[index]
            if index != 0 {
                chunks.remove(at: index)
                chunks.insert(chunk, at: 0)
            }
        } else {
            chunk = try read(id, on: connection)
            chunks.insert(chunk, at: 0)
            bytes += chunk.footprint
        }
        let before = chunk.footprint
        try chunk.inflate(upTo: end)
        bytes += chunk.footprint - before
        while chunks.count > Self.maximumChunks || (chunks.count > 1 && bytes > Self.maximumBytes) {
            bytes -= chunks.removeLast().footprint
        }
        return chunk
    }

    private func read(_ id: Int64, on connection: OpaquePointer) throws -> InflatingChunk {
        if statement == nil {
            let code = sqlite3_prepare_v3(connection, "SELECT xml FROM original_chunk WHERE id = ?", -1,
                                          UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
            guard code == SQLITE_OK else {
                statement = nil
                throw Failure(description: "cannot read chunks of originals: \(String(cString: sqlite3_errmsg(connection)))")
            }
        }
        defer {
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
        }
        sqlite3_bind_int64(statement, 1, id)
        let code = sqlite3_step(statement)
        guard code == SQLITE_ROW else {
            if code == SQLITE_DONE { throw Failure(description: "the chunk of originals \(id) of a search text is missing") }
            throw Failure(description: "cannot read the chunk of originals \(id): \(String(cString: sqlite3_errmsg(connection)))")
        }
        let count = Int(sqlite3_column_bytes(statement, 0))
        guard count > 0, let pointer = sqlite3_column_blob(statement, 0) else {
            throw Failure(description: "the chunk of originals \(id) is empty")
        }
        return try InflatingChunk(id: id, compressed: UnsafeRawBufferPointer(start: pointer, count: count))
    }

    private static func dataVersion(of connection: OpaquePointer) -> UInt32 {
        var version: UInt32 = 0
        _ = sqlite3_file_control(connection, "main", SQLITE_FCNTL_DATA_VERSION, &version)
        return version
    }
}

/// One chunk of originals (a zlib stream, `RecordCompression`), inflated on demand.
final class InflatingChunk {
    let id: Int64
    private var stream = z_stream()
    private let input: UnsafeMutableRawBufferPointer
    /// The inflated bytes so far: `output[0..<count]`.
    private(set) var output: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int
    private var ended = false

    init(id: Int64, compressed: UnsafeRawBufferPointer) throws {
        self.id = id
        input = UnsafeMutableRawBufferPointer.allocate(byteCount: compressed.count, alignment: 1)
        input.copyMemory(from: compressed)
        capacity = max(65_536, compressed.count * 3)
        output = .allocate(capacity: capacity)
        let code = inflateInit2_(&stream, 15, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard code == Z_OK else {
            input.deallocate()
            output.deallocate()
            throw ChunkTextCache.Failure(description: "zlib error \(code) reading chunk \(id)")
        }
        stream.next_in = input.baseAddress!.assumingMemoryBound(to: Bytef.self)
        stream.avail_in = uInt(input.count)
    }

    deinit {
        inflateEnd(&stream)
        input.deallocate()
        output.deallocate()
    }

    /// The bytes this chunk holds in memory.
    var footprint: Int { input.count + capacity }

    /// Inflates until at least `end` bytes are out (or the stream ends).
    func inflate(upTo end: Int) throws {
        while count < end && !ended {
            if count == capacity {
                let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
                larger.update(from: output, count: count)
                output.deallocate()
                output = larger
                capacity *= 2
            }
            // Exactly up to `end`: hits are mostly in random chunks, and a later text of the
            // same chunk resumes from here.
            let want = min(capacity - count, end - count)
            stream.next_out = output + count
            stream.avail_out = uInt(want)
            var code = CZlib.inflate(&stream, Z_NO_FLUSH)
            if code == Z_NEED_DICT {
                code = RecordCompression.setDictionary(&stream)
                if code == Z_OK { code = CZlib.inflate(&stream, Z_NO_FLUSH) }
            }
            let produced = want - Int(stream.avail_out)
            count += produced
            if code == Z_STREAM_END {
                ended = true
            } else if code != Z_OK && code != Z_BUF_ERROR || produced == 0 {
                // No progress: a truncated or corrupt stream.
                throw ChunkTextCache.Failure(description: "zlib error \(code == Z_OK ? Z_DATA_ERROR : code) inflating chunk \(id)")
            }
        }
        guard count >= end else {
            throw ChunkTextCache.Failure(description: "a search text is past the end of chunk \(id)")
        }
    }
}
