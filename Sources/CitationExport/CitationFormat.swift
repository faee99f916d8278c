/// An export format, with the file name it takes in a bundle.
public enum CitationFormat: String, CaseIterable, Sendable, Codable {
    case ris
    case bibtex
    case cslJSON = "csl-json"
    case medline
    case csv
    case markdown

    /// The bundle file name (`citations.ris`…); Markdown gets one file per style.
    public func fileName(style: ReferenceStyle = .vancouver) -> String {
        switch self {
        case .ris: return "citations.ris"
        case .bibtex: return "citations.bib"
        case .cslJSON: return "citations.json"
        case .medline: return "citations.nbib"
        case .csv: return "evidence.csv"
        case .markdown: return "references-\(style.rawValue).md"
        }
    }

    /// Renders `items` in this format. Markdown uses `style`; the others ignore it.
    public func render(_ items: [ExportItem], style: ReferenceStyle = .vancouver) -> String {
        render(ExportCollection(items, withKeys: usesKeys), style: style)
    }

    /// Whether the format needs the records' BibTeX keys.
    var usesKeys: Bool { self == .bibtex || self == .cslJSON }

    /// Renders a collection prepared once for several formats.
    func render(_ collection: ExportCollection, style: ReferenceStyle = .vancouver) -> String {
        switch self {
        case .ris: return RISFormat.render(collection)
        case .bibtex: return BibTeXFormat.render(collection)
        case .cslJSON: return CSLJSONFormat.render(collection)
        case .medline: return MedlineFormat.render(collection)
        case .csv: return EvidenceTableCSV.render(collection.items)
        case .markdown: return ReferenceList.render(collection, style: style)
        }
    }
}
