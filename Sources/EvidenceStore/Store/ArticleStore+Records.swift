import Foundation
import PubMed

/// Reading many records at once (exports, reports): each chunk of originals is read and
/// decompressed once, and the originals are decompressed and re-parsed on every core.
extension ArticleStore {
    /// The records of `pmids`, in the same order, each re-parsed from its stored original XML;
    /// `nil` for a PMID that is not in the index.
    ///
    /// Gives the same records as calling `record(_:)` for each PMID, but a chunk of originals
    /// shared by several of the PMIDs is fetched and inflated once instead of once per record,
    /// and decompression and parsing run in parallel (the database is only used on the calling
    /// thread). Throws `ArticleStoreError.unreadableRecord` for the first PMID, in order, whose
    /// original cannot be decompressed or parsed.
    public func records(_ pmids: [PMID]) throws -> [PubMedRecord?] {
        let originals = try storedOriginals(pmids)
        var results = [Result<PubMedRecord?, ArticleStoreError>](repeating: .success(nil), count: pmids.count)
        let units = originals.units
        results.withUnsafeMutableBufferPointer { buffer in
            let base = buffer.baseAddress!
            DispatchQueue.concurrentPerform(iterations: units.count) { unitIndex in
                let unit = units[unitIndex]
                let bytes: [UInt8]
                do {
                    bytes = try RecordCompression.decompressBytes(unit.compressed)
                } catch {
                    for member in unit.members {
                        let reason = unit.chunkID.map { "its chunk of originals \($0) cannot be decompressed: \(error)" } ?? "\(error)"
                        (base + member.index).pointee = .failure(.unreadableRecord(pmid: pmids[member.index], reason: reason))
                    }
                    return
                }
                for member in unit.members {
                    let pmid = pmids[member.index]
                    let range = member.range ?? 0..<bytes.count
                    guard range.lowerBound >= 0, range.upperBound <= bytes.count else {
                        let reason = "its place in chunk \(unit.chunkID ?? 0) is out of range"
                        (base + member.index).pointee = .failure(.unreadableRecord(pmid: pmid, reason: reason))
                        continue
                    }
                    (base + member.index).pointee = Self.parseOriginal(Array(bytes[range]), pmid: pmid)
                }
            }
        }
        return try results.map { try $0.get() }
    }

    /// One record parsed from its original's bytes, as `record(_:)` does.
    private static func parseOriginal(_ bytes: [UInt8], pmid: PMID) -> Result<PubMedRecord?, ArticleStoreError> {
        var records: [PubMedRecord] = []
        do {
            _ = try PubMedParser().parse(.bytes(bytes, name: "<record>")) { item in
                if case .record(let record) = item { records.append(record) }
            }
        } catch {
            return .failure(.unreadableRecord(pmid: pmid, reason: "\(error)"))
        }
        guard let record = records.first(where: { $0.pmid == pmid }) ?? records.first else {
            return .failure(.unreadableRecord(pmid: pmid, reason: "the stored XML holds no record"))
        }
        return .success(record)
    }

    /// The compressed originals of `pmids`, grouped into units of work: one per chunk (with
    /// every requested record in it) and one per record stored as its own blob.
    private func storedOriginals(_ pmids: [PMID]) throws -> StoredOriginals {
        var units: [StoredOriginals.Unit] = []
        var unitOfChunk: [Int64: Int] = [:]
        for (index, pmid) in pmids.enumerated() {
            typealias Stored = (blob: Data?, chunk: Int64?, offset: Int?, length: Int?)
            guard let stored: Stored = try database.queryFirst(
                "SELECT original_xml, original_chunk, original_offset, original_length FROM article WHERE pmid = ?",
                arguments: [pmid], row: { row in (row.data(0), row.optionalInt(1).map(Int64.init), row.optionalInt(2), row.optionalInt(3)) }
            ) else { continue }
            if let chunkID = stored.chunk, let offset = stored.offset, let length = stored.length {
                guard offset >= 0, length >= 0 else {
                    throw ArticleStoreError.unreadableRecord(pmid: pmid, reason: "its place in chunk \(chunkID) is out of range")
                }
                let member = StoredOriginals.Member(index: index, range: offset..<(offset + length))
                if let unit = unitOfChunk[chunkID] {
                    units[unit].members.append(member)
                    continue
                }
                guard let chunk = try database.queryFirst("SELECT xml FROM original_chunk WHERE id = ?", arguments: [chunkID],
                                                          row: { $0.data(0) }) ?? nil else {
                    throw ArticleStoreError.unreadableRecord(pmid: pmid, reason: "its chunk of originals \(chunkID) is missing")
                }
                unitOfChunk[chunkID] = units.count
                units.append(.init(chunkID: chunkID, compressed: chunk, members: [member]))
            } else if let blob = stored.blob {
                units.append(.init(chunkID: nil, compressed: blob, members: [.init(index: index, range: nil)]))
            }
        }
        return StoredOriginals(units: units)
    }
}

/// Compressed originals to decompress and parse, grouped by the blob that holds them.
private struct StoredOriginals {
    /// A requested record: its position in the request and its bytes in the decompressed blob.
    struct Member {
        var index: Int
        /// The byte range in a chunk; `nil` for a record stored alone (the whole blob).
        var range: Range<Int>?
    }

    /// One compressed blob (a chunk or a single original) and the requested records in it.
    struct Unit {
        var chunkID: Int64?
        var compressed: Data
        var members: [Member]
    }

    var units: [Unit]
}
