import EvidenceStore
import Foundation

/// Text rendering of `evidence similar`: the source, then each related record with why.
struct SimilarArticlesText {
    var style: TerminalStyle

    func render(_ similar: SimilarArticles) -> String {
        let table = SearchResultsTable(style: style)
        var lines = ["Records similar to PMID \(similar.source.pmid): \(TerminalStyle.fitted(similar.source.title.plain, max(20, style.width - 30)))"]
        lines.append("Salient words: " + (similar.salientTerms.isEmpty ? "none" : similar.salientTerms.joined(separator: ", ")))
        guard !similar.articles.isEmpty else { return (lines + ["No similar records found."]).joined(separator: "\n") + "\n" }
        var rows = table.table(similar.articles.map(\.hit), startingAt: 1)
        // Insert a "why" line after each hit's lines.
        var output: [String] = [rows.removeFirst()]
        var index = 0
        let indent = String(repeating: " ", count: String(similar.articles.count).count + 2)
        for row in rows {
            let startsHit = !row.hasPrefix(indent)
            if startsHit && !output.isEmpty && output.count > 1 {
                output.append(contentsOf: why(similar.articles[index - 1], indent: indent))
            }
            if startsHit { index += 1 }
            output.append(row)
        }
        if index > 0 { output.append(contentsOf: why(similar.articles[index - 1], indent: indent)) }
        return (lines + output).joined(separator: "\n") + "\n"
    }

    private func why(_ article: SimilarArticle, indent: String) -> [String] {
        var parts = [String(format: "similarity %.3f", article.similarity)]
        if !article.sharedTerms.isEmpty { parts.append("shared words: " + article.sharedTerms.joined(separator: ", ")) }
        if !article.sharedMesh.isEmpty { parts.append("shared MeSH: " + article.sharedMesh.joined(separator: "; ")) }
        return [indent + TerminalStyle.fitted(parts.joined(separator: " · "), max(20, style.width - indent.count))]
    }
}

/// JSON, JSONL and CSV renderings of `evidence similar`.
enum SimilarArticlesJSON {
    struct Article: Encodable {
        var hit: SearchResultsJSON.Hit
        var similarity: Double
        var sharedTerms: [String]
        var sharedMesh: [String]

        func encode(to encoder: Encoder) throws {
            try hit.encode(to: encoder)
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(similarity, forKey: .similarity)
            try container.encode(sharedTerms, forKey: .sharedTerms)
            try container.encode(sharedMesh, forKey: .sharedMesh)
        }

        enum Keys: String, CodingKey { case similarity, sharedTerms, sharedMesh }
    }

    struct Document: Encodable {
        var source: String
        var salientTerms: [String]
        var articles: [Article]
    }

    static func articles(_ similar: SimilarArticles) -> [Article] {
        similar.articles.enumerated().map { offset, article in
            Article(hit: SearchResultsJSON.Hit(article.hit, rank: offset + 1), similarity: article.similarity,
                    sharedTerms: article.sharedTerms, sharedMesh: article.sharedMesh)
        }
    }

    static func document(_ similar: SimilarArticles) throws -> String {
        let document = Document(source: similar.source.pmid.description, salientTerms: similar.salientTerms, articles: articles(similar))
        return String(decoding: try SearchResultsJSON.encoder(pretty: true).encode(document), as: UTF8.self) + "\n"
    }

    static func lines(_ similar: SimilarArticles) throws -> String {
        let encoder = SearchResultsJSON.encoder(pretty: false)
        return try articles(similar).map { String(decoding: try encoder.encode($0), as: UTF8.self) + "\n" }.joined()
    }

    static func csv(_ similar: SimilarArticles) -> String {
        var rows = [["rank", "pmid", "year", "first_author", "journal", "design", "title", "similarity", "shared_terms", "shared_mesh"]]
        for (offset, article) in similar.articles.enumerated() {
            let hit = article.hit
            rows.append([String(offset + 1), hit.pmid.description, hit.year.map(String.init) ?? "", hit.firstAuthor ?? "",
                         hit.journal ?? "", hit.design.rawValue, hit.title.plain, String(format: "%.3f", article.similarity),
                         article.sharedTerms.joined(separator: "; "), article.sharedMesh.joined(separator: "; ")])
        }
        return rows.map { $0.map(SearchResultsCSV.field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }
}
