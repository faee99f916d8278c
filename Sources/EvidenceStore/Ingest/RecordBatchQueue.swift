import Foundation
import PubMed

/// One unit of work handed from the parsing thread to the writing thread, in document order.
enum IngestItem {
    case row(ArticleRow)
    case deletion([PMID])
}

/// A bounded, blocking, single-producer single-consumer queue of batches.
///
/// The producer waits when `capacity` batches are queued, which bounds memory however
/// large the file. Either side can cancel: the producer's `push` then throws and the
/// consumer's `pop` returns `nil`.
final class RecordBatchQueue: @unchecked Sendable {
    /// Thrown to the producer when the consumer has stopped.
    struct Cancelled: Error {}

    private let condition = NSCondition()
    private var batches: [[IngestItem]] = []
    private var finished = false
    private var cancelled = false
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Adds a batch, waiting while the queue is full.
    func push(_ batch: [IngestItem]) throws {
        condition.lock()
        defer { condition.unlock() }
        while batches.count >= capacity && !cancelled { condition.wait() }
        if cancelled { throw Cancelled() }
        batches.append(batch)
        condition.broadcast()
    }

    /// Marks the end of input: `pop` returns `nil` once the queue drains.
    func finish() {
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// Stops both sides.
    func cancel() {
        condition.lock()
        cancelled = true
        batches.removeAll()
        condition.broadcast()
        condition.unlock()
    }

    /// The next batch, waiting for one; `nil` when finished and drained, or cancelled.
    func pop() -> [IngestItem]? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty && !finished && !cancelled { condition.wait() }
        if cancelled || batches.isEmpty { return nil }
        let batch = batches.removeFirst()
        condition.broadcast()
        return batch
    }
}
