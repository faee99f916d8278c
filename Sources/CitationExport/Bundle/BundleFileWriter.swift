import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a bundle's files with plain POSIX calls.
///
/// Foundation's `Data.write(to:)` calls `fsync` after every file on Linux, which made writing
/// a 110 MB bundle wait for the disk. A bundle does not need that: it is written into a
/// temporary folder that is renamed into place, so no reader ever sees it half-written, and
/// `verify-bundle` checks every file's SHA-256 later. The file must not exist yet.
enum BundleFileWriter {
    /// Writes `data` to a new file at `url`; throws a `POSIXError` on failure.
    static func write(_ data: Data, to url: URL) throws {
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        var failure: Int32 = 0
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        if close(descriptor) != 0, failure == 0 { failure = errno }
        if failure != 0 { throw POSIXError(POSIXErrorCode(rawValue: failure) ?? .EIO) }
    }
}
