import Foundation
import PubMed

/// How storing one record went.
public enum UpsertOutcome: Sendable, Hashable {
    /// The PMID was new.
    case inserted
    /// An older or equal version was replaced.
    case replaced
    /// A higher version is already stored; the record was not stored.
    case skippedOlder
}

/// Writes records into the index with statements prepared once: the bulk-ingest path.
///
/// Update rules: upsert by PMID; a higher `Version` wins; at an equal version the record
/// written later wins; a lower version is skipped. A record replaces the old one in every
/// table and in the FTS index (delete, then insert). Writing a record whose PMID was
/// deleted earlier brings it back and clears the deletion.
///
/// The writer does not open transactions: callers wrap a batch (a file) in
/// `Database.transaction`.
final class ArticleWriter {
    private let database: Database
    private let selectVersion: Statement
    private let deleteArticle: Statement
    private let clearDeletion: Statement
    private let recordDeletion: Statement
    private let insertArticle: Statement
    private let insertAuthor: Statement
    private let insertAffiliation: Statement
    private let insertMeshHeading: Statement
    private let insertMeshQualifier: Statement
    private let insertPublicationType: Statement
    private let insertLanguage: Statement
    private let insertKeyword: Statement
    private let insertChemical: Statement
    private let insertIdentifier: Statement
    private let insertCommentCorrection: Statement
    private let insertGrant: Statement
    private let insertHistoryDate: Statement

    /// Whether `deleted_citation` may hold rows; while it is empty (the usual case on a fresh
    /// index), clearing a deletion mark for every record written is skipped.
    private var mayHaveDeletions: Bool

    init(database: Database) throws {
        self.database = database
        mayHaveDeletions = try database.scalarInt("SELECT 1 FROM deleted_citation LIMIT 1") != nil
        func make(_ sql: String) throws -> Statement { try database.makeStatement(sql) }
        selectVersion = try make("SELECT version FROM article WHERE pmid = ?")
        deleteArticle = try make("DELETE FROM article WHERE pmid = ?")
        clearDeletion = try make("DELETE FROM deleted_citation WHERE pmid = ?")
        recordDeletion = try make("INSERT OR REPLACE INTO deleted_citation(pmid, file_id, deleted_at) VALUES (?, ?, ?)")
        insertArticle = try make("""
            INSERT INTO article(pmid, version, kind, status, owner, title, vernacular_title, abstract, mesh_terms,
                keyword_terms, author_names, journal_title, journal_iso, journal_ta, issn, volume, issue, pub_year,
                pub_month, pub_day, pub_date, sort_date, pages, doi, pmcid, first_author, last_author, is_retracted,
                source_file_id, original_xml)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        insertAuthor = try make("""
            INSERT INTO author(pmid, position, last_name, fore_name, initials, suffix, collective_name, orcid, valid, search_name)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        insertAffiliation = try make("INSERT INTO affiliation(pmid, author_position, position, text) VALUES (?, ?, ?, ?)")
        insertMeshHeading = try make("""
            INSERT INTO mesh_heading(pmid, position, descriptor, ui, major, major_topic, search_descriptor) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        insertMeshQualifier = try make("""
            INSERT INTO mesh_qualifier(pmid, heading_position, position, name, ui, major) VALUES (?, ?, ?, ?, ?, ?)
            """)
        insertPublicationType = try make("INSERT INTO publication_type(pmid, position, name, ui) VALUES (?, ?, ?, ?)")
        insertLanguage = try make("INSERT INTO language(pmid, position, code) VALUES (?, ?, ?)")
        insertKeyword = try make("INSERT INTO keyword(pmid, position, text, major, owner) VALUES (?, ?, ?, ?, ?)")
        insertChemical = try make("INSERT INTO chemical(pmid, position, name, ui, registry_number) VALUES (?, ?, ?, ?, ?)")
        insertIdentifier = try make("INSERT INTO article_identifier(pmid, position, type, value) VALUES (?, ?, ?, ?)")
        insertCommentCorrection = try make("""
            INSERT INTO comment_correction(pmid, position, type, ref_pmid, ref_source) VALUES (?, ?, ?, ?, ?)
            """)
        insertGrant = try make("""
            INSERT INTO grant_support(pmid, position, grant_id, acronym, agency, country) VALUES (?, ?, ?, ?, ?, ?)
            """)
        insertHistoryDate = try make("INSERT INTO history_date(pmid, position, status, date) VALUES (?, ?, ?, ?)")
    }

    /// Stores `row` under the update rules, with `sourceFileID` naming the manifest row it came from.
    func write(_ row: ArticleRow, sourceFileID: Int64?) throws -> UpsertOutcome {
        let record = row.record
        let pmid = record.pmid.value
        try selectVersion.bind(integer: pmid, at: 1)
        let existing: Int64? = try selectVersion.step() ? selectVersion.int64(0) : nil
        selectVersion.reset()
        if let existing {
            if existing > Int64(record.version) { return .skippedOlder }
            try run(deleteArticle) { try $0.bind(integer: pmid, at: 1) }
        }
        if mayHaveDeletions {
            try run(clearDeletion) { try $0.bind(integer: pmid, at: 1) }
        }
        try insertArticleRow(row, sourceFileID: sourceFileID)
        try insertChildren(of: row)
        return existing == nil ? .inserted : .replaced
    }

    /// Removes `pmid` from every table and the FTS index and records the deletion; returns
    /// whether a stored record was removed.
    func delete(_ pmid: PMID, fileID: Int64?, at timestamp: String) throws -> Bool {
        mayHaveDeletions = true
        try run(deleteArticle) { try $0.bind(integer: pmid.value, at: 1) }
        let removed = database.changes > 0
        try run(recordDeletion) { statement in
            try statement.bind(integer: pmid.value, at: 1)
            try statement.bind(fileID, at: 2)
            try statement.bind(text: timestamp, at: 3)
        }
        return removed
    }

    private func run(_ statement: Statement, bind: (Statement) throws -> Void) throws {
        defer { statement.reset() }
        try bind(statement)
        try statement.step()
    }

    private func insertArticleRow(_ row: ArticleRow, sourceFileID: Int64?) throws {
        let record = row.record
        let journal = record.journal
        try run(insertArticle) { s in
            try s.bind(integer: record.pmid.value, at: 1)
            try s.bind(integer: Int64(record.version), at: 2)
            try s.bind(text: record.kind.rawValue, at: 3)
            try s.bind(text: record.status, at: 4)
            try s.bind(text: record.owner, at: 5)
            try s.bind(text: record.title, at: 6)
            try s.bind(text: record.vernacularTitle, at: 7)
            try s.bind(text: row.abstract, at: 8)
            try s.bind(text: row.meshTerms, at: 9)
            try s.bind(text: row.keywordTerms, at: 10)
            try s.bind(text: row.authorNames, at: 11)
            try s.bind(text: journal?.title, at: 12)
            try s.bind(text: journal?.isoAbbreviation, at: 13)
            try s.bind(text: record.journalInfo?.medlineTA, at: 14)
            try s.bind(text: journal?.issn, at: 15)
            try s.bind(text: journal?.volume, at: 16)
            try s.bind(text: journal?.issue, at: 17)
            try s.bind(record.year, at: 18)
            try s.bind(row.pubMonth, at: 19)
            try s.bind(row.pubDay, at: 20)
            try s.bind(text: record.pubDate?.printed, at: 21)
            try s.bind(text: row.sortDate, at: 22)
            try s.bind(text: row.pages, at: 23)
            try s.bind(text: row.doi, at: 24)
            try s.bind(text: row.pmcid, at: 25)
            try s.bind(text: row.firstAuthor, at: 26)
            try s.bind(text: row.lastAuthor, at: 27)
            try s.bind(integer: record.isRetracted ? 1 : 0, at: 28)
            try s.bind(sourceFileID, at: 29)
            try s.bind(row.compressedXML, at: 30)
        }
    }

    private func insertChildren(of row: ArticleRow) throws {
        let record = row.record
        let pmid = record.pmid.value
        for (position, author) in record.authors.enumerated() {
            try run(insertAuthor) { s in
                try s.bind(integer: pmid, at: 1)
                try s.bind(integer: Int64(position), at: 2)
                try s.bind(text: author.lastName, at: 3)
                try s.bind(text: author.foreName, at: 4)
                try s.bind(text: author.initials, at: 5)
                try s.bind(text: author.suffix, at: 6)
                try s.bind(text: author.collectiveName, at: 7)
                try s.bind(text: author.orcid, at: 8)
                try s.bind(integer: author.valid ? 1 : 0, at: 9)
                try s.bind(text: row.authorSearchNames[position], at: 10)
            }
            for (index, affiliation) in author.affiliations.enumerated() {
                try run(insertAffiliation) { s in
                    try s.bind(integer: pmid, at: 1)
                    try s.bind(integer: Int64(position), at: 2)
                    try s.bind(integer: Int64(index), at: 3)
                    try s.bind(text: affiliation, at: 4)
                }
            }
        }
        for (position, heading) in record.mesh.enumerated() {
            try run(insertMeshHeading) { s in
                try s.bind(integer: pmid, at: 1)
                try s.bind(integer: Int64(position), at: 2)
                try s.bind(text: heading.descriptor, at: 3)
                try s.bind(text: heading.ui, at: 4)
                try s.bind(integer: heading.major ? 1 : 0, at: 5)
                try s.bind(integer: heading.isMajorTopic ? 1 : 0, at: 6)
                try s.bind(text: row.meshSearchDescriptors[position], at: 7)
            }
            for (index, qualifier) in heading.qualifiers.enumerated() {
                try run(insertMeshQualifier) { s in
                    try s.bind(integer: pmid, at: 1)
                    try s.bind(integer: Int64(position), at: 2)
                    try s.bind(integer: Int64(index), at: 3)
                    try s.bind(text: qualifier.name, at: 4)
                    try s.bind(text: qualifier.ui, at: 5)
                    try s.bind(integer: qualifier.major ? 1 : 0, at: 6)
                }
            }
        }
        for (position, type) in record.publicationTypes.enumerated() {
            try run(insertPublicationType) { s in
                try s.bind(integer: pmid, at: 1)
                try s.bind(integer: Int64(position), at: 2)
                try s.bind(text: type.name, at: 3)
                try s.bind(text: type.ui, at: 4)
            }
        }
        for (position, code) in record.languages.enumerated() {
            try run(insertLanguage) { s in
                try s.bind(integer: pmid, at: 1)
                try s.bind(integer: Int64(position), at: 2)
                try s.bind(text: code, at: 3)
            }
        }
        for (position, keyword) in record.keywords.enumerated() {
            try run(insertKeyword) { s in
                try s.bind(integer: pmid, at: 1)
                try s.bind(integer: Int64(position), at: 2)
                try s.bind(text: keyword.text, at: 3)
                try s.bind(integer: keyword.major ? 1 : 0, at: 4)
                try s.bind(text: keyword.owner, at: 5)
            }
        }
        for (position, chemical) in record.chemicals.enumerated() {
            try run(insertChemical) { s in
                try s.bind(integer: pmid, at: 1)
                try s.bind(integer: Int64(position), at: 2)
                try s.bind(text: chemical.name, at: 3)
                try s.bind(text: chemical.ui, at: 4)
                try s.bind(text: chemical.registryNumber, at: 5)
            }
        }
        let identifiers = record.articleIDs.map { ($0.type, $0.value) }
            + record.eLocationIDs.map { ("elocation:\($0.type)", $0.value) }
        for (position, identifier) in identifiers.enumerated() {
            try run(insertIdentifier) { s in
                try s.bind(integer: pmid, at: 1)
                try s.bind(integer: Int64(position), at: 2)
                try s.bind(text: identifier.0, at: 3)
                try s.bind(text: identifier.1, at: 4)
            }
        }
        for (position, entry) in record.commentsCorrections.enumerated() {
            try run(insertCommentCorrection) { s in
                try s.bind(integer: pmid, at: 1)
                try s.bind(integer: Int64(position), at: 2)
                try s.bind(text: entry.type, at: 3)
                try s.bind(entry.pmid, at: 4)
                try s.bind(text: entry.refSource, at: 5)
            }
        }
        for (position, grant) in record.grants.enumerated() {
            try run(insertGrant) { s in
                try s.bind(integer: pmid, at: 1)
                try s.bind(integer: Int64(position), at: 2)
                try s.bind(text: grant.grantID, at: 3)
                try s.bind(text: grant.acronym, at: 4)
                try s.bind(text: grant.agency, at: 5)
                try s.bind(text: grant.country, at: 6)
            }
        }
        var position = 0
        for event in record.history {
            guard let year = event.year else { continue }
            let date = ArticleRow.isoDate(year: year, month: event.month, day: event.month == nil ? nil : event.day)
            try run(insertHistoryDate) { s in
                try s.bind(integer: pmid, at: 1)
                try s.bind(integer: Int64(position), at: 2)
                try s.bind(text: event.status, at: 3)
                try s.bind(text: date, at: 4)
            }
            position += 1
        }
    }
}

extension ArticleStore {
    /// Stores one record under the update rules (see `UpsertOutcome`), in its own transaction
    /// (or a savepoint of the caller's).
    @discardableResult
    public func store(_ record: PubMedRecord, sourceFileID: Int64? = nil) throws -> UpsertOutcome {
        let row = try ArticleRow(record)
        let writer = try ArticleWriter(database: database)
        return try database.transaction { try writer.write(row, sourceFileID: sourceFileID) }
    }

    /// Removes each PMID from every table and the FTS index and records it as deleted; returns
    /// how many stored records were removed.
    @discardableResult
    public func delete(_ pmids: [PMID], fileID: Int64? = nil) throws -> Int {
        let writer = try ArticleWriter(database: database)
        let now = ArticleStore.timestamp()
        return try database.transaction {
            try pmids.reduce(0) { count, pmid in try writer.delete(pmid, fileID: fileID, at: now) ? count + 1 : count }
        }
    }
}
