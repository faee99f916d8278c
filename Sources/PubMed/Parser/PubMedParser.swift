import CLibXML2
import Foundation

/// A streaming PubMed XML parser on libxml2's SAX2 interface.
///
/// Memory stays flat whatever the input size: records are handed to the caller one
/// at a time. The parser never touches the network, never loads external entities or
/// DTDs, and caps entity expansion.
public struct PubMedParser: Sendable {
    /// Parser settings.
    public struct Options: Sendable, Hashable {
        /// Read and decompress files on a background thread, a few chunks ahead of the parser
        /// (on by default: it takes gzip decompression off the parsing thread).
        public var readsAhead: Bool
        /// Whether each record keeps its XML as `originalXML` (on by default). Readers that
        /// re-parse a stored original for its fields only (citation export) turn it off and
        /// skip re-serialising every record; `originalXML` is then empty.
        public var keepsOriginalXML: Bool

        public init(readsAhead: Bool = true, keepsOriginalXML: Bool = true) {
            self.readsAhead = readsAhead
            self.keepsOriginalXML = keepsOriginalXML
        }
    }

    public var options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    /// libxml2 options: no network, CDATA as text, full line numbers. Deliberately absent:
    /// `XML_PARSE_NOENT` (substitute entities), `XML_PARSE_DTDLOAD`, `XML_PARSE_DTDVALID`
    /// and `XML_PARSE_HUGE` (which would lift libxml2's entity amplification limits).
    private static let libxmlOptions = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_BIG_LINES.rawValue)

    /// Initialises libxml2 once per process (its own initialisation is not thread-safe).
    private static let libraryInitialized: Bool = {
        xmlInitParser()
        return true
    }()

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
        _ = Self.libraryInitialized
        evidence_xml_silence_generic_errors()
        let stream = try input.openStream(readingAhead: options.readsAhead)

        return try withoutActuallyEscaping(handle) { handle in
            try withoutActuallyEscaping(diagnose) { diagnose in
                let state = UnsafeMutablePointer<ParserState>.allocate(capacity: 1)
                state.initialize(to: ParserState(fileName: input.displayName, keepsOriginalXML: options.keepsOriginalXML,
                                                  handle: handle, diagnose: diagnose))
                defer {
                    state.pointee.deallocate()
                    state.deinitialize(count: 1)
                    state.deallocate()
                }
                var sax = SAXHandler.make()
                // On failure libxml2 closes the stream itself.
                guard let context = xmlCreateIOParserCtxt(&sax, state, stream.read, stream.close, stream.context,
                                                          XML_CHAR_ENCODING_NONE) else {
                    throw ParseDiagnostic(severity: .error, file: input.displayName, message: "libxml2 could not create a parser")
                }
                defer {
                    if let document = context.pointee.myDoc {
                        xmlFreeDoc(document)
                        context.pointee.myDoc = nil
                    }
                    xmlFreeParserCtxt(context)
                }
                xmlCtxtUseOptions(context, Self.libxmlOptions)
                state.pointee.context = context

                xmlParseDocument(context)

                if let error = state.pointee.handlerError { throw error }
                if let failure = state.pointee.failure { throw failure }
                if context.pointee.wellFormed == 0 {
                    throw ParseDiagnostic(severity: .error, file: input.displayName, line: state.pointee.currentLine,
                                          message: "the document is not well-formed")
                }
                let summary = state.pointee.summary
                if !state.pointee.knownRoot, summary.records == 0, summary.deletions == 0 {
                    let root = summary.rootElement.map { "<\($0)>" } ?? "none"
                    throw ParseDiagnostic(severity: .error, file: input.displayName, line: 1,
                                          message: "not PubMed XML: the root element is \(root), and no PubmedArticle, PubmedBookArticle or MedlineCitation was found")
                }
                return summary
            }
        }
    }

    /// Parses every record in an XML fragment, such as a stored `originalXML`.
    public func records(fromXML xml: String) throws -> [PubMedRecord] {
        try records(fromBytes: Array(xml.utf8))
    }

    /// The records in `bytes` of UTF-8 XML (deletions are ignored).
    public func records(fromBytes bytes: [UInt8]) throws -> [PubMedRecord] {
        var records: [PubMedRecord] = []
        _ = try parse(.bytes(bytes, name: "<record>")) { item in
            if case .record(let record) = item { records.append(record) }
        }
        return records
    }
}
