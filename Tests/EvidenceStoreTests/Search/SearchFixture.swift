import Foundation
import Testing
import EvidenceTestSupport
@testable import EvidenceStore

/// A temporary index holding `Fixtures/search-records.xml` (PMIDs 1001–1010) or other files.
final class SearchFixture {
    let directory: TemporaryDirectory
    let store: ArticleStore
    let searcher: ArticleSearcher

    init(paths: [String]? = nil) throws {
        directory = try TemporaryDirectory(prefix: "evidence-search")
        store = try ArticleStore(path: directory.path("index.sqlite"))
        let files = try paths ?? [SearchFixture.fixture("search-records.xml")]
        let report = ArticleIngester(store: store).ingest(paths: files)
        if let failure = report.files.compactMap(\.failure).first {
            throw FixtureError(description: "fixture ingest failed: \(failure)")
        }
        searcher = ArticleSearcher(database: store.database)
    }

    deinit {
        store.close()
        directory.remove()
    }

    static func fixture(_ name: String) throws -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures") else {
            throw FixtureError(description: "missing fixture \(name)")
        }
        return url.path
    }

    /// The PMIDs matching `query`, as plain integers.
    func pmids(_ query: String) throws -> Set<Int64> {
        Set(try searcher.pmids(ArticleSearcher.parse(query)).map(\.value))
    }

    /// Searches `query` as the searcher does (term impact lists allowed) and with exact ranking,
    /// and expects the same hits in the same order, the same total and the same scores (to
    /// 1e-9). Returns whether the lists settled the page (`ranking == .candidates`).
    @discardableResult
    func expectListsMatchExact(_ query: String, limit: Int, _ label: String = "",
                               sourceLocation: SourceLocation = #_sourceLocation) throws -> Bool {
        let exact = try searcher.search(query, options: SearchOptions(limit: limit, allowsCandidateRanking: false))
        let fast = try searcher.search(query, options: SearchOptions(limit: limit))
        let context = "\(query) limit \(limit) \(label) \(fast.ranking)"
        #expect(fast.hits.map(\.pmid) == exact.hits.map(\.pmid), "\(context)", sourceLocation: sourceLocation)
        #expect(fast.total == exact.total, "\(context)", sourceLocation: sourceLocation)
        for (a, b) in zip(fast.hits.compactMap(\.score), exact.hits.compactMap(\.score)) {
            #expect(abs(a - b) < 1e-9, "\(context)", sourceLocation: sourceLocation)
        }
        return fast.ranking == .candidates
    }
}

struct FixtureError: Error, CustomStringConvertible {
    var description: String
}
