import PubMed

/// BibTeX entries that classic BibTeX, biber/biblatex, bibtexparser and pandoc all read.
///
/// - `@article` for journal articles, `@book` for a whole book, `@incollection` for a chapter.
/// - Keys come from `BibTeXKey` and are unique within the file.
/// - Text is LaTeX-escaped (`LaTeXEscaping`); collective authors are double-braced so they stay
///   one name (`{{Esketamine Study Group}}`); acronyms and, in sentence-case titles, proper
///   nouns are braced so styles that re-case titles keep them (`{TRD}`, `{Parkinson}`).
/// - `pages = {148--152}` with MEDLINE's abbreviated end page expanded; `doi` has no resolver
///   prefix; `month` is a standard three-letter macro (`feb`).
/// - Extra fields: `pmid` (also as biblatex `eprint` with `eprinttype = {pubmed}`), `pmcid`, `issn`, `keywords`, `abstract`, `language`, `url`.
public enum BibTeXFormat {
    /// Renders the distinct records of `items`.
    public static func render(_ items: [ExportItem]) -> String {
        render(ExportCollection(items, withKeys: true))
    }

    /// Renders the distinct records of a collection, with its keys.
    static func render(_ collection: ExportCollection) -> String {
        let records = collection.records, keys = collection.keys
        return ParallelRendering.render(count: records.count, bytesPerElement: 2_000) { index, output in
            if index > 0 { output += "\n" }
            append(records[index], key: keys[index], abstract: collection.abstract(index), terms: collection.subjectTerms(index), to: &output)
        }
    }

    /// The entry type of a record.
    public static func entryType(of record: PubMedRecord) -> String {
        if record.kind == .book { return record.isBookChapter ? "incollection" : "book" }
        return "article"
    }

    static func append(_ record: PubMedRecord, key: String, abstract: String?, terms: [String], to output: inout String) {
        let type = entryType(of: record)
        output += "@\(type){\(key),\n"
        func field(_ name: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            output += "  "
            output += name
            output += " = {"
            output += value
            output += "},\n"
        }
        func text(_ name: String, _ value: String?) {
            field(name, value.map { LaTeXEscaping.escape($0.collapsingWhitespace) })
        }
        if !record.authors.isEmpty { field("author", names(record.authors)) }
        if let editors = record.book?.editors, !editors.isEmpty { field("editor", names(editors)) }
        field("title", record.citationTitle.map(protectedTitle))
        switch type {
        case "article":
            text("journal", record.journalTitle)
            text("shortjournal", record.journalAbbreviation)
            text("volume", record.journal?.volume)
            text("number", record.journal?.issue)
        case "incollection":
            field("booktitle", record.book?.bookTitle.map(protectedTitle))
        default:
            break
        }
        if let book = record.book {
            text("series", book.collectionTitle)
            text("edition", book.edition)
            if type != "article" { text("volume", book.volume) }
            text("publisher", book.publisherName)
            text("address", book.publisherLocation)
        }
        if let year = record.year { field("year", String(year)) }
        if let month = record.citationMonth {
            output += "  month = \(monthMacros[month - 1]),\n"
        }
        if let pages = PageRange.ranges(of: record).formatted(separator: "--") { text("pages", pages) }
        if let vernacular = record.vernacularTitle { text("origtitle", vernacular) }
        text("issn", record.citationISSN)
        if !record.isbns.isEmpty { text("isbn", record.isbns.joined(separator: ", ")) }
        field("doi", record.doi.map { escapeVerbatim($0.value) })
        field("pmid", record.pmid.description)
        // biblatex's standard form for a PubMed id, which biber keeps and styles link.
        field("eprint", record.pmid.description)
        field("eprinttype", "pubmed")
        text("pmcid", record.pmcid)
        field("url", record.pubMedURL)
        text("language", record.languages.first)
        if !terms.isEmpty { text("keywords", terms.joined(separator: ", ")) }
        text("abstract", abstract)
        output += "}\n"
    }

    /// `Last, First and {{Group}} and …`.
    static func names(_ authors: [Author]) -> String {
        authors.compactMap { author -> String? in
            if author.isCollective, let group = author.collectiveName {
                return "{{" + LaTeXEscaping.escape(group.collapsingWhitespace) + "}}"
            }
            guard let last = author.lastName?.nilIfEmpty else { return nil }
            var name = braceIfNeeded(LaTeXEscaping.escape(last))
            if let suffix = author.suffix?.nilIfEmpty { name += ", " + LaTeXEscaping.escape(suffix) }
            if let fore = author.foreName?.nilIfEmpty ?? author.citationInitials.map(spacedInitials) {
                name += ", " + LaTeXEscaping.escape(fore)
            } else if author.suffix?.nilIfEmpty != nil {
                name += ", "
            }
            return name
        }.joined(separator: " and ")
    }

    /// Family names holding `and` or a comma would split; brace them.
    private static func braceIfNeeded(_ name: String) -> String {
        // Either test can only pass when the bytes hold a comma or " and " in some ASCII case
        // (only ASCII letters lower-case to a, n, d): most names skip the Unicode work.
        guard mayNeedBraces(name) else { return name }
        let lower = name.lowercased()
        if lower.contains(" and ") || name.contains(",") { return "{" + name + "}" }
        return name
    }

    /// Whether `name`'s UTF-8 holds a comma or ` and ` in any ASCII case.
    static func mayNeedBraces(_ name: String) -> Bool {
        var utf8 = name
        return utf8.withUTF8 { bytes in
            guard bytes.count >= 1 else { return false }
            for index in 0..<bytes.count {
                let byte = bytes[index]
                if byte == 0x2C { return true }
                if byte == 0x20, index + 4 < bytes.count, bytes[index + 4] == 0x20,
                   bytes[index + 1] | 0x20 == 0x61, bytes[index + 2] | 0x20 == 0x6E, bytes[index + 3] | 0x20 == 0x64 {
                    return true
                }
            }
            return false
        }
    }

    /// `EJ` → `E. J.`
    static func spacedInitials(_ initials: String) -> String {
        initials.map { "\($0)." }.joined(separator: " ")
    }

    /// DOIs are typeset verbatim by most styles; only braces and `%` need care, and the file must stay balanced.
    static func escapeVerbatim(_ text: String) -> String {
        var output = ""
        for character in text {
            switch character {
            case "{", "}", "\\": continue
            case "%": output += "\\%"
            default: output.append(character)
            }
        }
        return output
    }

    static let monthMacros = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
}
