import CZlib
import Foundation

/// gzip compression and decompression on zlib.
public enum Gzip {
    /// Whether `data` starts with the gzip magic bytes.
    public static func isGzip(_ data: Data) -> Bool {
        data.count >= 2 && data[data.startIndex] == 0x1F && data[data.startIndex + 1] == 0x8B
    }

    /// `data` as a gzip stream.
    public static func compress(_ data: Data, level: Int32 = 6) throws -> Data {
        var stream = z_stream()
        // windowBits 15 + 16 asks zlib for a gzip header and trailer.
        var status = deflateInit2_(&stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY,
                                   zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else { throw GzipError.zlib(code: status, operation: "deflateInit2") }
        defer { deflateEnd(&stream) }

        var output = Data()
        let chunkSize = 64 * 1024
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        try data.withUnsafeBytes { (input: UnsafeRawBufferPointer) in
            stream.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: Bytef.self).baseAddress)
            stream.avail_in = uInt(input.count)
            repeat {
                try chunk.withUnsafeMutableBufferPointer { buffer in
                    stream.next_out = buffer.baseAddress
                    stream.avail_out = uInt(chunkSize)
                    status = deflate(&stream, Z_FINISH)
                    guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
                        throw GzipError.zlib(code: status, operation: "deflate")
                    }
                    output.append(buffer.baseAddress!, count: chunkSize - Int(stream.avail_out))
                }
            } while status != Z_STREAM_END
        }
        return output
    }

    /// The bytes of a gzip (or zlib) stream; throws `GzipError.truncated` when it ends early.
    ///
    /// Concatenated gzip members are decoded one after another, as `gzip -d` does.
    public static func decompress(_ data: Data) throws -> Data {
        var output = Data()
        guard !data.isEmpty else { throw GzipError.truncated }
        let chunkSize = 256 * 1024
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        try data.withUnsafeBytes { (input: UnsafeRawBufferPointer) in
            guard let base = input.bindMemory(to: Bytef.self).baseAddress else { return }
            var offset = 0
            while offset < input.count {
                var stream = z_stream()
                // windowBits 15 + 32: detect gzip or zlib headers automatically.
                var status = inflateInit2_(&stream, 15 + 32, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
                guard status == Z_OK else { throw GzipError.zlib(code: status, operation: "inflateInit2") }
                defer { inflateEnd(&stream) }
                stream.next_in = UnsafeMutablePointer(mutating: base + offset)
                stream.avail_in = uInt(input.count - offset)
                repeat {
                    try chunk.withUnsafeMutableBufferPointer { buffer in
                        stream.next_out = buffer.baseAddress
                        stream.avail_out = uInt(chunkSize)
                        status = inflate(&stream, Z_NO_FLUSH)
                        switch status {
                        case Z_OK, Z_STREAM_END:
                            break
                        case Z_BUF_ERROR:
                            // No progress possible: the input ran out before the stream ended.
                            throw GzipError.truncated
                        default:
                            throw GzipError.zlib(code: status, operation: "inflate")
                        }
                        output.append(buffer.baseAddress!, count: chunkSize - Int(stream.avail_out))
                    }
                    if status != Z_STREAM_END && stream.avail_in == 0 && stream.avail_out != 0 {
                        throw GzipError.truncated
                    }
                } while status != Z_STREAM_END
                offset = input.count - Int(stream.avail_in)
                // Trailing zero padding after the last member is tolerated.
                if input[offset...].allSatisfy({ $0 == 0 }) { break }
            }
        }
        return output
    }
}

/// A gzip stream that could not be read or written.
public enum GzipError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The stream ended before its trailer.
    case truncated
    /// zlib reported an error.
    case zlib(code: Int32, operation: String)

    public var description: String {
        switch self {
        case .truncated: return "gzip stream ends early"
        case .zlib(let code, let operation): return "zlib \(operation) failed (code \(code))"
        }
    }
}
