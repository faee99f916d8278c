import CSQLite
import Foundation

/// The INSERTs that store one record, encoded as plain values in one byte arena.
///
/// The parsing thread encodes them (`ArticleRow`), so the writing thread only binds
/// pointers into the arena and steps: no Swift strings, no reference counting, and no
/// copy of each text by SQLite (the arena outlives every step, so texts bind as
/// `SQLITE_STATIC`).
struct RowOperations {
    /// The statement an operation runs.
    enum Target: Int, CaseIterable {
        case article, fts, author, meshHeading, meshQualifier, publicationType, language, identifier, commentCorrection

        /// The INSERT this target runs; parameters in the order the values are added.
        var sql: String {
            switch self {
            case .article:
                return """
                    INSERT INTO article(pmid, version, kind, status, owner, title, vernacular_title, search_text,
                        journal_title, journal_iso, journal_ta, issn, volume, issue, pub_year,
                        pub_month, pub_day, pub_date, sort_date, pages, doi, pmcid, first_author, last_author, is_retracted,
                        source_file_id, original_xml, original_chunk, original_offset, original_length)
                    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21,
                        ?22, ?23, ?24, ?25, ?27, ?26, ?28, ?29, ?30)
                    """
            case .fts:
                // No trigger: the text is at hand here, and packed in `article` (perf-4-packed-search-text).
                return """
                    INSERT INTO article_fts(rowid, title, abstract, mesh_terms, keyword_terms, author_names)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """
            case .author:
                return """
                    INSERT INTO author(pmid, position, last_name, fore_name, initials, suffix, collective_name, orcid, valid, search_name)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """
            case .meshHeading:
                return "INSERT INTO mesh_heading(pmid, position, descriptor, ui, major, major_topic, search_descriptor) VALUES (?, ?, ?, ?, ?, ?, ?)"
            case .meshQualifier:
                return "INSERT INTO mesh_qualifier(pmid, heading_position, position, name, ui, major) VALUES (?, ?, ?, ?, ?, ?)"
            case .publicationType:
                return "INSERT INTO publication_type(pmid, position, name, ui) VALUES (?, ?, ?, ?)"
            case .language:
                return "INSERT INTO language(pmid, position, code) VALUES (?, ?, ?)"
            case .identifier:
                return "INSERT INTO article_identifier(pmid, position, type, value) VALUES (?, ?, ?, ?)"
            case .commentCorrection:
                return "INSERT INTO comment_correction(pmid, position, type, ref_pmid, ref_source) VALUES (?, ?, ?, ?, ?)"
            }
        }
    }

    /// One bound value.
    enum Value {
        case null
        case integer(Int64)
        case text(start: Int, count: Int)
        case blob(start: Int, count: Int)
    }

    /// One INSERT: its target and its values, `values[first..<first + count]`.
    struct Operation {
        var target: Target
        var first: Int
        var count: Int
    }

    private(set) var arena: [UInt8] = []
    private(set) var values: [Value] = []
    private(set) var operations: [Operation] = []
    private var open: Operation?

    /// Starts an INSERT into `target`; add its values in parameter order.
    mutating func begin(_ target: Target) {
        if let open { operations.append(open) }
        open = Operation(target: target, first: values.count, count: 0)
    }

    /// Ends the encoding.
    mutating func finish() {
        if let open { operations.append(open) }
        open = nil
    }

    mutating func add(_ value: Int64) {
        values.append(.integer(value))
        open?.count += 1
    }

    mutating func add(_ value: Int?) {
        values.append(value.map { .integer(Int64($0)) } ?? .null)
        open?.count += 1
    }

    mutating func add(_ value: Bool) {
        add(Int64(value ? 1 : 0))
    }

    mutating func add(_ text: String?) {
        guard let text else {
            values.append(.null)
            open?.count += 1
            return
        }
        let start = arena.count
        arena.append(contentsOf: text.utf8)
        values.append(.text(start: start, count: arena.count - start))
        open?.count += 1
    }

    mutating func add(_ data: Data?) {
        guard let data else {
            values.append(.null)
            open?.count += 1
            return
        }
        let start = arena.count
        arena.append(contentsOf: data)
        values.append(.blob(start: start, count: data.count))
        open?.count += 1
    }

    /// Binds and steps every operation on `statements` (indexed by `Target.rawValue`), with
    /// `sourceFileID` for the article's `source_file_id`.
    func run(on statements: [Statement], sourceFileID: Int64?, original: ArticleRow.ChunkSlice? = nil) throws {
        try arena.withUnsafeBufferPointer { buffer in
            // A valid pointer even for an empty arena, so empty text binds '' and not NULL.
            let base = UnsafeRawPointer(buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!)
            for operation in operations {
                let statement = statements[operation.target.rawValue]
                let handle = statement.handle
                defer { sqlite3_reset(handle) }
                for offset in 0..<operation.count {
                    let index = Int32(offset + 1)
                    let code: Int32
                    switch values[operation.first + offset] {
                    case .null:
                        code = sqlite3_bind_null(handle, index)
                    case .integer(let value):
                        code = sqlite3_bind_int64(handle, index, value)
                    case .text(let start, let count):
                        code = sqlite3_bind_text(handle, index, (base + start).assumingMemoryBound(to: CChar.self), Int32(count), nil)
                    case .blob(let start, let count):
                        code = sqlite3_bind_blob(handle, index, base + start, Int32(count), nil)
                    }
                    guard code == SQLITE_OK else {
                        throw DatabaseError(resultCode: code, message: String(cString: sqlite3_errstr(code)), sql: statement.sql)
                    }
                }
                if operation.target == .article {
                    var code = sourceFileID.map { sqlite3_bind_int64(handle, 27, $0) } ?? sqlite3_bind_null(handle, 27)
                    if code == SQLITE_OK, let original {
                        code = sqlite3_bind_int64(handle, 28, original.chunkID)
                        if code == SQLITE_OK { code = sqlite3_bind_int64(handle, 29, Int64(original.offset)) }
                        if code == SQLITE_OK { code = sqlite3_bind_int64(handle, 30, Int64(original.length)) }
                    } else if code == SQLITE_OK {
                        code = sqlite3_bind_null(handle, 28)
                        if code == SQLITE_OK { code = sqlite3_bind_null(handle, 29) }
                        if code == SQLITE_OK { code = sqlite3_bind_null(handle, 30) }
                    }
                    guard code == SQLITE_OK else {
                        throw DatabaseError(resultCode: code, message: String(cString: sqlite3_errstr(code)), sql: statement.sql)
                    }
                }
                try statement.step()
            }
        }
    }
}
