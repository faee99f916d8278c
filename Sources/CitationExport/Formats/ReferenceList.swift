import PubMed

/// A Markdown reference list, rendered by this module in Vancouver or APA 7 style.
///
/// Vancouver (NLM *Citing Medicine*): numbered in export order; `Daly EJ, Trivedi MH, …` with
/// the first six authors then `et al.`; title; NLM journal abbreviation; `2019 Sep;76(9):893-903`;
/// DOI and PMID. APA 7: alphabetical by author then year; `Daly, E. J., Trivedi, M. H., & …`
/// with up to 20 authors (then the first 19, an ellipsis and the last); `(2019)`; title; journal
/// and volume in italics; pages with an en dash, expanded; `https://doi.org/…` or the PubMed URL.
/// Markdown's special characters in data are backslash-escaped.
public enum ReferenceList {
    /// Renders the distinct records of `items` as a Markdown list with a heading.
    public static func render(_ items: [ExportItem], style: ReferenceStyle) -> String {
        render(ExportCollection(items, withKeys: false), style: style)
    }

    /// Renders the distinct records of a collection as a Markdown list with a heading.
    static func render(_ collection: ExportCollection, style: ReferenceStyle) -> String {
        let records = collection.records
        var output = "# References\n\n"
        output.reserveCapacity(records.count * 400)
        switch style {
        case .vancouver:
            output += ParallelRendering.render(count: records.count) { range in
                range.map { "\($0 + 1). " + vancouver(records[$0]) + "\n" }.joined()
            }
        case .apa:
            // Sort keys are computed once per record, not per comparison; the positions are
            // sorted, not the records (copying a record costs a retain per field).
            let keys = records.map(apaSortKey)
            let order = records.indices.sorted { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : $0 < $1 }
            output += ParallelRendering.render(count: order.count) { range in
                range.map { "- " + apa(records[order[$0]]) + "\n" }.joined()
            }
        }
        return output
    }

    /// Escapes Markdown's inline syntax characters.
    static func markdown(_ text: String) -> String {
        let clean = text.collapsingWhitespace
        // ASCII text byte by byte (each byte is one character there).
        if clean.utf8.allSatisfy({ $0 < 0x80 }) {
            guard clean.utf8.contains(where: { markdownSpecial[Int($0)] }) else { return clean }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(clean.utf8.count + 8)
            for byte in clean.utf8 {
                if markdownSpecial[Int(byte)] { bytes.append(0x5C) }
                bytes.append(byte)
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for character in clean {
            switch character {
            case "\\", "*", "_", "`", "[", "]", "<", ">", "#", "|", "~", "$":
                output.append("\\")
                output.append(character)
            default:
                output.append(character)
            }
        }
        return output
    }

    /// The ASCII bytes `markdown(_:)` escapes.
    private static let markdownSpecial: [Bool] = (0..<128).map { "\\*_`[]<>#|~$".utf8.contains(UInt8($0)) }

    /// Appends `.` unless the text already ends with a sentence mark.
    static func sentence(_ text: String) -> String {
        guard let last = text.last else { return text }
        return ".?!".contains(last) ? text : text + "."
    }
}
