/// What the parser yields, in document order.
public enum PubMedItem: Sendable {
    /// A `PubmedArticle`, `PubmedBookArticle` or legacy `MedlineCitation`.
    case record(PubMedRecord)
    /// A `DeleteCitation` block: these PMIDs are to be removed.
    case deletion([PMID])
}

/// Where XML comes from.
public enum ParserInput: Sendable {
    /// A `.xml` or `.xml.gz` file (libxml2 decompresses gzip itself).
    case file(path: String)
    /// Standard input, named `<stdin>` in diagnostics.
    case standardInput
    /// Bytes in memory, with a name for diagnostics.
    case bytes([UInt8], name: String)

    /// The name diagnostics use for this input.
    public var displayName: String {
        switch self {
        case .file(let path): return path
        case .standardInput: return "<stdin>"
        case .bytes(_, let name): return name
        }
    }
}

/// A problem found while parsing, located in the source.
///
/// Prints as `file:line:column: warning: PMID 123: message`, the form compilers use.
public struct ParseDiagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case warning
        case error
    }

    public var severity: Severity
    public var file: String
    public var line: Int?
    public var column: Int?
    public var pmid: PMID?
    public var message: String

    public init(severity: Severity, file: String, line: Int? = nil, column: Int? = nil, pmid: PMID? = nil, message: String) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.pmid = pmid
        self.message = message
    }

    public var description: String {
        var location = file
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        let subject = pmid.map { "PMID \($0): " } ?? ""
        return "\(location): \(severity.rawValue): \(subject)\(message)"
    }
}

/// Counts for one parsed input.
public struct ParseSummary: Sendable, Hashable {
    /// The root element's name (`PubmedArticleSet`, `MedlineCitationSet`…).
    public var rootElement: String?
    public var records: Int
    public var deletions: Int
    public var warnings: Int

    public init(rootElement: String? = nil, records: Int = 0, deletions: Int = 0, warnings: Int = 0) {
        self.rootElement = rootElement
        self.records = records
        self.deletions = deletions
        self.warnings = warnings
    }
}
