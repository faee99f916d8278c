import PubMed

/// Vancouver (NLM *Citing Medicine*) references.
extension ReferenceList {
    /// One Vancouver reference.
    static func vancouver(_ record: PubMedRecord) -> String {
        var parts: [String] = []
        let authors = vancouverAuthors(record.authors)
        if !authors.isEmpty { parts.append(markdown(sentence(authors))) }
        if let title = record.citationTitle { parts.append(markdown(sentence(title))) }
        if record.kind == .book {
            if record.isBookChapter, let bookTitle = record.book?.bookTitle {
                var inBook = "In: "
                let editors = vancouverAuthors(record.book?.editors ?? [])
                if !editors.isEmpty { inBook += editors + ", editors. " }
                parts.append(markdown(sentence(inBook + bookTitle)))
            }
            var publication = ""
            if let location = record.book?.publisherLocation { publication += location + ": " }
            if let publisher = record.book?.publisherName { publication += publisher }
            if let year = record.year { publication += (publication.isEmpty ? "" : "; ") + String(year) }
            if !publication.isEmpty { parts.append(markdown(sentence(publication))) }
        } else {
            var source = sentence(record.nlmJournalAbbreviation ?? record.journalTitle ?? "")
            var locator = record.pubDate?.printed ?? record.year.map(String.init) ?? ""
            if let volume = record.journal?.volume { locator += ";" + volume }
            if let issue = record.journal?.issue { locator += "(\(issue))" }
            if let pages = record.pagination?.medlinePgn ?? PageRange.ranges(of: record).formatted() {
                locator += ":" + pages
            }
            if !locator.isEmpty { source += " " + locator + "." }
            parts.append(markdown(source.trimmingBlanks))
        }
        if let doi = record.doi { parts.append("doi: " + markdown(doi.value) + ".") }
        parts.append("PMID: [\(record.pmid)](\(record.pubMedURL)).")
        return parts.joined(separator: " ")
    }

    /// `Daly EJ, Trivedi MH, Janik A, Li H, Zhang Y, Li X, et al` (first six, then et al.).
    static func vancouverAuthors(_ authors: [Author]) -> String {
        let names = authors.compactMap { author -> String? in
            if author.isCollective { return author.collectiveName?.collapsingWhitespace }
            guard let last = author.lastName?.nilIfEmpty else { return nil }
            return [last, author.citationInitials, author.suffix?.nilIfEmpty].compactMap { $0 }.joined(separator: " ")
        }
        if names.count > 6 { return names.prefix(6).joined(separator: ", ") + ", et al" }
        return names.joined(separator: ", ")
    }
}

import Foundation
