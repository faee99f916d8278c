import PubMed

/// CSL-JSON, the citation data pandoc, Zotero and every CSL processor (citeproc-js, citeproc-py) read.
///
/// An array of items with `id` (the BibTeX key, so `@key` citations match across formats),
/// `type` (`article-journal`, `book` or `chapter`), `author` (`family`/`given`, or `literal`
/// for a group), `issued.date-parts` (a MEDLINE date such as `1998 Dec-1999 Jan` becomes a
/// two-date range; a season keeps the year and `season`), `container-title`,
/// `container-title-short`, `volume`, `issue`, `page` (`148-152`), `PMID`, `PMCID`, `DOI`,
/// `URL`, `abstract`, `language`, `ISSN`, `keyword` and, for books, `publisher`,
/// `publisher-place`, `ISBN`, `editor`.
public enum CSLJSONFormat {
    /// Renders the distinct records of `items` as a JSON array.
    public static func render(_ items: [ExportItem]) -> String {
        render(ExportCollection(items, withKeys: true))
    }

    /// Renders the distinct records of a collection, with its keys as ids.
    static func render(_ collection: ExportCollection) -> String {
        let records = collection.records, keys = collection.keys
        let body = ParallelRendering.render(count: records.count, bytesPerElement: 2_500) { index, output in
            output += "  "
            appendItem(records[index], id: keys[index], abstract: collection.abstract(index),
                       terms: collection.subjectTerms(index), to: &output)
            output += index == records.count - 1 ? "\n" : ",\n"
        }
        return "[\n" + body + "]\n"
    }

    /// The CSL type of a record.
    public static func itemType(of record: PubMedRecord) -> String {
        if record.kind == .book { return record.isBookChapter ? "chapter" : "book" }
        return "article-journal"
    }


    static func seasonNumber(_ season: String) -> Int? {
        switch season.lowercased().prefix(3) {
        case "spr": return 1
        case "sum": return 2
        case "fal", "aut": return 3
        case "win": return 4
        default: return nil
        }
    }
}

/// Writing CSL items straight into the output, without building a `JSONValue` tree (a test
/// checks the text against a tree-built reference), at a fraction of the allocations (no
/// array of members, no boxed values, no nested arrays per author).
extension CSLJSONFormat {
    /// Appends the item of `record` as it stands at indent 2 in the array.
    /// `abstract` and `terms` are the record's `abstractOneLine` and `subjectTerms`.
    static func appendItem(_ record: PubMedRecord, id: String, abstract: String?, terms: [String], to output: inout String) {
        var empty = true
        func key(_ name: String) {
            output += empty ? "{\n    \"" : ",\n    \""
            empty = false
            output += name
            output += "\": "
        }
        func add(_ name: String, _ value: String?) {
            if let value = value?.collapsingWhitespace, !value.isEmpty {
                key(name)
                JSONValue.writeString(value, to: &output)
            }
        }
        let type = itemType(of: record)
        add("id", id)
        add("type", type)
        add("title", record.citationTitle)
        add("original-title", record.vernacularTitle)
        if !record.authors.isEmpty {
            key("author")
            appendNames(record.authors, to: &output)
        }
        if let editors = record.book?.editors, !editors.isEmpty {
            key("editor")
            appendNames(editors, to: &output)
        }
        if let medlineDate = record.pubDate?.medlineDate, let parts = MedlineDateRange.dateParts(medlineDate) {
            key("issued")
            output += "{\n      \"date-parts\": "
            appendDateParts(parts, to: &output)
            output += "\n    }"
        } else if let year = record.year {
            var parts: [Int] = [year]
            if let month = record.citationMonth {
                parts.append(month)
                if let day = record.citationDay { parts.append(day) }
            }
            key("issued")
            output += "{\n      \"date-parts\": "
            appendDateParts([parts], to: &output)
            if let season = record.pubDate?.season, let number = seasonNumber(season) {
                output += ",\n      \"season\": "
                output += String(number)
            }
            output += "\n    }"
        }
        switch type {
        case "article-journal":
            add("container-title", record.journalTitle)
            add("container-title-short", record.journalAbbreviation)
            add("volume", record.journal?.volume)
            add("issue", record.journal?.issue)
        case "chapter":
            add("container-title", record.book?.bookTitle)
        default:
            break
        }
        if let book = record.book {
            add("collection-title", book.collectionTitle)
            add("edition", book.edition)
            if type != "article-journal" { add("volume", book.volume) }
            add("publisher", book.publisherName)
            add("publisher-place", book.publisherLocation)
            add("ISBN", book.isbns.first)
        }
        add("page", PageRange.ranges(of: record).formatted(separator: "-"))
        add("ISSN", record.citationISSN)
        add("PMID", record.pmid.description)
        add("PMCID", record.pmcid)
        add("DOI", record.doi?.value)
        add("URL", record.pubMedURL)
        add("language", record.languages.first.map(LanguageCode.bcp47))
        if !terms.isEmpty { add("keyword", terms.joined(separator: ", ")) }
        add("abstract", abstract)
        output += empty ? "{}" : "\n  }"
    }

    /// The names of `authors` at indent 4: `family`/`given`, or `literal` for a group (nameless ones left out).
    private static func appendNames(_ authors: [Author], to output: inout String) {
        var count = 0
        output += "["
        for author in authors {
            if author.isCollective, let group = author.collectiveName {
                output += count == 0 ? "\n      {\n        \"literal\": " : ",\n      {\n        \"literal\": "
                JSONValue.writeString(group.collapsingWhitespace, to: &output)
            } else if let family = author.lastName?.nilIfEmpty {
                output += count == 0 ? "\n      {\n        \"family\": " : ",\n      {\n        \"family\": "
                JSONValue.writeString(family, to: &output)
                if let given = author.foreName?.nilIfEmpty ?? author.citationInitials {
                    output += ",\n        \"given\": "
                    JSONValue.writeString(given, to: &output)
                }
                if let suffix = author.suffix?.nilIfEmpty {
                    output += ",\n        \"suffix\": "
                    JSONValue.writeString(suffix, to: &output)
                }
            } else {
                continue
            }
            output += "\n      }"
            count += 1
        }
        output += count == 0 ? "]" : "\n    ]"
    }

    /// `[[2019, 2, 24]]` laid out at indent 6, as `JSONValue` writes an array of integer arrays.
    private static func appendDateParts(_ dates: [[Int]], to output: inout String) {
        guard !dates.isEmpty else {
            output += "[]"
            return
        }
        output += "["
        for (index, date) in dates.enumerated() {
            output += index == 0 ? "\n        " : ",\n        "
            if date.isEmpty {
                output += "[]"
            } else {
                output += "["
                for (position, number) in date.enumerated() {
                    if position > 0 { output += ", " }
                    output += String(number)
                }
                output += "]"
            }
        }
        output += "\n      ]"
    }
}
