import CLibXML2
import Foundation

/// Reads (and, for gzip, decompresses) an input on a background thread, a few chunks ahead of
/// the parser.
///
/// Decompression is about a fifth of the parse time; doing it on the second core while
/// libxml2 parses on the first shortens the wall-clock time without changing the result.
/// At most `chunkCount` chunks of `chunkSize` bytes are held, so memory stays flat.
/// Only the background thread calls the wrapped read callback; the lock is taken once per
/// chunk, not per SAX event.
final class PrefetchingReader: @unchecked Sendable {
    private struct Chunk {
        var bytes: UnsafeMutableRawPointer
        var count: Int
        var offset: Int
    }

    private static let chunkSize = 256 * 1024
    private static let chunkCount = 4

    private let source: InputStream
    private let condition = NSCondition()
    private var filled: [Chunk] = []
    private var spare: [UnsafeMutableRawPointer] = []
    private var allocated: [UnsafeMutableRawPointer] = []
    private var finished = false
    private var failed = false
    private var cancelled = false
    private var producerDone = false

    private init(source: InputStream) {
        self.source = source
        for _ in 0..<Self.chunkCount {
            let buffer = UnsafeMutableRawPointer.allocate(byteCount: Self.chunkSize, alignment: 16)
            allocated.append(buffer)
            spare.append(buffer)
        }
    }

    deinit {
        allocated.forEach { $0.deallocate() }
    }

    /// Wraps `source` so that it is read ahead on a background thread.
    static func wrap(_ source: InputStream) -> InputStream {
        let reader = PrefetchingReader(source: source)
        let thread = Thread { reader.produce() }
        thread.name = "evidence.pubmed.prefetch"
        thread.start()
        return InputStream(read: readCallback, close: closeCallback,
                           context: Unmanaged.passRetained(reader).toOpaque())
    }

    // MARK: Producer (background thread)

    private func produce() {
        while true {
            condition.lock()
            while spare.isEmpty && !cancelled { condition.wait() }
            if cancelled {
                producerDone = true
                condition.broadcast()
                condition.unlock()
                return
            }
            let buffer = spare.removeLast()
            condition.unlock()

            let count = source.read(source.context, buffer.assumingMemoryBound(to: CChar.self), Int32(Self.chunkSize))

            condition.lock()
            if count > 0 {
                filled.append(Chunk(bytes: buffer, count: Int(count), offset: 0))
            } else {
                spare.append(buffer)
                if count == 0 { finished = true } else { failed = true }
                producerDone = true
            }
            condition.broadcast()
            condition.unlock()
            if count <= 0 { return }
        }
    }

    // MARK: Consumer (the parser's thread)

    private func read(into destination: UnsafeMutablePointer<CChar>, length: Int) -> Int32 {
        condition.lock()
        defer { condition.unlock() }
        while filled.isEmpty && !finished && !failed { condition.wait() }
        guard !filled.isEmpty else { return failed ? -1 : 0 }
        let chunk = filled[0]
        let count = min(length, chunk.count - chunk.offset)
        UnsafeMutableRawPointer(destination).copyMemory(from: chunk.bytes + chunk.offset, byteCount: count)
        if chunk.offset + count == chunk.count {
            filled.removeFirst()
            spare.append(chunk.bytes)
            condition.broadcast()
        } else {
            filled[0].offset += count
        }
        return Int32(count)
    }

    private func close() -> Int32 {
        condition.lock()
        cancelled = true
        condition.broadcast()
        while !producerDone { condition.wait() }
        condition.unlock()
        return source.close?(source.context) ?? 0
    }

    private static let readCallback: xmlInputReadCallback = { context, destination, length in
        guard let context, let destination, length > 0 else { return 0 }
        let reader = Unmanaged<PrefetchingReader>.fromOpaque(context).takeUnretainedValue()
        return reader.read(into: destination, length: Int(length))
    }

    private static let closeCallback: xmlInputCloseCallback = { context in
        guard let context else { return 0 }
        let reader = Unmanaged<PrefetchingReader>.fromOpaque(context).takeRetainedValue()
        return reader.close()
    }
}
