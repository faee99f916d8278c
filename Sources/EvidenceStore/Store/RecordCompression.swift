import CZlib
import Foundation

/// zlib compression of a record's original XML, as stored in `article.original_xml`.
///
/// The blob is a plain zlib stream (RFC 1950), so any zlib tool can read it
/// (`python3 -c 'import zlib,sys; …zlib.decompress(blob)'`).
public enum RecordCompression {
    /// A failure of zlib, with its return code.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        /// zlib's return code (`Z_DATA_ERROR`, `Z_MEM_ERROR`…).
        public var code: Int32
        public var description: String { "zlib error \(code): the stored XML is not a valid zlib stream" }
    }

    /// Compresses the UTF-8 of `text` at zlib level `level` (1 fastest … 9 smallest).
    public static func compress(_ text: String, level: Int32 = 6) throws -> Data {
        var text = text
        return try text.withUTF8 { source in
            var capacity = compressBound(uLong(source.count))
            var output = Data(count: Int(capacity))
            let code = output.withUnsafeMutableBytes { destination in
                CZlib.compress2(destination.baseAddress!.assumingMemoryBound(to: Bytef.self), &capacity,
                                source.baseAddress ?? UnsafePointer(bitPattern: 1)!, uLong(source.count), level)
            }
            guard code == Z_OK else { throw Failure(code: code) }
            output.count = Int(capacity)
            return output
        }
    }

    /// Decompresses a blob made by `compress(_:level:)` back to text.
    public static func decompress(_ data: Data) throws -> String {
        guard !data.isEmpty else { throw Failure(code: Z_DATA_ERROR) }
        var capacity = max(4096, data.count * 8)
        while true {
            var length = uLong(capacity)
            var output = [UInt8](repeating: 0, count: capacity)
            let code = data.withUnsafeBytes { source in
                CZlib.uncompress(&output, &length, source.baseAddress!.assumingMemoryBound(to: Bytef.self), uLong(source.count))
            }
            switch code {
            case Z_OK:
                return String(decoding: output[0..<Int(length)], as: UTF8.self)
            case Z_BUF_ERROR where capacity < 1 << 30:
                capacity *= 4
            default:
                throw Failure(code: code)
            }
        }
    }
}
