import EvidenceStore
import Foundation

/// JSON and JSONL renderings of search results, with stable keys (absent values are `null`,
/// never missing). Matched terms are marked `[like this]` in `title` and `snippet`.
enum SearchResultsJSON {
    /// One hit as JSON.
    struct Hit: Encodable {
        var rank: Int
        var pmid: String
        var year: Int?
        var firstAuthor: String?
        var journal: String?
        var title: String
        var design: String
        var publicationTypes: [String]
        var doi: String?
        var score: Double?
        var snippet: String
        var query: String?
        var total: Int?

        init(_ hit: SearchHit, rank: Int, query: String? = nil, total: Int? = nil) {
            self.rank = rank
            pmid = hit.pmid.description
            year = hit.year
            firstAuthor = hit.firstAuthor
            journal = hit.journal
            title = hit.title.bracketed
            design = hit.design.rawValue
            publicationTypes = hit.publicationTypes
            doi = hit.doi
            score = hit.score.map { ($0 * 1_000_000).rounded() / 1_000_000 }
            snippet = hit.snippet.bracketed
            self.query = query
            self.total = total
        }

        enum CodingKeys: String, CodingKey {
            case rank, pmid, year, firstAuthor, journal, title, design, publicationTypes, doi, score, snippet, query, total
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(rank, forKey: .rank)
            try container.encode(pmid, forKey: .pmid)
            try container.encode(year, forKey: .year)
            try container.encode(firstAuthor, forKey: .firstAuthor)
            try container.encode(journal, forKey: .journal)
            try container.encode(title, forKey: .title)
            try container.encode(design, forKey: .design)
            try container.encode(publicationTypes, forKey: .publicationTypes)
            try container.encode(doi, forKey: .doi)
            try container.encode(score, forKey: .score)
            try container.encode(snippet, forKey: .snippet)
            if let query { try container.encode(query, forKey: .query) }
            if let total { try container.encode(total, forKey: .total) }
        }
    }

    /// The query as typed and as understood.
    struct Query: Encodable {
        var source: String
        var understood: String
    }

    /// The whole result document.
    struct Document: Encodable {
        var query: Query
        var total: Int
        var offset: Int
        var limit: Int
        var sort: String
        var ranking: String
        var hits: [Hit]
        var facets: [String: [FacetCount]]
    }

    static func encoder(pretty: Bool) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// One JSON document (pretty-printed) with query, total, hits and facets.
    static func document(_ results: SearchResults) throws -> String {
        let first = results.options.offset + 1
        var facets: [String: [FacetCount]] = [:]
        for (facet, counts) in results.facets { facets[facet.rawValue] = counts }
        let document = Document(
            query: Query(source: results.query.source, understood: results.query.description),
            total: results.total, offset: results.options.offset, limit: results.options.limit,
            sort: results.options.sort.rawValue, ranking: results.ranking.rawValue,
            hits: results.hits.enumerated().map { Hit($0.element, rank: first + $0.offset) },
            facets: facets)
        return String(decoding: try encoder(pretty: true).encode(document), as: UTF8.self) + "\n"
    }

    /// One line per hit, each carrying the query as understood and the total.
    static func lines(_ results: SearchResults) throws -> String {
        let first = results.options.offset + 1
        let encoder = encoder(pretty: false)
        return try results.hits.enumerated().map { offset, hit in
            let line = Hit(hit, rank: first + offset, query: results.query.description, total: results.total)
            return String(decoding: try encoder.encode(line), as: UTF8.self) + "\n"
        }.joined()
    }
}

/// CSV rendering of search results (RFC 4180 quoting), matched terms marked `[like this]`.
enum SearchResultsCSV {
    static let header = ["rank", "pmid", "year", "first_author", "journal", "design", "publication_types", "title", "doi", "score", "snippet"]

    /// Header row plus one row per hit.
    static func render(_ results: SearchResults) -> String {
        var rows = [header]
        let first = results.options.offset + 1
        for (offset, hit) in results.hits.enumerated() {
            rows.append([
                String(first + offset), hit.pmid.description, hit.year.map(String.init) ?? "", hit.firstAuthor ?? "",
                hit.journal ?? "", hit.design.rawValue, hit.publicationTypes.joined(separator: "; "), hit.title.bracketed,
                hit.doi ?? "", hit.score.map { String(format: "%.6f", $0) } ?? "", hit.snippet.bracketed,
            ])
        }
        return rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
