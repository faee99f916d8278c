import Foundation
import Testing
import EvidenceTestSupport
@testable import EvidenceStore

@Suite("Word vector storage")
struct ArticleStoreWordVectorsTests {
    static let build = WordVectorBuild(snapshot: "s1", dimensions: 2, records: 10, stems: 2, seconds: 1.5,
                                       builtAt: "2026-11-27T00:00:00Z")
    static let rows = [
        WordVectorRow(stem: "tumor", documentFrequency: 4, vector: Data([0, 0, 0x80, 0x3F, 0, 0, 0, 0])),
        WordVectorRow(stem: "cancer", documentFrequency: 7, vector: Data([0, 0, 0, 0, 0, 0, 0x80, 0x3F])),
    ]

    @Test("the migration creates both tables, empty")
    func migration() throws {
        let (store, directory) = try Fixture.store()
        defer { directory.remove() }
        #expect(try Migrations.appliedNames(store.database).last == "claims-2-word-vectors")
        #expect(try store.wordVectorBuild() == nil)
        #expect(try store.wordVectorRows().isEmpty)
    }

    @Test("rows and the build row round-trip; a second write replaces the first")
    func roundTrip() throws {
        let (store, directory) = try Fixture.store()
        defer { directory.remove() }
        try store.replaceWordVectors(Self.rows, build: Self.build)
        #expect(try store.wordVectorBuild() == Self.build)
        #expect(try store.wordVectorRows() == Self.rows.sorted { $0.stem < $1.stem })
        var next = Self.build
        next.snapshot = "s2"
        next.stems = 1
        let row = WordVectorRow(stem: "obes", documentFrequency: 3, vector: Data(count: 8))
        try store.replaceWordVectors([row], build: next)
        #expect(try store.wordVectorBuild() == next)
        #expect(try store.wordVectorRows() == [row])
        #expect(try store.database.scalarInt("SELECT count(*) FROM word_vector_build") == 1)
    }

    @Test("a failed write leaves the old vectors whole")
    func atomic() throws {
        let (store, directory) = try Fixture.store()
        defer { directory.remove() }
        try store.replaceWordVectors(Self.rows, build: Self.build)
        var next = Self.build
        next.snapshot = "s2"
        let duplicate = WordVectorRow(stem: "same", documentFrequency: 3, vector: Data(count: 8))
        #expect(throws: (any Error).self) { try store.replaceWordVectors([duplicate, duplicate], build: next) }
        #expect(try store.wordVectorBuild() == Self.build)
        #expect(try store.wordVectorRows() == Self.rows.sorted { $0.stem < $1.stem })
    }
}
