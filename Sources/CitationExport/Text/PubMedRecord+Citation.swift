import Foundation
import PubMed

/// What every citation format needs from a record, derived the same way everywhere.
extension PubMedRecord {
    /// Whether the record is a chapter (a `PubmedBookArticle` with its own title inside a book).
    public var isBookChapter: Bool {
        guard kind == .book, let book else { return false }
        if let chapter = book.chapterTitle, !chapter.isEmpty, chapter != book.bookTitle { return true }
        return false
    }

    /// The title to cite: the article's, the chapter's, or the book's; trailing white space removed.
    public var citationTitle: String? {
        let text = title ?? book?.chapterTitle ?? book?.bookTitle
        return text?.trimmingWhitespaceAndNewlines.nilIfEmpty
    }

    /// The title without its closing full stop (PubMed titles end with "."), for styles that add their own.
    public var citationTitleWithoutFinalPeriod: String? {
        guard var text = citationTitle else { return nil }
        if text.hasSuffix(".") && !text.hasSuffix("..") { text.removeLast() }
        return text
    }

    /// The full journal title.
    public var journalTitle: String? { journal?.title?.nilIfEmpty }

    /// The abbreviated journal title: ISO abbreviation, else the MEDLINE abbreviation.
    public var journalAbbreviation: String? {
        journal?.isoAbbreviation?.nilIfEmpty ?? journalInfo?.medlineTA?.nilIfEmpty
    }

    /// The NLM (MEDLINE) journal abbreviation used by Vancouver: `MedlineTA`, else the ISO one.
    public var nlmJournalAbbreviation: String? {
        journalInfo?.medlineTA?.nilIfEmpty ?? journal?.isoAbbreviation?.nilIfEmpty
    }

    /// The ISSN of the journal: the one in the article, else the linking ISSN.
    public var citationISSN: String? { journal?.issn?.nilIfEmpty ?? journalInfo?.issnLinking?.nilIfEmpty }

    /// The publication month (1…12), when the date gives one (a season gives none).
    public var citationMonth: Int? {
        if let month = pubDate?.monthNumber { return month }
        if pubDate?.year == nil, let date = articleDates.first { return date.month }
        return nil
    }

    /// The publication day, when the date gives one.
    public var citationDay: Int? {
        guard citationMonth != nil, let text = pubDate?.day else { return nil }
        return Int(text)
    }

    /// The abstract on one line: sections as `LABEL: text`, separated by spaces.
    public var abstractOneLine: String? {
        guard !abstract.isEmpty else { return nil }
        return abstract.map { section in
            let text = section.text.collapsingWhitespace
            if let label = section.label?.nilIfEmpty { return "\(label): \(text)" }
            return text
        }.joined(separator: " ").nilIfEmpty
    }

    /// Keywords then MeSH descriptors, each once, in order.
    public var subjectTerms: [String] {
        var seen = Set<String>()
        var terms: [String] = []
        for term in keywords.map(\.text) + mesh.map(\.descriptor) {
            let clean = term.collapsingWhitespace
            if !clean.isEmpty, seen.insert(clean.lowercased()).inserted { terms.append(clean) }
        }
        return terms
    }

    /// The record's page on PubMed.
    public var pubMedURL: String { "https://pubmed.ncbi.nlm.nih.gov/\(pmid)/" }

    /// The ISBNs of a book, when any.
    public var isbns: [String] { book?.isbns ?? [] }
}

extension Author {
    /// Whether this is a group (`CollectiveName`) rather than a person.
    public var isCollective: Bool { collectiveName?.nilIfEmpty != nil && lastName?.nilIfEmpty == nil }

    /// Initials: `Initials`, else derived from the fore name (`Ella J` → `EJ`).
    public var citationInitials: String? {
        if let initials = initials?.nilIfEmpty { return initials }
        guard let foreName = foreName?.nilIfEmpty else { return nil }
        let letters = foreName.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "." }).compactMap(\.first)
        return letters.isEmpty ? nil : String(letters).uppercased()
    }
}

extension String {
    /// `nil` for an empty string.
    var nilIfEmpty: String? { isEmpty ? nil : self }

    /// Runs of white space (including newlines) collapsed to single spaces, ends trimmed.
    ///
    /// White space is Unicode's White_Space set (ASCII blanks, NEL, no-break and typographic
    /// spaces, line and paragraph separators, ideographic space), matched on UTF-8 bytes:
    /// asking Unicode scalar properties per character is far too slow for whole abstracts.
    var collapsingWhitespace: String {
        if isEmpty { return self }
        var text = self
        return text.withUTF8 { bytes -> String? in
            if String.isCollapsed(bytes) { return nil }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count)
            var pendingSpace = false
            var index = 0
            while index < bytes.count {
                let width = String.whitespaceWidth(bytes, at: index)
                if width > 0 {
                    pendingSpace = !output.isEmpty
                    index += width
                    continue
                }
                if pendingSpace { output.append(0x20) }
                pendingSpace = false
                output.append(bytes[index])
                index += 1
            }
            return String(decoding: output, as: UTF8.self)
        } ?? self
    }

    /// Whether `bytes` hold no white space but single spaces between words (no line break,
    /// tab, run of spaces, Unicode space, or space at either end): `collapsingWhitespace`
    /// leaves such text as it is.
    ///
    /// Runs eight bytes at a time over ASCII text without control characters, where only
    /// adjacent spaces need finding; other words of eight bytes are checked byte by byte.
    static func isCollapsed(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        guard count > 0 else { return true }
        guard bytes[0] != 0x20, bytes[count - 1] != 0x20 else { return false }
        var previousSpace = false
        func isClean(at index: Int) -> Bool {
            let byte = bytes[index]
            if byte == 0x20 {
                if previousSpace { return false }
                previousSpace = true
                return true
            }
            previousSpace = false
            if byte < 0x20 { return byte < 0x09 || byte > 0x0D }
            return byte < 0xC2 || whitespaceWidth(bytes, at: index) == 0
        }
        let raw = UnsafeRawPointer(bytes.baseAddress!)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        var index = 0
        while index + 8 <= count {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            // A byte at or above 0x80, or below 0x20: look at each byte.
            if word & highs != 0 || (word &- ones &* 0x20) & ~word & highs != 0 {
                for offset in index..<(index + 8) where !isClean(at: offset) { return false }
                index += 8
                continue
            }
            // 0x80 in exactly the bytes that are spaces.
            let difference = word ^ (ones &* 0x20)
            let spaces = ~(((difference & lows) &+ lows) | difference | lows)
            if spaces & (spaces >> 8) != 0 { return false }
            if previousSpace && spaces & 0x80 != 0 { return false }
            previousSpace = spaces >> 56 != 0
            index += 8
        }
        while index < count {
            if !isClean(at: index) { return false }
            index += 1
        }
        return true
    }

    /// The byte length of the White_Space character starting at `index`, or 0.
    static func whitespaceWidth(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let byte = bytes[index]
        if byte < 0x80 { return byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) ? 1 : 0 }
        let remaining = bytes.count - index
        switch byte {
        case 0xC2 where remaining >= 2:
            return bytes[index + 1] == 0x85 || bytes[index + 1] == 0xA0 ? 2 : 0
        case 0xE1 where remaining >= 3:
            return bytes[index + 1] == 0x9A && bytes[index + 2] == 0x80 ? 3 : 0
        case 0xE2 where remaining >= 3:
            let second = bytes[index + 1], third = bytes[index + 2]
            if second == 0x80, (0x80...0x8A).contains(third) || third == 0xA8 || third == 0xA9 || third == 0xAF { return 3 }
            if second == 0x81, third == 0x9F { return 3 }
            return 0
        case 0xE3 where remaining >= 3:
            return bytes[index + 1] == 0x80 && bytes[index + 2] == 0x80 ? 3 : 0
        default:
            return 0
        }
    }
}
