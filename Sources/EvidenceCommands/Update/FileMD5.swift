import Crypto
import Foundation

/// The MD5 of a file, read in chunks (NLM publishes MD5 sidecars; MD5 is used here only to
/// detect damaged downloads, not for security).
enum FileMD5 {
    /// Lower-case hex MD5 of the file at `url`.
    static func digest(of url: URL) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: url.path) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: url.path])
        }
        defer { try? handle.close() }
        var hasher = Insecure.MD5()
        while true {
            let chunk = try handle.read(upToCount: 1 << 20) ?? Data()
            if chunk.isEmpty { break }
            hasher.update(data: chunk)
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
