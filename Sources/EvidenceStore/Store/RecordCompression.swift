import CZlib
import Foundation

/// zlib compression of a record's original XML, as stored in `article.original_xml`.
///
/// The blob is a zlib stream (RFC 1950) deflated with a preset dictionary of common PubMed
/// XML (`XMLDictionary.version1`, named in the stream header by its Adler-32), which makes
/// small records about a third smaller than plain zlib. Blobs written without a dictionary
/// (indexes made before it) are read as well. Any zlib tool reads a blob given the
/// dictionary (`zlib.decompressobj(zdict=…)` in Python).
public enum RecordCompression {
    /// A failure of zlib, with its return code.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        /// zlib's return code (`Z_DATA_ERROR`, `Z_MEM_ERROR`, `Z_NEED_DICT`…).
        public var code: Int32
        public var description: String { "zlib error \(code): the stored XML is not a valid zlib stream" }
    }

    /// The level new records are compressed at: with the dictionary, level 6 is about 20%
    /// smaller than level 1 for about 35% more time on the parsing thread.
    public static let defaultLevel: Int32 = 6

    /// The preset dictionary's bytes and Adler-32.
    private static let dictionary: [UInt8] = Array(XMLDictionary.version1.utf8)
    private static let dictionaryID: uLong = dictionary.withUnsafeBufferPointer {
        adler32(adler32(0, nil, 0), $0.baseAddress, uInt($0.count))
    }

    /// Compresses the UTF-8 of `text` at zlib level `level` (1 fastest … 9 smallest) with
    /// the preset dictionary, or without it when `dictionary` is false.
    public static func compress(_ text: String, level: Int32 = defaultLevel, dictionary useDictionary: Bool = true) throws -> Data {
        var text = text
        return try text.withUTF8 { try compress(bytes: $0, level: level, dictionary: useDictionary) }
    }

    /// Compresses `bytes` as `compress(_:level:dictionary:)` does text.
    static func compress(bytes source: UnsafeBufferPointer<UInt8>, level: Int32 = defaultLevel,
                         dictionary useDictionary: Bool = true) throws -> Data {
        do {
            var stream = z_stream()
            var code = deflateInit2_(&stream, level, Z_DEFLATED, 15, 9, Z_DEFAULT_STRATEGY,
                                     zlibVersion(), Int32(MemoryLayout<z_stream>.size))
            guard code == Z_OK else { throw Failure(code: code) }
            defer { deflateEnd(&stream) }
            if useDictionary {
                code = dictionary.withUnsafeBufferPointer {
                    deflateSetDictionary(&stream, $0.baseAddress, uInt($0.count))
                }
                guard code == Z_OK else { throw Failure(code: code) }
            }
            let capacity = Int(deflateBound(&stream, uLong(source.count)))
            var output = Data(count: capacity)
            code = output.withUnsafeMutableBytes { destination -> Int32 in
                stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress ?? UnsafePointer(bitPattern: 1)!)
                stream.avail_in = uInt(source.count)
                stream.next_out = destination.baseAddress!.assumingMemoryBound(to: Bytef.self)
                stream.avail_out = uInt(capacity)
                return deflate(&stream, Z_FINISH)
            }
            guard code == Z_STREAM_END else { throw Failure(code: code) }
            // A copy of the bytes written: shortening `output` would keep its whole capacity
            // (deflateBound, about the input's size) alive with every chunk waiting to be written.
            return output.withUnsafeBytes { Data($0.prefix(Int(stream.total_out))) }
        }
    }

    /// Decompresses a blob made by `compress(_:level:dictionary:)` back to text.
    public static func decompress(_ data: Data) throws -> String {
        String(decoding: try decompressBytes(data), as: UTF8.self)
    }

    /// Decompresses a blob to its bytes.
    static func decompressBytes(_ data: Data) throws -> [UInt8] {
        try data.withUnsafeBytes { try inflate($0) }
    }

    /// Gives `stream` (an inflater that returned `Z_NEED_DICT`) the preset dictionary it asks
    /// for; `Z_NEED_DICT` when it asks for another one.
    static func setDictionary(_ stream: inout z_stream) -> Int32 {
        guard stream.adler == dictionaryID else { return Z_NEED_DICT }
        return dictionary.withUnsafeBufferPointer { inflateSetDictionary(&stream, $0.baseAddress, uInt($0.count)) }
    }

    /// Inflates `raw`: a zlib stream (`windowBits` 15, with this type's preset dictionary when
    /// the stream asks for it) or, with `windowBits` -15, a raw deflate stream.
    static func inflate(_ raw: UnsafeRawBufferPointer, windowBits: Int32 = 15) throws -> [UInt8] {
        guard let base = raw.baseAddress, !raw.isEmpty else { throw Failure(code: Z_DATA_ERROR) }
        do {
            var stream = z_stream()
            var code = inflateInit2_(&stream, windowBits, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
            guard code == Z_OK else { throw Failure(code: code) }
            defer { inflateEnd(&stream) }
            stream.next_in = UnsafeMutablePointer(mutating: base.assumingMemoryBound(to: Bytef.self))
            stream.avail_in = uInt(raw.count)
            var output: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: max(16_384, raw.count * 6))
            while true {
                let produced: Int
                (code, produced) = buffer.withUnsafeMutableBufferPointer { chunk -> (Int32, Int) in
                    stream.next_out = chunk.baseAddress
                    stream.avail_out = uInt(chunk.count)
                    var code = CZlib.inflate(&stream, Z_NO_FLUSH)
                    if code == Z_NEED_DICT {
                        guard stream.adler == dictionaryID else { return (Z_NEED_DICT, 0) }
                        code = dictionary.withUnsafeBufferPointer {
                            inflateSetDictionary(&stream, $0.baseAddress, uInt($0.count))
                        }
                        if code == Z_OK { code = CZlib.inflate(&stream, Z_NO_FLUSH) }
                    }
                    return (code, chunk.count - Int(stream.avail_out))
                }
                output.append(contentsOf: buffer[0..<produced])
                switch code {
                case Z_STREAM_END:
                    return output
                case Z_OK where produced > 0 || stream.avail_in > 0:
                    continue
                case Z_BUF_ERROR where produced > 0:
                    continue
                default:
                    throw Failure(code: code == Z_OK || code == Z_BUF_ERROR ? Z_DATA_ERROR : code)
                }
            }
        }
    }
}
