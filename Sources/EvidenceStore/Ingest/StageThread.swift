import Foundation

/// A named thread that runs one stage of the ingest pipeline and can be waited for.
final class StageThread: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    /// Touched only by the thread that waits.
    private var joined = false

    /// Starts `body` on a new thread called `name`.
    init(name: String, stackSize: Int? = nil, body: @escaping @Sendable () -> Void) {
        let thread = Thread { [done] in
            body()
            done.signal()
        }
        thread.name = name
        if let stackSize { thread.stackSize = stackSize }
        thread.start()
    }

    /// Waits for the thread to end; safe to call more than once.
    func waitUntilDone() {
        guard !joined else { return }
        done.wait()
        joined = true
    }
}
