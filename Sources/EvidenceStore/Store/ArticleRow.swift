import Foundation
import PubMed

/// A record made ready for the `article` table: the denormalised search columns, the
/// derived dates and ids, and the compressed original XML.
///
/// Building a row does all the CPU work of storing a record (folding, joining,
/// compressing), so the ingester can build rows on the parsing thread and leave the
/// writing thread only SQLite calls. This is the "stored article" stage between a
/// parsed record and an indexed one.
struct ArticleRow {
    var pmid: PMID
    var version: Int
    /// Uncompressed size of the original XML, in bytes (for progress).
    var xmlBytes: Int
    /// The INSERTs into `article` and its child tables.
    var operations: RowOperations

    /// For a row whose original goes into a chunk (`chunked`): its XML, until the chunk is built.
    var originalXML: String?
    /// For a chunked row: its search texts as they go into the chunk after its XML
    /// (`PackedSearchText.chunkText`), until the chunk is built; nil when it has none.
    var chunkText: (present: UInt8, bytes: [UInt8])?
    /// Where the original is in its chunk: set by `ArticleRow.packOriginals(_:)`.
    var chunkPlace: (offset: Int, length: Int)?
    /// Where the search texts are in the chunk (right after the original), and which are present.
    var textPlace: (offset: Int, length: Int, present: UInt8)?
    /// The compressed chunk that starts at this row, which the writer stores before the row.
    var chunk: Data?

    /// Where a chunked original lies: the chunk's id and the byte range in its decompressed XML.
    struct ChunkSlice {
        var chunkID: Int64
        var offset: Int
        var length: Int
        /// The article's `search_text`, a reference into the same chunk; nil for no texts.
        var searchText: PackedSearchText.Reference?
    }

    /// The most records, and uncompressed bytes, one chunk of originals holds.
    ///
    /// 16 since `perf-8-search-text-in-chunks`: reading a hit's text inflates its chunk up to
    /// the text, half a chunk on average (about 0.5 ms at 32 records of gen_pubmed, 0.25 ms at
    /// 16), and with the preset dictionary smaller chunks cost little space (+1% at 16).
    static let chunkRecords = 16
    static let chunkBytes = 256 * 1024
    /// The zlib level of chunks. Deflate was about 45% of the parsing thread's time at level 6;
    /// level 3 (zlib's fast strategy) takes half that for chunks about a fifth larger. Level 4
    /// since the search texts moved into the chunks (no more per-record deflate of them): 7-8%
    /// smaller chunks.
    static let chunkLevel: Int32 = 4

    /// Makes the row of `record`. With `chunked`, the original and the search texts are left
    /// for `packOriginals(_:)` (`original_xml` = X'', and `search_text` a reference into the
    /// chunk, bound by the writer); otherwise both are compressed on their own.
    ///
    /// `textEncoder` packs the search texts of an unchunked row (`PackedSearchText`); pass one
    /// per thread to reuse it.
    init(_ record: PubMedRecord, chunked: Bool = false, textEncoder: PackedSearchText.Encoder = PackedSearchText.Encoder()) throws {
        pmid = record.pmid
        version = record.version
        xmlBytes = record.originalXML.utf8.count
        if chunked {
            originalXML = record.originalXML
            (operations, chunkText) = try ArticleRow.encode(record, compressedXML: Data(), textEncoder: nil)
        } else {
            let compressedXML = try RecordCompression.compress(record.originalXML)
            operations = try ArticleRow.encode(record, compressedXML: compressedXML, textEncoder: textEncoder).operations
        }
    }

    /// Packs the originals of the chunked rows among `items`, in order, into chunks of at most
    /// `chunkRecords` records and `chunkBytes` bytes of XML: each chunk's first row carries the
    /// compressed chunk, and every row its place in it. Each record's search texts follow its
    /// XML (`[xml 1][texts 1][xml 2][texts 2]…`): deflate finds most of them as back-references
    /// into the XML just before, so they cost a fraction of packing them on their own.
    ///
    /// Chunks are cut to fill the table's leaf pages (`ChunkPageFill`, which `pages` carries
    /// from batch to batch); the records of a chunk are consecutive chunked rows.
    static func packOriginals(_ items: inout [IngestItem], pages: inout ChunkPageFill) throws {
        var pending: [Int] = []
        var sizes: [Int] = []
        for index in items.indices {
            guard case .row(let row) = items[index], let original = row.originalXML else { continue }
            pending.append(index)
            sizes.append(original.utf8.count + (row.chunkText?.bytes.count ?? 0))
        }
        var xml: [UInt8] = []
        /// Concatenates the originals and texts of `pending[range]` into `xml`.
        func gather(_ range: Range<Int>) {
            xml.removeAll(keepingCapacity: true)
            for position in range {
                guard case .row(let row) = items[pending[position]], let original = row.originalXML else { continue }
                xml.append(contentsOf: original.utf8)
                if let text = row.chunkText { xml.append(contentsOf: text.bytes) }
            }
        }
        func compress() throws -> Data {
            try xml.withUnsafeBufferPointer { try RecordCompression.compress(bytes: $0, level: chunkLevel) }
        }
        var start = 0
        while start < pending.count {
            // The longest run of records predicted to fit the leaf (checked from the longest).
            var candidates: [Int] = []
            var raw = 0
            for end in (start + 1)...min(pending.count, start + chunkRecords) {
                if end > start + 1, raw + sizes[end - 1] > chunkBytes { break }
                raw += sizes[end - 1]
                candidates.append(raw)
            }
            var count = candidates.count
            while count > 1, !pages.fitsPredicted(pages.predicted(raw: candidates[count - 1], records: count)) { count -= 1 }
            if count == 1, !pages.isFreshPage, !pages.fitsPredicted(pages.predicted(raw: candidates[0], records: 1)) {
                pages.startPage()
                continue
            }
            var end = start + count
            raw = candidates[count - 1]
            gather(start..<end)
            var compressed = try compress()
            // Not fitting after all: again with fewer records, as many as this chunk's own ratio
            // predicts to fit (one fewer at least).
            while !pages.fits(compressed.count), end - start > 1 {
                // Split over overflow pages anyway and only too large for what is left of this
                // leaf: it goes to the next leaf as it is, which costs less than deflating again.
                if ChunkPageFill.payload(blob: compressed.count) > ChunkPageFill.maxLocal,
                   ChunkPageFill.leafBytes(compressed.count) != nil, !pages.isFreshPage {
                    pages.startPage()
                    break
                }
                let ratio = Double(compressed.count) / Double(raw)
                end -= 1
                while end - start > 1, !pages.fits(Int(Double(candidates[end - start - 1]) * ratio * 1.01) + 8) { end -= 1 }
                raw = candidates[end - start - 1]
                gather(start..<end)
                compressed = try compress()
            }
            if !pages.fits(compressed.count), !pages.isFreshPage {
                // One record that does not fit what is left of the leaf: it starts the next
                // one, with as many records as fit there.
                pages.startPage()
                continue
            }
            pages.place(compressed: compressed.count, raw: raw)
            // Places of each record's XML and texts in the chunk.
            var offset = 0
            for position in start..<end {
                let index = pending[position]
                guard case .row(var row) = items[index], let original = row.originalXML else { continue }
                let length = original.utf8.count
                row.chunkPlace = (offset, length)
                offset += length
                row.originalXML = nil
                if let text = row.chunkText {
                    row.textPlace = (offset, text.bytes.count, text.present)
                    offset += text.bytes.count
                    row.chunkText = nil
                }
                if position == start { row.chunk = compressed }
                items[index] = .row(row)
            }
            start = end
        }
    }

    /// `packOriginals(_:pages:)` for one batch on its own, starting on an empty leaf.
    static func packOriginals(_ items: inout [IngestItem]) throws {
        var pages = ChunkPageFill()
        try packOriginals(&items, pages: &pages)
    }

    /// Encodes the rows of `record` for every table, with `search_text` packed by
    /// `textEncoder`, or, without one, left NULL and the texts returned for the chunk.
    private static func encode(_ record: PubMedRecord, compressedXML: Data, textEncoder: PackedSearchText.Encoder?) throws
        -> (operations: RowOperations, chunkText: (present: UInt8, bytes: [UInt8])?) {
        var rows = RowOperations()
        let pmid = record.pmid.value
        let month = record.pubDate?.monthNumber ?? record.pubDate?.medlineDate.flatMap(ArticleRow.firstMonth(in:))
        let day = record.pubDate?.day.flatMap { Int($0) }.flatMap { (1...31).contains($0) ? $0 : nil }
        let displayed = record.authors.map(\.displayName).filter { !$0.isEmpty }
        let journal = record.journal

        rows.begin(.article)
        rows.add(pmid)
        rows.add(Int64(record.version))
        rows.add(record.kind.rawValue)
        rows.add(record.status)
        rows.add(record.owner)
        rows.add(record.title)
        rows.add(record.vernacularTitle)
        let searchTexts = [
            record.abstractText,
            joined(record.mesh.flatMap { heading in
                [heading.descriptor] + heading.qualifiers.map { "\(heading.descriptor)/\($0.name)" }
            }),
            joined(record.keywords.map(\.text)),
            joined(displayed),
        ]
        var chunkText: (present: UInt8, bytes: [UInt8])?
        if let textEncoder {
            rows.add(try textEncoder.pack(searchTexts))
        } else {
            chunkText = PackedSearchText.chunkText(searchTexts)
            rows.add(nil as Data?)
        }
        rows.add(journal?.title)
        rows.add(journal?.isoAbbreviation)
        rows.add(record.journalInfo?.medlineTA)
        rows.add(journal?.issn)
        rows.add(journal?.volume)
        rows.add(journal?.issue)
        rows.add(record.year)
        rows.add(month)
        rows.add(day)
        rows.add(record.pubDate?.printed)
        rows.add(record.year.map { isoDate(year: $0, month: month ?? 1, day: month == nil ? 1 : (day ?? 1)) })
        rows.add(record.pagination?.expandedPages)
        rows.add(record.doi?.value)
        rows.add(record.pmcid)
        rows.add(displayed.first)
        rows.add(displayed.count > 1 ? displayed.last : nil)
        rows.add(record.isRetracted)
        rows.add(compressedXML)

        rows.begin(.fts)
        rows.add(pmid)
        rows.add(record.title)
        for text in searchTexts { rows.add(text) }

        for (position, author) in record.authors.enumerated() {
            rows.begin(.author)
            rows.add(pmid)
            rows.add(Int64(position))
            rows.add(author.lastName)
            rows.add(author.foreName)
            rows.add(author.initials)
            rows.add(author.suffix)
            rows.add(author.collectiveName)
            rows.add(author.orcid)
            rows.add(author.valid)
            rows.add(searchName(of: author))
        }
        for (position, heading) in record.mesh.enumerated() {
            rows.begin(.meshHeading)
            rows.add(pmid)
            rows.add(Int64(position))
            rows.add(heading.descriptor)
            rows.add(heading.ui)
            rows.add(heading.major)
            rows.add(heading.isMajorTopic)
            rows.add(TextFolding.fold(heading.descriptor))
            for (index, qualifier) in heading.qualifiers.enumerated() {
                rows.begin(.meshQualifier)
                rows.add(pmid)
                rows.add(Int64(position))
                rows.add(Int64(index))
                rows.add(qualifier.name)
                rows.add(qualifier.ui)
                rows.add(qualifier.major)
            }
        }
        for (position, type) in record.publicationTypes.enumerated() {
            rows.begin(.publicationType)
            rows.add(pmid)
            rows.add(Int64(position))
            rows.add(type.name)
            rows.add(type.ui)
        }
        for (position, code) in record.languages.enumerated() {
            rows.begin(.language)
            rows.add(pmid)
            rows.add(Int64(position))
            rows.add(code)
        }
        // Only DOIs, which `[doi]` searches; the other ids stay in the original (`perf-3-lean-tables`),
        // and a DOI equal to `article.doi`, which `[doi]` finds there (`perf-6-lean-identifiers`).
        let identifiers = record.articleIDs.map { ($0.type, $0.value) }
            + record.eLocationIDs.map { ("elocation:\($0.type)", $0.value) }
        let storedDOI = record.doi?.value
        for (position, identifier) in identifiers.enumerated()
        where (identifier.0 == "doi" || identifier.0 == "elocation:doi") && identifier.1 != storedDOI {
            rows.begin(.identifier)
            rows.add(pmid)
            rows.add(Int64(position))
            rows.add(identifier.0)
            rows.add(identifier.1)
        }
        for (position, entry) in record.commentsCorrections.enumerated() {
            rows.begin(.commentCorrection)
            rows.add(pmid)
            rows.add(Int64(position))
            rows.add(entry.type)
            rows.add(entry.pmid.map { Int($0.value) })
            rows.add(entry.refSource)
        }
        rows.finish()
        return (rows, chunkText)
    }

    private static func joined(_ parts: [String]) -> String? {
        parts.isEmpty ? nil : parts.joined(separator: "; ")
    }

    /// `YYYY-MM-DD`, or `YYYY-MM` / `YYYY` when `day` / `month` are nil; without `String(format:)`,
    /// which costs more than the rest of the row on a bulk ingest.
    static func isoDate(year: Int, month: Int?, day: Int?) -> String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
        }
        var text = pad(year, 4)
        if let month {
            text += "-" + pad(month, 2)
            if let day { text += "-" + pad(day, 2) }
        }
        return text
    }

    /// The folded, lower-case `last initials` of a person, or the folded collective name.
    static func searchName(of author: Author) -> String {
        if let collective = author.collectiveName, author.lastName == nil {
            return TextFolding.fold(collective)
        }
        let name = [author.lastName, author.initials].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
        return TextFolding.fold(name.isEmpty ? (author.collectiveName ?? "") : name)
    }


    /// The first month name after a year in a MedlineDate such as `1998 Dec-1999 Jan`.
    private static func firstMonth(in medlineDate: String) -> Int? {
        for word in medlineDate.split(whereSeparator: { !$0.isLetter }) {
            if let month = PubDate.monthNumber(forName: String(word)) { return month }
        }
        return nil
    }
}
