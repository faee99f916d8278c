import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive lock on a fetch folder (`fetch.lock`, held with `flock`), so two fetches
/// never write the same folder at once. The system drops it when the process ends, however
/// it ends, so a killed fetch never leaves a stale lock.
final class FolderLock {
    private let descriptor: Int32

    /// Takes the lock, or throws at once if another process holds it.
    init(folder: URL) throws {
        let path = folder.appendingPathComponent("fetch.lock").path
        descriptor = open(path, O_RDWR | O_CREAT, 0o644)
        guard descriptor >= 0 else {
            throw FetchError.file(path: path, reason: "cannot open the lock file: \(String(cString: strerror(errno)))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw FetchError.busy(folder: folder.path)
        }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
