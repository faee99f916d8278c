import Foundation

/// Sizes chunks of originals so that they fill `original_chunk`'s b-tree pages.
///
/// The index's pages are 16 KiB. SQLite keeps a row of up to maxLocal (usable size − 35)
/// bytes whole on its leaf; a larger one keeps a part of minLocal + (size − minLocal) mod
/// (usable − 4) bytes on the leaf and the rest on overflow pages, which it fills completely
/// (a part between maxLocal and that is stored as minLocal, and its last overflow page is not
/// full). Chunks of 16 records took whatever leaf space they came to: on pubmed20n0014 they
/// were ~11-12 KB compressed, one a leaf, with a quarter of the page empty (6.9 of 28.8 MB);
/// on gen_pubmed (~31 KB, split) their leaf parts of 2-16 KB packed leaves badly (18.8 of
/// 216 MB at 100k).
///
/// Chunks are appended with rising ids, and SQLite fills such a b-tree's rightmost leaf in
/// order, starting a new leaf when a row does not fit (`balance_quick`), so the packer can
/// follow the current leaf's free space and make each chunk fit it: the longest run of records
/// (up to `ArticleRow.chunkRecords`) whose compressed size is predicted to fit, either whole or
/// with a leaf part that fits. A new leaf starts when not even one record fits.
///
/// The compressed size is predicted from the raw bytes with the ratio of recent chunks; a
/// chunk that comes out not fitting is compressed again with as many records as its own ratio
/// predicts to fit (`ArticleRow.packOriginals`), unless it is split over overflow pages anyway
/// and only misses this leaf's room: then it starts the next leaf as it is. Ids reused
/// after deletions, or a leaf another ingest left part full, only make the guess wrong, never
/// the index.
struct ChunkPageFill {
    /// The page size of new indexes.
    static let pageSize = 16_384
    /// Bytes of a leaf page for cells and their pointers: the page less its 8-byte header.
    static let pageRoom = pageSize - 8
    /// Bytes of a row's cell on its leaf besides its payload's local part: cell pointer (2),
    /// rowid varint (taken as 3 bytes: ids from 16,384 to 2,097,151) and payload size varint.
    static func cellOverhead(payload: Int) -> Int { 2 + 3 + varintLength(payload) }
    /// The record of a row: header size (1), NULL for the id (1), the blob's serial type, the blob.
    static func payload(blob: Int) -> Int { 2 + varintLength(2 * blob + 12) + blob }
    /// The length of SQLite's varint of `value` (≥ 0).
    static func varintLength(_ value: Int) -> Int {
        var length = 1
        var rest = value >> 7
        while rest > 0, length < 9 {
            length += 1
            rest >>= 7
        }
        return length
    }
    /// SQLite's largest payload kept whole on a table leaf, and smallest leaf part of a larger one.
    static let maxLocal = pageSize - 35, minLocal = (pageSize - 12) * 32 / 255 - 23
    /// Bytes of payload an overflow page holds.
    static let overflowBytes = pageSize - 4
    /// Relative error allowed for in predicted sizes.
    static let margin = 0.04

    /// Free bytes in the current leaf, as far as the packer knows.
    private(set) var room = pageRoom
    /// Compressed over raw bytes of recent chunks.
    private(set) var ratio = 0.25

    /// Whether the current leaf is empty (a chunk too large for it goes in anyway).
    var isFreshPage: Bool { room == Self.pageRoom }

    /// Starts a new leaf (the current one cannot take the next chunk).
    mutating func startPage() { room = Self.pageRoom }

    /// The bytes a blob of `size` bytes takes on its leaf (with the cell's overhead), or nil
    /// when it would leave part of an overflow page empty (more than 512 bytes).
    static func leafBytes(_ size: Int) -> Int? {
        let payload = payload(blob: size), overhead = cellOverhead(payload: payload)
        if payload <= maxLocal { return payload + overhead }
        let local = minLocal + (payload - minLocal) % overflowBytes
        if local <= maxLocal { return local + overhead }
        // Stored as minLocal: the last overflow page holds less than a page.
        let lastOverflow = (payload - minLocal) % overflowBytes
        return overflowBytes - lastOverflow <= 512 ? minLocal + overhead : nil
    }

    /// Whether a blob of `size` bytes fits what is left of the current leaf.
    func fits(_ size: Int) -> Bool {
        guard let bytes = Self.leafBytes(size) else { return false }
        return bytes <= room
    }

    /// Whether a chunk predicted at `size` bytes fits, within the prediction's margin.
    func fitsPredicted(_ size: Int) -> Bool {
        let low = Int(Double(size) * (1 - Self.margin)), high = Int(Double(size) * (1 + Self.margin)) + 8
        guard fits(low), fits(high) else { return false }
        // Both ends kept whole, or both split with the same number of overflow pages.
        func segment(_ size: Int) -> Int {
            let payload = Self.payload(blob: size)
            return payload <= Self.maxLocal ? -1 : (payload - Self.minLocal) / Self.overflowBytes
        }
        return segment(low) == segment(high)
    }

    /// The predicted compressed size of `raw` bytes in a chunk of `records` records.
    func predicted(raw: Int, records: Int) -> Int {
        // A record alone compresses less well: less history for back-references.
        Int(Double(raw) * ratio * (records == 1 ? 1.25 : 1.0)) + 8
    }

    /// Records a chunk of `compressed` bytes made from `raw` bytes, written next.
    mutating func place(compressed: Int, raw: Int) {
        if raw > 0 { ratio = ratio * 0.8 + Double(compressed) / Double(raw) * 0.2 }
        let bytes = Self.leafBytes(compressed) ?? (Self.minLocal + Self.cellOverhead(payload: Self.payload(blob: compressed)))
        if bytes > room { room = Self.pageRoom }
        room -= bytes
    }
}
