import Foundation

/// One `PubmedArticle` (or `PubmedBookArticle`) cut out of a PubMed XML file, byte for byte.
public struct PubMedXMLChunk: Sendable, Hashable {
    /// The record's PMID.
    public var pmid: UInt64
    /// The element's XML.
    public var xml: String
}

/// Cuts PubMed XML into records at the byte level (tests only; the real parser is libxml2's).
public enum PubMedXMLSplitter {
    /// The records of `xml`, in document order.
    public static func chunks(of xml: String) -> [PubMedXMLChunk] {
        var result: [PubMedXMLChunk] = []
        var rest = xml[...]
        while let open = rest.range(of: "<Pubmed") {
            let after = rest[open.upperBound...]
            let name: String
            if after.hasPrefix("Article>") || after.hasPrefix("Article ") {
                name = "PubmedArticle"
            } else if after.hasPrefix("BookArticle>") || after.hasPrefix("BookArticle ") {
                name = "PubmedBookArticle"
            } else {
                rest = after
                continue
            }
            guard let close = rest[open.lowerBound...].range(of: "</\(name)>") else { break }
            let element = rest[open.lowerBound..<close.upperBound]
            if let pmidOpen = element.range(of: "<PMID"),
               let gt = element[pmidOpen.upperBound...].firstIndex(of: ">"),
               let pmidClose = element[gt...].range(of: "</PMID>"),
               let pmid = UInt64(element[element.index(after: gt)..<pmidClose.lowerBound].trimmingCharacters(in: .whitespaces)) {
                result.append(PubMedXMLChunk(pmid: pmid, xml: String(element)))
            }
            rest = rest[close.upperBound...]
        }
        return result
    }

    /// The records of a file (`.xml`, or `.xml.gz` through `gzip -dc`).
    public static func chunks(ofFile url: URL) throws -> [PubMedXMLChunk] {
        if url.pathExtension == "gz" {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["gzip", "-dc", url.path]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return chunks(of: String(decoding: data, as: UTF8.self))
        }
        return chunks(of: try String(contentsOf: url, encoding: .utf8))
    }

    /// A minimal but well-formed synthetic record, for tests that need many.
    public static func syntheticRecord(pmid: UInt64, title: String, year: Int) -> PubMedXMLChunk {
        let xml = """
        <PubmedArticle><MedlineCitation Status="MEDLINE" Owner="NLM"><PMID Version="1">\(pmid)</PMID>\
        <Article PubModel="Print"><Journal><JournalIssue CitedMedium="Print"><PubDate><Year>\(year)</Year></PubDate>\
        </JournalIssue><Title>Synthetic Journal</Title></Journal><ArticleTitle>\(title)</ArticleTitle>\
        <Language>eng</Language></Article></MedlineCitation><PubmedData><ArticleIdList>\
        <ArticleId IdType="pubmed">\(pmid)</ArticleId></ArticleIdList></PubmedData></PubmedArticle>
        """
        return PubMedXMLChunk(pmid: pmid, xml: xml)
    }
}
