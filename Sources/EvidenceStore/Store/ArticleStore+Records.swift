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
    /// thread); the records asked for in one chunk are parsed in one pass (`parsedTogether`).
    /// Throws `ArticleStoreError.unreadableRecord` for the first PMID, in order, whose
    /// original cannot be decompressed or parsed.
    ///
    /// With `keepingOriginalXML` false the records' `originalXML` is left empty, which saves
    /// re-serialising each one (citation export reads the fields only).
    public func records(_ pmids: [PMID], keepingOriginalXML: Bool = true) throws -> [PubMedRecord?] {
        let parser = PubMedParser(options: .init(keepsOriginalXML: keepingOriginalXML))
        let originals = try storedOriginals(pmids)
        var results = [Result<PubMedRecord?, ArticleStoreError>](repeating: .success(nil), count: pmids.count)
        let units = originals.units
        results.withUnsafeMutableBufferPointer { buffer in
            let base = buffer.baseAddress!
            DispatchQueue.concurrentPerform(iterations: units.count) { unitIndex in
                let unit = units[unitIndex]
                let result = Result<[UInt8], Error>(catching: {
                    try Self.decompressed(unit.compressed, of: pmids[unit.members[0].index], chunkID: unit.chunkID)
                })
                if case .success(let bytes) = result, var parsed = Self.parsedTogether(unit.members, of: bytes, pmids: pmids, parser: parser) {
                    // Moved out from the back, so no record is copied.
                    for member in unit.members.reversed() {
                        (base + member.index).pointee = .success(parsed.removeLast())
                    }
                    return
                }
                for member in unit.members {
                    let pmid = pmids[member.index]
                    (base + member.index).pointee = Result<PubMedRecord?, Error>(catching: {
                        let bytes = try result.get()
                        let range = member.range ?? 0..<bytes.count
                        guard range.upperBound <= bytes.count else {
                            throw StoredOriginal.outOfRange(pmid: pmid, chunkID: unit.chunkID ?? 0)
                        }
                        return try Self.parsedRecord(Array(bytes[range]), pmid: pmid, parser: parser)
                    }).mapError { error in
                        // Each record of an unreadable chunk is reported under its own PMID.
                        if case .unreadableRecord(_, let reason) = error as? ArticleStoreError {
                            return .unreadableRecord(pmid: pmid, reason: reason)
                        }
                        return .unreadableRecord(pmid: pmid, reason: "\(error)")
                    }
                }
            }
        }
        return try results.map { try $0.get() }
    }

    /// The records of the members of one chunk, parsed in one pass: their originals are
    /// concatenated inside a `PubmedArticleSet`, so one parser serves the whole chunk instead
    /// of one parser (and its set-up) per record.
    ///
    /// Gives the records parsing each original alone would give, with `sourceLine` counted
    /// from the start of each original as then; `nil` (the caller then parses each record
    /// alone) when there is only one member, a range is out of bounds, the document does not
    /// parse, or the records found are not exactly one per member with the member's PMID.
    static func parsedTogether(_ members: [StoredOriginals.Member], of bytes: [UInt8], pmids: [PMID],
                               parser: PubMedParser) -> [PubMedRecord]? {
        guard members.count > 1 else { return nil }
        var document: [UInt8] = []
        document.reserveCapacity(bytes.count + members.count + 64)
        document.append(contentsOf: "<PubmedArticleSet>\n".utf8)
        var firstLines: [Int] = []
        firstLines.reserveCapacity(members.count)
        var line = 2
        for member in members {
            guard let range = member.range, range.lowerBound >= 0, range.upperBound <= bytes.count else { return nil }
            firstLines.append(line)
            let original = bytes[range]
            document.append(contentsOf: original)
            document.append(0x0A)
            line += 1 + original.withUnsafeBufferPointer { buffer in
                var count = 0
                for byte in buffer where byte == 0x0A { count += 1 }
                return count
            }
        }
        document.append(contentsOf: "</PubmedArticleSet>\n".utf8)
        guard var records = try? parser.records(fromBytes: document), records.count == members.count else { return nil }
        for (index, member) in members.enumerated() {
            guard records[index].pmid == pmids[member.index] else { return nil }
            if let sourceLine = records[index].sourceLine { records[index].sourceLine = sourceLine - firstLines[index] + 1 }
        }
        return records
    }

    /// The compressed originals of `pmids`, grouped into units of work: one per chunk (with
    /// every requested record in it) and one per record stored as its own blob.
    private func storedOriginals(_ pmids: [PMID]) throws -> StoredOriginals {
        var units: [StoredOriginals.Unit] = []
        var unitOfChunk: [Int64: Int] = [:]
        for (index, pmid) in pmids.enumerated() {
            switch try storedOriginal(pmid) {
            case nil:
                continue
            case .chunk(let chunkID, let range):
                let member = StoredOriginals.Member(index: index, range: range)
                if let unit = unitOfChunk[chunkID] {
                    units[unit].members.append(member)
                } else {
                    unitOfChunk[chunkID] = units.count
                    units.append(.init(chunkID: chunkID, compressed: try originalChunk(chunkID, of: pmid), members: [member]))
                }
            case .blob(let blob):
                units.append(.init(chunkID: nil, compressed: blob, members: [.init(index: index, range: nil)]))
            }
        }
        return StoredOriginals(units: units)
    }
}

/// Compressed originals to decompress and parse, grouped by the blob that holds them.
struct StoredOriginals {
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
