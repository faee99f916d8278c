import Foundation
import PubMed

/// APA 7th edition references.
extension ReferenceList {
    /// One APA reference.
    static func apa(_ record: PubMedRecord) -> String {
        var output = ""
        let authors = apaAuthors(record.authors)
        let date = "(" + (record.year.map(String.init) ?? "n.d.") + ")."
        let title = record.citationTitleWithoutFinalPeriod.map { sentence($0) }
        if authors.isEmpty {
            // APA moves the title into the author position when there is no author.
            output += (title.map(markdown) ?? "") + " " + date
        } else {
            output += markdown(authors) + " " + date
            if let title {
                output += " " + (record.kind == .book && !record.isBookChapter ? "*" + markdown(String(title.dropLast())) + "*." : markdown(title))
            }
        }
        if record.kind == .book {
            if record.isBookChapter, let bookTitle = record.book?.bookTitle {
                var inBook = " In "
                let editors = apaEditors(record.book?.editors ?? [])
                if !editors.isEmpty { inBook += markdown(editors) + ", " }
                inBook += "*" + markdown(bookTitle.hasSuffix(".") ? String(bookTitle.dropLast()) : bookTitle) + "*."
                output += inBook
            }
            if let publisher = record.book?.publisherName { output += " " + markdown(sentence(publisher)) }
        } else if let journal = record.journalTitle {
            var source = " *" + markdown(titleCased(journal)) + "*"
            if let volume = record.journal?.volume {
                source += ", *" + markdown(volume) + "*"
                if let issue = record.journal?.issue { source += "(" + markdown(issue) + ")" }
            }
            if let pages = PageRange.ranges(of: record).formatted(separator: "\u{2013}") {
                source += ", " + markdown(pages)
            }
            output += source + "."
        }
        if let doi = record.doi {
            output += " https://doi.org/" + markdown(doi.value)
        } else {
            output += " " + record.pubMedURL
        }
        return output
    }

    /// `Daly, E. J., Trivedi, M. H., & Singh, J. B.`; with 21 or more, the first 19, `…` and the last.
    static func apaAuthors(_ authors: [Author]) -> String {
        let names = authors.compactMap(apaName)
        switch names.count {
        case 0: return ""
        case 1: return sentenceEnd(names[0])
        case 2...20:
            return sentenceEnd(names.dropLast().joined(separator: ", ") + ", & " + names.last!)
        default:
            return sentenceEnd(names.prefix(19).joined(separator: ", ") + ", . . . " + names.last!)
        }
    }

    /// `E. J. Daly & M. H. Trivedi (Eds.)`.
    static func apaEditors(_ editors: [Author]) -> String {
        let names = editors.compactMap { editor -> String? in
            if editor.isCollective { return editor.collectiveName }
            guard let last = editor.lastName else { return nil }
            let initials = apaInitials(editor)
            return initials.isEmpty ? last : initials + " " + last
        }
        guard !names.isEmpty else { return "" }
        let joined = names.count <= 2 ? names.joined(separator: " & ") : names.dropLast().joined(separator: ", ") + ", & " + names.last!
        return joined + (names.count == 1 ? " (Ed.)" : " (Eds.)")
    }

    /// `Daly, E. J.`, `Smith, J., Jr.`, or a group name.
    static func apaName(_ author: Author) -> String? {
        if author.isCollective { return author.collectiveName?.collapsingWhitespace }
        guard let last = author.lastName?.nilIfEmpty else { return nil }
        var name = last
        let initials = apaInitials(author)
        if !initials.isEmpty { name += ", " + initials }
        if let suffix = author.suffix?.nilIfEmpty { name += ", " + (suffix.hasSuffix(".") ? suffix : suffix + ".") }
        return name
    }

    /// `Ella J` → `E. J.`; `Jean-Paul` → `J.-P.`; from `Initials` when there is no fore name.
    static func apaInitials(_ author: Author) -> String {
        if let fore = author.foreName?.nilIfEmpty {
            return fore.split(separator: " ").compactMap { part -> String? in
                let pieces = part.split(separator: "-").compactMap { $0.first(where: \.isLetter).map { "\($0.uppercased())." } }
                return pieces.isEmpty ? nil : pieces.joined(separator: "-")
            }.joined(separator: " ")
        }
        return (author.citationInitials ?? "").map { "\($0)." }.joined(separator: " ")
    }

    /// APA writes journal names in title case; PubMed's `JT` is mostly lower case
    /// (`JAMA psychiatry`). Capitals already there are kept; minor words stay lower case
    /// except first or after a colon.
    static func titleCased(_ title: String) -> String {
        var output: [String] = []
        var capitalizeNext = true
        for word in title.split(separator: " ") {
            let lower = word.lowercased()
            if capitalizeNext || !minorWords.contains(lower), let first = word.first, first.isLowercase {
                output.append(first.uppercased() + word.dropFirst())
            } else {
                output.append(String(word))
            }
            capitalizeNext = word.hasSuffix(":") || word == ":" || word.hasSuffix(".")
        }
        return output.joined(separator: " ")
    }

    static let minorWords: Set<String> = ["a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "as", "at", "by", "in", "of", "off", "on", "per", "to", "up", "via", "with", "de", "der", "und", "et"]

    static func sentenceEnd(_ text: String) -> String { text.hasSuffix(".") ? text : text + "." }

    /// Sorts by the first author's family name (or title), then year.
    static func apaSortKey(_ record: PubMedRecord) -> String {
        let first = record.authors.first.flatMap { $0.isCollective ? $0.collectiveName : $0.lastName } ?? record.citationTitle ?? ""
        let folded = first.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        return folded + " " + (record.year.map { String($0) } ?? "9999")
    }
}
