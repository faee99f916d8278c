import Foundation

/// A corpus: a named PubMed query with its date range, the lexicon its claims use, and the
/// folder its fetched files go to. Stored as JSON in `Corpus/`.
///
/// ```json
/// { "name": "ketamine-trd", "description": "…", "query": "…",
///   "dateRange": { "from": "1990-01-01", "to": null }, "dateType": "pdat",
///   "lexicon": "Corpus/lexicon/ketamine-depression.json", "output": "Corpus/pubmed/ketamine-trd" }
/// ```
public struct CorpusDefinition: Codable, Sendable, Hashable {
    /// Dates the corpus covers; either end may be open.
    public struct Dates: Codable, Sendable, Hashable {
        /// The first day (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`), nil for no lower bound.
        public var from: String?
        /// The last day, nil for no upper bound.
        public var to: String?

        /// A range.
        public init(from: String? = nil, to: String? = nil) {
            self.from = from
            self.to = to
        }
    }

    /// A short name, also the default output sub-folder (letters, digits, `-`, `_`, `.`).
    public var name: String
    /// What the corpus is about.
    public var description: String?
    /// The PubMed query.
    public var query: String
    /// The dates it covers.
    public var dateRange: Dates?
    /// Which date the range applies to (default `pdat`).
    public var dateType: EntrezDateType?
    /// The claims lexicon file, relative to the project root.
    public var lexicon: String?
    /// The folder for fetched files, relative to the project root (default `Corpus/pubmed/<name>`).
    public var output: String?

    /// A definition.
    public init(name: String, description: String? = nil, query: String, dateRange: Dates? = nil,
                dateType: EntrezDateType? = nil, lexicon: String? = nil, output: String? = nil) {
        self.name = name
        self.description = description
        self.query = query
        self.dateRange = dateRange
        self.dateType = dateType
        self.lexicon = lexicon
        self.output = output
    }

    /// The date range as days; nil when both ends are open.
    public func days(today: CalendarDay = .today()) throws -> DateRange? {
        guard let dateRange, dateRange.from != nil || dateRange.to != nil else { return nil }
        let first = try dateRange.from.map { text -> CalendarDay in
            guard let day = CalendarDay(parsing: text) else { throw problem("dateRange.from is not a date: \(text)") }
            return day
        }
        let last = try dateRange.to.map { text -> CalendarDay in
            guard let day = CalendarDay(parsing: text, endOfPeriod: true) else { throw problem("dateRange.to is not a date: \(text)") }
            return day
        }
        guard let range = DateRange.covering(from: first, through: last, today: today) else {
            throw problem("dateRange.from is after dateRange.to")
        }
        return range
    }

    /// The output folder: `output`, or `Corpus/pubmed/<name>`.
    public var outputFolder: String { output ?? "Corpus/pubmed/\(name)" }

    /// Checks the fields; throws `CorpusDefinitionError` naming the problem.
    public func validate() throws {
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")
        guard !name.isEmpty, name.unicodeScalars.allSatisfy(allowed.contains), !name.hasPrefix(".") else {
            throw problem("name must be letters, digits, '-', '_' or '.' (got \"\(name)\")")
        }
        guard !query.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw problem("query is empty")
        }
        guard query.filter({ $0 == "\"" }).count % 2 == 0 else { throw problem("query has an unmatched double quote") }
        var depth = 0
        for character in query {
            if character == "(" { depth += 1 }
            if character == ")" { depth -= 1 }
            if depth < 0 { throw problem("query has a ')' without its '('") }
        }
        guard depth == 0 else { throw problem("query has a '(' without its ')'") }
        if let lexicon, lexicon.isEmpty { throw problem("lexicon is empty") }
        if let output, output.isEmpty { throw problem("output is empty") }
        _ = try days()
    }

    private func problem(_ message: String) -> CorpusDefinitionError {
        CorpusDefinitionError(file: nil, message: message)
    }

    /// Reads and validates a definition file.
    public static func load(from url: URL) throws -> CorpusDefinition {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw CorpusDefinitionError(file: url.path, message: "cannot read: \(error.localizedDescription)")
        }
        let definition: CorpusDefinition
        do {
            definition = try JSONDecoder().decode(CorpusDefinition.self, from: data)
        } catch let error as DecodingError {
            throw CorpusDefinitionError(file: url.path, message: describe(error))
        } catch {
            throw CorpusDefinitionError(file: url.path, message: "not JSON: \(error.localizedDescription)")
        }
        do {
            try definition.validate()
        } catch var error as CorpusDefinitionError {
            error.file = url.path
            throw error
        }
        return definition
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            return keys.isEmpty ? "" : keys.joined(separator: ".") + ": "
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "\(path(context))missing field \"\(key.stringValue)\""
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "\(path(context))\(context.debugDescription)"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "not valid JSON" : "\(path(context))\(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}

/// A corpus definition that cannot be used, with the file it came from.
public struct CorpusDefinitionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The definition file, when it came from one.
    public var file: String?
    /// What is wrong.
    public var message: String

    public var description: String {
        file.map { "\($0): \(message)" } ?? message
    }
}
