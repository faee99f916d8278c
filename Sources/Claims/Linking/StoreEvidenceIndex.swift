import EvidenceStore
import Foundation
import PubMed

/// Evidence retrieval over the store's SQLite index: FTS5 `bm25()` over `article_fts`,
/// then the candidates' titles, abstracts, publication types, MeSH and retraction status.
///
/// All SQL is parameterised; the MATCH expression is built by `EvidenceQuery` from
/// `FTS5Expression.string` pieces only.
public final class StoreEvidenceIndex: EvidenceIndex {
    /// The store.
    public let store: ArticleStore
    /// bm25 column weights for title, abstract, MeSH, keywords and authors.
    public var columnWeights: [Double] = [2.0, 1.0, 1.0, 1.0, 0.0]
    private var frequencyCache: [String: Int] = [:]
    private var totalCache: Int?
    /// Components of the word vectors `wordVectors()` loads or builds.
    public var wordVectorDimensions = 100
    let wordVectorCache = WordVectorCache()

    /// Evidence from `store`.
    public init(store: ArticleStore) {
        self.store = store
    }

    public func search(ftsExpression: String, limit: Int) throws -> [EvidenceRecord] {
        let weights = columnWeights.map { String($0) }.joined(separator: ", ")
        let hits: [(Int64, Double)]
        do {
            hits = try store.database.query(
                "SELECT rowid, bm25(article_fts, \(weights)) AS score FROM article_fts WHERE article_fts MATCH ? ORDER BY score LIMIT ?",
                arguments: [ftsExpression, Int64(limit)]) { ($0.int64(0), -$0.double(1)) }
        } catch {
            throw ClaimsError.index("search failed: \(error)")
        }
        return try records(hits)
    }

    /// The records for `hits` (PMID, score), in the given order.
    public func records(_ hits: [(Int64, Double)]) throws -> [EvidenceRecord] {
        guard !hits.isEmpty else { return [] }
        let placeholders = Array(repeating: "?", count: hits.count).joined(separator: ",")
        let ids: [any DatabaseBindable] = hits.map { $0.0 }
        var byPMID: [Int64: EvidenceRecord] = [:]
        _ = try store.database.query(
            "SELECT pmid, title, abstract, pub_year, is_retracted FROM article WHERE pmid IN (\(placeholders))",
            arguments: ids) { row in
                let pmid = row.int64(0)
                byPMID[pmid] = EvidenceRecord(pmid: PMID(pmid), title: row.string(1) ?? "", abstract: row.string(2) ?? "",
                                              year: row.optionalInt(3), isRetracted: row.bool(4))
            }
        _ = try store.database.query(
            "SELECT pmid, name FROM publication_type WHERE pmid IN (\(placeholders)) ORDER BY pmid, position",
            arguments: ids) { row in byPMID[row.int64(0)]?.publicationTypes.append(row.string(1) ?? "") }
        _ = try store.database.query(
            "SELECT pmid, descriptor FROM mesh_heading WHERE pmid IN (\(placeholders)) ORDER BY pmid, position",
            arguments: ids) { row in byPMID[row.int64(0)]?.meshTerms.append(row.string(1) ?? "") }
        _ = try store.database.query(
            "SELECT pmid FROM comment_correction WHERE pmid IN (\(placeholders)) AND type = 'RetractionIn'",
            arguments: ids) { row in byPMID[row.int64(0)]?.isRetracted = true }
        return hits.compactMap { hit in
            guard var record = byPMID[hit.0] else { return nil }
            record.retrievalScore = hit.1
            return record
        }
    }

    public func documentFrequencies(of stems: Set<String>) throws -> (frequencies: [String: Int], total: Int) {
        if totalCache == nil {
            totalCache = Int(try store.database.scalarInt("SELECT count(*) FROM article") ?? 0)
        }
        var result: [String: Int] = [:]
        for stem in stems {
            if let cached = frequencyCache[stem] { result[stem] = cached; continue }
            let count = Int(try store.database.scalarInt("SELECT doc FROM article_fts_vocab WHERE term = ?", arguments: [stem]) ?? 0)
            frequencyCache[stem] = count
            result[stem] = count
        }
        return (result, totalCache ?? 0)
    }

    public func snapshotID() throws -> String { try store.snapshotID }
}
