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
                // Encoded as (pmid, position, descriptor, ui, major, major_topic, folded descriptor);
                // the writer turns the names into `descriptor_id` (perf-5-mesh-vocabulary).
                return "INSERT INTO article_mesh(pmid, position, descriptor_id, major, major_topic) VALUES (?, ?, ?, ?, ?)"
            case .meshQualifier:
                // Encoded as (pmid, heading_position, position, name, ui, major); the name becomes `subheading_id`.
                return "INSERT INTO article_mesh_qualifier(pmid, heading_position, position, subheading_id, major) VALUES (?, ?, ?, ?, ?)"
            case .publicationType:
                // Encoded as (pmid, position, name, ui); the name becomes `type_id` (perf-7).
                return "INSERT INTO article_publication_type(pmid, position, type_id) VALUES (?, ?, ?)"
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
    /// `sourceFileID` for the article's `source_file_id` and `vocabulary` for MeSH and publication type ids.
    func run(on statements: [Statement], vocabulary: NameVocabulary, sourceFileID: Int64?,
             original: ArticleRow.ChunkSlice? = nil) throws {
        try arena.withUnsafeBufferPointer { buffer in
            // A valid pointer even for an empty arena, so empty text binds '' and not NULL.
            let base = UnsafeRawPointer(buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!)
            func bytes(_ value: Value) -> UnsafeRawBufferPointer? {
                switch value {
                case .text(let start, let count), .blob(let start, let count):
                    return UnsafeRawBufferPointer(start: base + start, count: count)
                case .null, .integer:
                    return nil
                }
            }
            for operation in operations {
                let statement = statements[operation.target.rawValue]
                let handle = statement.handle
                defer { sqlite3_reset(handle) }
                func check(_ code: Int32) throws {
                    guard code == SQLITE_OK else {
                        throw DatabaseError(resultCode: code, message: String(cString: sqlite3_errstr(code)), sql: statement.sql)
                    }
                }
                func bind(_ value: Value, at index: Int32) throws {
                    let code: Int32
                    switch value {
                    case .null:
                        code = sqlite3_bind_null(handle, index)
                    case .integer(let value):
                        code = sqlite3_bind_int64(handle, index, value)
                    case .text(let start, let count):
                        code = sqlite3_bind_text(handle, index, (base + start).assumingMemoryBound(to: CChar.self), Int32(count), nil)
                    case .blob(let start, let count):
                        code = sqlite3_bind_blob(handle, index, base + start, Int32(count), nil)
                    }
                    try check(code)
                }
                let first = operation.first
                switch operation.target {
                case .meshHeading:
                    let name = bytes(values[first + 2]) ?? UnsafeRawBufferPointer(start: base, count: 0)
                    let id = try vocabulary.descriptorID(name: name, ui: bytes(values[first + 3]),
                                                         searchName: bytes(values[first + 6]) ?? name)
                    try bind(values[first], at: 1)
                    try bind(values[first + 1], at: 2)
                    try bind(.integer(id), at: 3)
                    try bind(values[first + 4], at: 4)
                    try bind(values[first + 5], at: 5)
                case .meshQualifier:
                    let name = bytes(values[first + 3]) ?? UnsafeRawBufferPointer(start: base, count: 0)
                    let id = try vocabulary.subheadingID(name: name, ui: bytes(values[first + 4]))
                    try bind(values[first], at: 1)
                    try bind(values[first + 1], at: 2)
                    try bind(values[first + 2], at: 3)
                    try bind(.integer(id), at: 4)
                    try bind(values[first + 5], at: 5)
                case .publicationType:
                    let name = bytes(values[first + 2]) ?? UnsafeRawBufferPointer(start: base, count: 0)
                    let id = try vocabulary.publicationTypeID(name: name, ui: bytes(values[first + 3]))
                    try bind(values[first], at: 1)
                    try bind(values[first + 1], at: 2)
                    try bind(.integer(id), at: 3)
                default:
                    for offset in 0..<operation.count {
                        try bind(values[first + offset], at: Int32(offset + 1))
                    }
                }
                if operation.target == .article {
                    try bind(sourceFileID.map { .integer($0) } ?? .null, at: 27)
                    try bind(original.map { .integer($0.chunkID) } ?? .null, at: 28)
                    try bind(original.map { .integer(Int64($0.offset)) } ?? .null, at: 29)
                    try bind(original.map { .integer(Int64($0.length)) } ?? .null, at: 30)
                    if let reference = original?.searchText {
                        try check(reference.blob.withUnsafeBytes {
                            sqlite3_bind_blob(handle, 8, $0.baseAddress, Int32($0.count), evidence_sqlite_transient())
                        })
                    }
                }
                try statement.step()
            }
        }
    }
}
