#if canImport(Glibc)
import Glibc
#endif

/// Caps glibc's malloc arenas for the ingest pipeline's threads.
///
/// glibc gives a thread that allocates while the existing arenas are busy an arena of its
/// own (up to 8 per core), and memory freed in an arena mostly stays with the process. Each
/// file's pipeline starts new parsing and packing threads, and the deferred index builds sort
/// on a helper thread, so every file after the first left the last file's freed memory in the
/// old arenas and allocated afresh in new ones: two 250,000-record files in one run peaked at
/// 175 MB (the first alone at 136 MB), four files and `--optimize` at 219 MB. With two arenas
/// (the pipeline runs on two cores), the two files peak at 137 MB in the same time.
///
/// The cap is process-wide (`mallopt(M_ARENA_MAX)`), set once before the first ingest; it
/// only changes where later threads allocate. A no-op where the C library is not glibc.
enum AllocatorArenas {
    /// The arenas allowed: one per core the pipeline keeps busy.
    static let maximum: Int32 = 2

    /// `M_ARENA_MAX` in glibc's <malloc.h>, which Swift's Glibc module does not import.
    static let arenaMaxOption: Int32 = -8

    /// Applies the cap the first time it is read. `mallopt` is looked up at run time, since
    /// <malloc.h> is not in Swift's Glibc module either; musl has no `mallopt` and is left as is.
    private static let applied: Bool = {
        #if canImport(Glibc)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return false }
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        return unsafeBitCast(symbol, to: Mallopt.self)(arenaMaxOption, maximum) == 1
        #else
        return false
        #endif
    }()

    /// Caps the arenas (once per process); true when the C library took the setting.
    @discardableResult
    static func limit() -> Bool { applied }
}
