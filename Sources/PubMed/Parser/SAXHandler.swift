import CLibXML2

/// The libxml2 SAX2 callback table the parser installs.
///
/// Each callback is a C function pointer; libxml2 passes the `ParserState` pointer as user
/// data. Nothing here builds the DOM, and nothing here loads anything from outside the
/// document: the external subset callback is absent, external entity declarations are
/// refused, and user-defined entity references are counted and capped.
enum SAXHandler {
    /// A SAX2 handler wired to `ParserState`.
    static func make() -> xmlSAXHandler {
        var handler = xmlSAXHandler()
        handler.initialized = UInt32(XML_SAX2_MAGIC)
        handler.startElementNs = startElement
        handler.endElementNs = endElement
        handler.characters = characters
        handler.ignorableWhitespace = characters
        handler.cdataBlock = characters
        handler.serror = structuredError
        handler.internalSubset = internalSubset
        handler.entityDecl = entityDeclaration
        handler.getEntity = entity
        handler.getParameterEntity = parameterEntity
        // externalSubset, resolveEntity and reference stay nil: the external DTD is never
        // read, and entity content arrives as ordinary character events.
        return handler
    }

    @inline(__always)
    private static func state(_ context: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<ParserState> {
        context.unsafelyUnwrapped.assumingMemoryBound(to: ParserState.self)
    }

    private static let startElement: startElementNsSAX2Func = {
        context, localName, prefix, _, namespaceCount, namespaces, attributeCount, defaultedCount, attributes in
        guard let localName else { return }
        state(context).pointee.startElement(
            localName: localName, prefix: prefix,
            namespaceCount: Int(namespaceCount), namespaces: namespaces,
            attributeCount: Int(attributeCount), defaultedCount: Int(defaultedCount), attributes: attributes)
    }

    private static let endElement: endElementNsSAX2Func = { context, localName, prefix, _ in
        guard let localName else { return }
        state(context).pointee.endElement(localName: localName, prefix: prefix)
    }

    private static let characters: charactersSAXFunc = { context, bytes, length in
        guard let bytes, length > 0 else { return }
        state(context).pointee.characters(UnsafeBufferPointer(start: bytes, count: Int(length)))
    }

    private static let structuredError: xmlStructuredErrorFunc = { context, error in
        guard let context, let error else { return }
        let parser = state(context)
        let level = error.pointee.level
        var message = error.pointee.message.map { String(cString: $0) } ?? "XML error \(error.pointee.code)"
        while message.last == "\n" || message.last == " " { message.removeLast() }
        // An error inside entity content comes from a nested parser whose lines count from the
        // entity's text; report the document's position (where the reference is) instead.
        let inDocument = error.pointee.ctxt == nil || error.pointee.ctxt == UnsafeMutableRawPointer(parser.pointee.context)
        let line = inDocument && error.pointee.line > 0 ? Int(error.pointee.line) : nil
        let column = inDocument && error.pointee.int2 > 0 ? Int(error.pointee.int2) : nil
        if level == XML_ERR_FATAL {
            parser.pointee.fail(message, line: line, column: column)
        } else {
            parser.pointee.warn(message, line: line, column: column)
        }
    }

    private static let internalSubset: internalSubsetSAXFunc = { context, name, externalID, systemID in
        guard let parser = state(context).pointee.context else { return }
        // Internal entity declarations need a document to live in; SAX parsing builds none.
        if parser.pointee.myDoc == nil {
            parser.pointee.myDoc = xmlNewDoc("1.0")
        }
        xmlSAX2InternalSubset(parser, name, externalID, systemID)
    }

    private static let entityDeclaration: entityDeclSAXFunc = { context, name, type, publicID, systemID, content in
        let owner = state(context)
        guard let parser = owner.pointee.context else { return }
        let isInternal = type == Int32(XML_INTERNAL_GENERAL_ENTITY.rawValue) || type == Int32(XML_INTERNAL_PARAMETER_ENTITY.rawValue)
        guard isInternal, publicID == nil, systemID == nil else {
            let entityName = name.map { String(cString: $0) } ?? "?"
            owner.pointee.fail("external entity '\(entityName)' refused: the parser never loads external entities")
            return
        }
        xmlSAX2EntityDecl(parser, name, type, publicID, systemID, content)
    }

    private static let entity: getEntitySAXFunc = { context, name in
        let owner = state(context)
        guard let parser = owner.pointee.context else { return nil }
        owner.pointee.entityReferences += 1
        if owner.pointee.entityReferences > ParserState.entityReferenceLimit {
            owner.pointee.fail("entity expansion refused: more than \(ParserState.entityReferenceLimit) entity references")
            return nil
        }
        return xmlSAX2GetEntity(parser, name)
    }

    private static let parameterEntity: getParameterEntitySAXFunc = { context, name in
        let owner = state(context)
        guard let parser = owner.pointee.context else { return nil }
        owner.pointee.entityReferences += 1
        if owner.pointee.entityReferences > ParserState.entityReferenceLimit {
            owner.pointee.fail("entity expansion refused: more than \(ParserState.entityReferenceLimit) entity references")
            return nil
        }
        return xmlSAX2GetParameterEntity(parser, name)
    }
}
