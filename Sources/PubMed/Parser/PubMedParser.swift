import CLibXML2

/// A streaming PubMed XML parser on libxml2's SAX2 interface.
///
/// Memory stays flat whatever the input size: records are handed to the caller one
/// at a time. The parser never touches the network, never loads external entities or
/// DTDs, and caps entity expansion.
public struct PubMedParser: Sendable {
    /// Parser settings.
    public struct Options: Sendable, Hashable {
        public init() {}
    }

    public var options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    /// Parses `input`, calling `handle` for each record or deletion in document order.
    ///
    /// Recoverable problems in a record go to `diagnose` as warnings, and the record is still
    /// yielded. A document that is not well-formed throws a `ParseDiagnostic` with severity
    /// `.error`, naming the file, line, column and the PMID being read. An error thrown by
    /// `handle` stops parsing and is rethrown as is.
    public func parse(
        _ input: ParserInput,
        diagnose: (ParseDiagnostic) -> Void = { _ in },
        handle: (PubMedItem) throws -> Void
    ) throws -> ParseSummary {
        throw ParseDiagnostic(severity: .error, file: input.displayName, message: "the parser is not implemented yet")
    }

    /// Parses every record in an XML fragment, such as a stored `originalXML`.
    public func records(fromXML xml: String) throws -> [PubMedRecord] {
        var records: [PubMedRecord] = []
        _ = try parse(.bytes(Array(xml.utf8), name: "<record>")) { item in
            if case .record(let record) = item { records.append(record) }
        }
        return records
    }
}
