import CLibXML2
import Foundation

/// A byte source libxml2 pulls from: a read callback, a close callback and their context.
struct InputStream {
    var read: xmlInputReadCallback
    var close: xmlInputCloseCallback?
    var context: UnsafeMutableRawPointer?
}

/// A copy of in-memory bytes and a read position, owned by libxml2 until it closes the stream.
private struct MemorySource {
    var bytes: UnsafeMutableBufferPointer<UInt8>
    var length: Int
    var offset: Int
}

extension ParserInput {
    /// Opens the input as a stream of (decompressed) bytes.
    ///
    /// Files and standard input go through libxml2's own I/O layer, which reads gzip
    /// transparently; files are read ahead on a background thread (`PrefetchingReader`) when
    /// `readingAhead` is set. A file path is always made explicit (`./name`) so that a name such as
    /// `http://…` is never taken for a URL: nothing is fetched over the network.
    func openStream(readingAhead: Bool = true) throws -> InputStream {
        switch self {
        case .file(let path):
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw ParseDiagnostic(severity: .error, file: path, message: "no such file")
            }
            guard !isDirectory.boolValue else {
                throw ParseDiagnostic(severity: .error, file: path, message: "is a directory; list its files with PubMedParser.inputFiles(under:)")
            }
            let localPath = path.hasPrefix("/") ? path : "./" + path
            let stream = try Self.libxmlStream(localPath, displayName: path)
            return readingAhead ? PrefetchingReader.wrap(stream) : stream
        case .standardInput:
            // Not read ahead: a background read of a terminal could outlive a failed parse.
            return try Self.libxmlStream("-", displayName: displayName)
        case .bytes(let bytes, _):
            let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(bytes.count, 1))
            _ = copy.initialize(from: bytes)
            let source = UnsafeMutablePointer<MemorySource>.allocate(capacity: 1)
            source.initialize(to: MemorySource(bytes: copy, length: bytes.count, offset: 0))
            return InputStream(read: Self.readMemory, close: Self.closeMemory, context: UnsafeMutableRawPointer(source))
        }
    }

    /// Opens `path` (or `-` for stdin) with libxml2's input callbacks, which decompress gzip,
    /// and takes over the buffer's read and close callbacks.
    private static func libxmlStream(_ path: String, displayName: String) throws -> InputStream {
        guard let buffer = xmlParserInputBufferCreateFilename(path, XML_CHAR_ENCODING_NONE) else {
            throw ParseDiagnostic(severity: .error, file: displayName, message: "cannot open for reading")
        }
        defer {
            // The stream now owns the callbacks' context; free only the empty buffer.
            buffer.pointee.readcallback = nil
            buffer.pointee.closecallback = nil
            buffer.pointee.context = nil
            xmlFreeParserInputBuffer(buffer)
        }
        guard let read = buffer.pointee.readcallback else {
            throw ParseDiagnostic(severity: .error, file: displayName, message: "cannot read")
        }
        return InputStream(read: read, close: buffer.pointee.closecallback, context: buffer.pointee.context)
    }

    private static let readMemory: xmlInputReadCallback = { context, destination, length in
        guard let context, let destination, length > 0 else { return 0 }
        let source = context.assumingMemoryBound(to: MemorySource.self)
        let available = source.pointee.length - source.pointee.offset
        let count = min(available, Int(length))
        guard count > 0, let base = source.pointee.bytes.baseAddress else { return 0 }
        UnsafeMutableRawPointer(destination).copyMemory(from: base + source.pointee.offset, byteCount: count)
        source.pointee.offset += count
        return Int32(count)
    }

    private static let closeMemory: xmlInputCloseCallback = { context in
        guard let context else { return 0 }
        let source = context.assumingMemoryBound(to: MemorySource.self)
        source.pointee.bytes.deallocate()
        source.deinitialize(count: 1)
        source.deallocate()
        return 0
    }
}
