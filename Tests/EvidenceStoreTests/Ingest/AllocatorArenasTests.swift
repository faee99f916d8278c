import Foundation
import Testing
@testable import EvidenceStore
#if canImport(Glibc)
import Glibc
#endif

@Suite("AllocatorArenas")
struct AllocatorArenasTests {
    #if canImport(Glibc)
    /// The arenas glibc has made so far: the `<heap nr=…>` elements of `malloc_info`'s report.
    static func arenaCount() throws -> Int {
        let symbol = try #require(dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_info"))
        typealias MallocInfo = @convention(c) (Int32, UnsafeMutablePointer<FILE>?) -> Int32
        var buffer: UnsafeMutablePointer<CChar>?
        var size = 0
        let stream = try #require(open_memstream(&buffer, &size))
        let code = unsafeBitCast(symbol, to: MallocInfo.self)(0, stream)
        fclose(stream)
        defer { free(buffer) }
        #expect(code == 0)
        let report = String(cString: try #require(buffer))
        return report.components(separatedBy: "<heap nr=").count - 1
    }

    @Test("with the cap, threads allocating at once make no new arena (without it, each would make its own)")
    func threadsShareTheCappedArenas() throws {
        #expect(AllocatorArenas.limit())
        let before = try Self.arenaCount()
        // glibc fixes its arena limit for good once a process has more than 8 arenas (its
        // `arena_test`) and another is asked for; a cap set after that is ignored. The CLI sets
        // it before its first pipeline; in this process other suites start threads first, so
        // the check below holds only when the cap came in time, which it does when at most 8
        // arenas existed when the first ingest (or this test) set it.
        guard before <= 8 else { return }
        // Sixteen threads, all alive at once, each allocating: glibc gives a new thread an
        // arena of its own while the count is under the cap (8 per core by default).
        let threads = 16
        let allocated = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let done = DispatchGroup()
        for _ in 0..<threads {
            done.enter()
            let thread = Thread {
                let block = malloc(64 * 1024)
                if let block { memset(block, 1, 64 * 1024) }
                allocated.signal()
                release.wait()
                free(block)
                done.leave()
            }
            thread.start()
        }
        for _ in 0..<threads { allocated.wait() }
        let during = try Self.arenaCount()
        for _ in 0..<threads { release.signal() }
        done.wait()
        #expect(before >= 1)
        #expect(during <= max(before, Int(AllocatorArenas.maximum)), "arenas: \(before) before, \(during) with \(threads) threads")
    }
    #endif
}
