import Foundation
import Testing
@testable import EvidenceStore

@Suite("The fold FTS5 tokenizer")
struct FoldTokenizerTests {
    /// A table with the schema's tokenizer and one row per document.
    private func index(_ documents: [String]) throws -> Database {
        let database = try Database(path: ":memory:")
        try database.execute("CREATE VIRTUAL TABLE doc USING fts5(body, tokenize='porter fold unicode61 remove_diacritics 2')")
        for (offset, document) in documents.enumerated() {
            try database.execute("INSERT INTO doc(rowid, body) VALUES (?, ?)", arguments: [offset + 1, document])
        }
        return database
    }

    private func matches(_ database: Database, _ query: String) throws -> [Int] {
        try database.query("SELECT rowid FROM doc WHERE doc MATCH ? ORDER BY rowid", arguments: [query]) { $0.int(0) }
    }

    @Test("a folded query finds the original spelling, and the original finds the folded", arguments: [
        ("Müller", "muller"), ("Muller", "müller"),
        ("Østergaard", "ostergaard"), ("Ostergaard", "østergaard"), ("ØSTERGAARD", "Ostergaard"),
        ("Åsberg", "asberg"), ("Asberg", "åsberg"),
        ("Łukasz", "lukasz"), ("Lukasz", "łukasz"),
        ("Straße", "strasse"), ("STRASSE", "straße"),
        ("Yıldız", "yildiz"), ("Ærøskøbing", "aeroskobing"), ("Œuvre", "oeuvre"),
        ("Đorđević", "dordevic"), ("Guðrún", "gudrun"), ("Þórsson", "thorsson"),
        ("José", "jose"), ("Dvořák", "dvorak"),
    ])
    func folding(document: String, query: String) throws {
        let database = try index([document, "unrelated text"])
        #expect(try matches(database, query) == [1])
    }

    @Test("a hyphenated term matches as a phrase, quoted with or without the hyphen")
    func hyphenated() throws {
        let database = try index([
            "Ketamine for treatment-resistant depression",
            "treatment of resistant strains",
            "resistant to treatment",
        ])
        #expect(try matches(database, "\"treatment resistant\"") == [1])
        #expect(try matches(database, "\"treatment-resistant\"") == [1])
        #expect(try matches(database, "treatment AND resistant") == [1, 2, 3])
    }

    @Test("porter stemming still applies after folding")
    func stemming() throws {
        let database = try index(["Østergaard's trials were randomized", "a trial"])
        #expect(try matches(database, "trial") == [1, 2])
        #expect(try matches(database, "randomize") == [1])
    }

    @Test("highlight marks the original text, not the folded token")
    func offsetsKept() throws {
        let database = try index(["Studies by Østergaard and Łukasz in Straße"])
        let marked = try database.scalarString(
            "SELECT highlight(doc, 0, '[', ']') FROM doc WHERE doc MATCH ?", arguments: ["ostergaard OR lukasz OR strasse"])
        #expect(marked == "Studies by [Østergaard] and [Łukasz] in [Straße]")
    }

    @Test("fold wraps whatever tokenizer it is given")
    func wrapsOtherTokenizers() throws {
        let database = try Database(path: ":memory:")
        try database.execute("CREATE VIRTUAL TABLE doc USING fts5(body, tokenize='fold ascii')")
        try database.execute("INSERT INTO doc(rowid, body) VALUES (1, 'a-b')")
        #expect(try database.scalarInt("SELECT rowid FROM doc WHERE doc MATCH 'a'") == 1)
        #expect(throws: DatabaseError.self) {
            try database.execute("CREATE VIRTUAL TABLE bad USING fts5(body, tokenize='fold no_such_tokenizer')")
        }
    }
}
