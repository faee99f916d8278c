import PubMed

extension ShowCommand {
    /// A record laid out for people: citation, ids, abstract, MeSH and notes.
    static func text(of record: PubMedRecord) -> String {
        var lines: [String] = []
        var header = "PMID \(record.pmid) (version \(record.version))"
        if let status = record.status { header += " · \(status)" }
        if record.kind == .book { header += " · book" }
        if record.isRetracted { header += " · RETRACTED" }
        lines.append(header)
        lines.append(record.title ?? "(no title)")
        if let vernacular = record.vernacularTitle { lines.append("[\(vernacular)]") }
        if !record.authors.isEmpty {
            lines.append(record.authors.map(\.displayName).joined(separator: ", "))
        }
        var source: [String] = []
        if let journal = record.journal?.isoAbbreviation ?? record.journal?.title { source.append(journal + ".") }
        if let book = record.book?.bookTitle, record.kind == .book { source.append(book + ".") }
        var issue = record.pubDate?.printed ?? record.year.map(String.init) ?? ""
        if let volume = record.journal?.volume { issue += ";\(volume)" }
        if let number = record.journal?.issue { issue += "(\(number))" }
        if let pages = record.pagination?.expandedPages { issue += ":\(pages)" }
        if !issue.isEmpty { source.append(issue + ".") }
        if !source.isEmpty { lines.append(source.joined(separator: " ")) }
        var ids: [String] = []
        if let doi = record.doi { ids.append("doi: \(doi)") }
        if let pmcid = record.pmcid { ids.append("PMCID: \(pmcid)") }
        if !ids.isEmpty { lines.append(ids.joined(separator: "  ")) }
        if !record.publicationTypes.isEmpty {
            lines.append("Type: " + record.publicationTypes.map(\.name).joined(separator: "; "))
        }
        if !record.abstract.isEmpty {
            lines.append("")
            for section in record.abstract {
                if let label = section.label { lines.append("\(label): \(section.text)") } else { lines.append(section.text) }
            }
            if let copyright = record.abstractCopyright { lines.append(copyright) }
        }
        if !record.mesh.isEmpty {
            lines.append("")
            lines.append("MeSH: " + record.mesh.map { heading in
                let name = heading.isMajorTopic ? "*" + heading.descriptor : heading.descriptor
                let qualifiers = heading.qualifiers.map { ($0.major ? "*" : "") + $0.name }
                return ([name] + qualifiers).joined(separator: "/")
            }.joined(separator: "; "))
        }
        if !record.keywords.isEmpty { lines.append("Keywords: " + record.keywords.map(\.text).joined(separator: "; ")) }
        if !record.chemicals.isEmpty { lines.append("Chemicals: " + record.chemicals.map(\.name).joined(separator: "; ")) }
        for entry in record.commentsCorrections {
            var note = "\(entry.type):"
            if let source = entry.refSource { note += " \(source)" }
            if let pmid = entry.pmid { note += " (PMID \(pmid))" }
            lines.append(note)
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
