import CLibXML2

/// Everything one parse needs between SAX callbacks.
///
/// It lives behind an `UnsafeMutablePointer` handed to libxml2 as its user data: a struct
/// reached through a pointer gets no runtime exclusivity checks, which a class touched in
/// every callback would pay for (about 30% of the parse time).
struct ParserState {
    /// The input's name, for diagnostics.
    let fileName: String
    /// The libxml2 parser, for line numbers and to stop early.
    var context: xmlParserCtxtPtr?

    var names = ElementNameCache()
    /// Open elements, outermost first.
    var stack = ElementStack()
    /// Text of the text-holding element being read.
    var text = ByteBuffer(capacity: 16 * 1024)
    /// Depth (stack count) of the element whose text is being read; 0 when none.
    var captureDepth = 0
    /// Depth of the MathML `math` element being read inside text; 0 when none.
    var mathDepth = 0

    /// Depth of the record element being read; 0 outside records.
    var recordDepth = 0
    var recordLine: Int?
    var builder = RecordBuilder()
    var writer: OriginalXMLWriter
    /// Whether records get their `originalXML` (`PubMedParser.Options.keepsOriginalXML`).
    let keepsOriginalXML: Bool

    /// Depth of the `DeleteCitation` being read; 0 outside one.
    var deletionDepth = 0
    var deletions: [PMID] = []

    var summary = ParseSummary()
    /// Whether the root element is one PubMed uses.
    var knownRoot = false
    /// How many user-defined entity references were resolved (capped by `entityReferenceLimit`).
    var entityReferences = 0

    /// The first fatal problem; parsing stops when it is set.
    var failure: ParseDiagnostic?
    /// Whether `failure` or `handlerError` is set (cheaper to test in the hot path).
    var stopped = false
    /// An error thrown by the caller's handler; parsing stops when it is set.
    var handlerError: Error?

    let handle: (PubMedItem) throws -> Void
    let diagnose: (ParseDiagnostic) -> Void

    /// Entity references beyond this many in one document are refused: PubMed uses none,
    /// and an expansion bomb needs millions.
    static let entityReferenceLimit = 10_000

    init(fileName: String, keepsOriginalXML: Bool = true, handle: @escaping (PubMedItem) throws -> Void,
         diagnose: @escaping (ParseDiagnostic) -> Void) {
        self.fileName = fileName
        self.keepsOriginalXML = keepsOriginalXML
        writer = OriginalXMLWriter(capacity: keepsOriginalXML ? 64 * 1024 : 16)
        self.handle = handle
        self.diagnose = diagnose
    }

    /// Frees the buffers; the state must not be used afterwards.
    func deallocate() {
        stack.deallocate()
        names.deallocate()
        text.deallocate()
        writer.deallocate()
    }

    /// The line libxml2 is reading.
    var currentLine: Int? {
        guard let input = context?.pointee.input else { return nil }
        return Int(input.pointee.line)
    }

    /// The PMID of the record being read, when known.
    var currentPMID: PMID? {
        recordDepth > 0 ? builder.pmid : nil
    }

    // MARK: Events

    mutating func startElement(
        localName: UnsafePointer<UInt8>, prefix: UnsafePointer<UInt8>?,
        namespaceCount: Int, namespaces: UnsafeMutablePointer<UnsafePointer<UInt8>?>?,
        attributeCount: Int, defaultedCount: Int, attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>?
    ) {
        let (known, length) = names.lookup(localName)
        let name: ElementName = prefix == nil ? known : .other
        let parent = stack.last
        if stack.count == 0 { noteRoot(name, localName: localName) }
        stack.append(name, length: length)

        if recordDepth == 0 {
            switch name {
            case .pubmedArticle, .medlineCitation:
                startRecord(kind: .article)
            case .pubmedBookArticle:
                startRecord(kind: .book)
            case .deleteCitation:
                deletionDepth = stack.count
                deletions.removeAll()
            case .pmid where deletionDepth > 0 && captureDepth == 0:
                captureDepth = stack.count
                text.removeAll()
            default:
                break
            }
        }
        guard recordDepth > 0 else { return }

        // Attributes libxml2 added from DTD defaults were not in the input: leave them out.
        if keepsOriginalXML {
            writer.writeStartTag(localName: localName, length: length, prefix: prefix,
                                 namespaceCount: namespaceCount, namespaces: namespaces,
                                 attributeCount: attributeCount - defaultedCount, attributes: attributes)
        }
        guard captureDepth == 0 else {
            // Inline markup inside text; note where MathML starts (see `characters`).
            if mathDepth == 0, Self.isMath(localName) { mathDepth = stack.count }
            return
        }
        if name.holdsText {
            captureDepth = stack.count
            text.removeAll()
        }
        builder.open(name, parent: parent, attributes: AttributeList(count: attributeCount, pointers: attributes))
    }

    mutating func endElement(localName: UnsafePointer<UInt8>, prefix: UnsafePointer<UInt8>?) {
        guard let (name, length) = stack.popLast() else { return }
        let depth = stack.count + 1
        if depth == mathDepth { mathDepth = 0 }
        if recordDepth > 0, keepsOriginalXML {
            writer.writeEndTag(localName: localName, length: length, prefix: prefix)
        }
        if captureDepth > 0 {
            guard captureDepth == depth else { return }  // end of inline markup
            captureDepth = 0
            let value = text.string()
            if recordDepth > 0 {
                closeInRecord(name, text: value)
            } else if deletionDepth > 0, name == .pmid {
                if let pmid = PMID(value) {
                    deletions.append(pmid)
                } else {
                    warn("DeleteCitation PMID \"\(value)\" is not a positive integer; ignored")
                }
            }
        } else if recordDepth > 0 {
            closeInRecord(name, text: nil)
        }

        if depth == recordDepth {
            finishRecord()
        } else if depth == deletionDepth {
            deletionDepth = 0
            summary.deletions += deletions.count
            deliver(.deletion(deletions))
        }
    }

    @inline(__always)
    mutating func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        if captureDepth > 0 {
            // MathML ignores white space between its elements; a pretty-printed formula's
            // indentation (white space holding a line break) is layout, not text.
            if mathDepth == 0 || !Self.isLayoutWhitespace(bytes) { text.append(bytes) }
        }
        if recordDepth > 0, keepsOriginalXML { writer.writeText(bytes) }
    }

    /// Whether `localName` is `math` (MathML's root, whatever its prefix).
    private static func isMath(_ localName: UnsafePointer<UInt8>) -> Bool {
        localName[0] == UInt8(ascii: "m") && localName[1] == UInt8(ascii: "a")
            && localName[2] == UInt8(ascii: "t") && localName[3] == UInt8(ascii: "h") && localName[4] == 0
    }

    /// Whether `bytes` is only white space and holds a line break.
    private static func isLayoutWhitespace(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var lineBreak = false
        for byte in bytes {
            switch byte {
            case 0x0A, 0x0D: lineBreak = true
            case 0x20, 0x09: continue
            default: return false
            }
        }
        return lineBreak
    }

    // MARK: Records

    private mutating func noteRoot(_ name: ElementName, localName: UnsafePointer<UInt8>) {
        summary.rootElement = String(cString: localName)
        switch name {
        case .pubmedArticleSet, .pubmedBookArticleSet, .medlineCitationSet,
             .pubmedArticle, .pubmedBookArticle, .medlineCitation:
            knownRoot = true
        default:
            knownRoot = false
        }
    }

    private mutating func startRecord(kind: PubMedRecord.Kind) {
        recordDepth = stack.count
        recordLine = currentLine
        builder.start(kind: kind)
        writer.reset()
    }

    private mutating func closeInRecord(_ name: ElementName, text: String?) {
        let parent = stack.last
        let grandparent = stack.secondToLast
        builder.close(name, parent: parent, grandparent: grandparent, text: text)
        if !builder.issues.isEmpty { drainIssues(line: currentLine) }
    }

    private mutating func finishRecord() {
        recordDepth = 0
        let record = builder.finish(originalXML: keepsOriginalXML ? writer.take() : "", sourceLine: recordLine)
        if !builder.issues.isEmpty { drainIssues(line: recordLine) }
        guard let record else { return }
        summary.records += 1
        deliver(.record(record))
    }

    private mutating func drainIssues(line: Int?) {
        let pmid = builder.pmid
        for issue in builder.issues {
            summary.warnings += 1
            diagnose(ParseDiagnostic(severity: .warning, file: fileName, line: line, pmid: pmid, message: issue))
        }
        builder.issues.removeAll()
    }

    private mutating func deliver(_ item: PubMedItem) {
        guard !stopped else { return }
        do {
            try handle(item)
        } catch {
            handlerError = error
            stopped = true
            if let context { xmlStopParser(context) }
        }
    }

    // MARK: Diagnostics

    /// Reports a recoverable problem at the current line.
    mutating func warn(_ message: String, line: Int? = nil, column: Int? = nil) {
        summary.warnings += 1
        diagnose(ParseDiagnostic(severity: .warning, file: fileName, line: line ?? currentLine, column: column,
                                 pmid: currentPMID, message: message))
    }

    /// Records a fatal problem (the first one wins) and stops the parser.
    mutating func fail(_ message: String, line: Int? = nil, column: Int? = nil) {
        if failure == nil {
            stopped = true
            failure = ParseDiagnostic(severity: .error, file: fileName, line: line ?? currentLine, column: column,
                                      pmid: currentPMID, message: message)
        }
        if let context { xmlStopParser(context) }
    }
}
