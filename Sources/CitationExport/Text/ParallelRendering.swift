import Foundation

/// Renders a long list in chunks on every core, then joins the pieces in order.
///
/// Each format renders records independently once any whole-list state (BibTeX keys,
/// reference numbers, APA order) is computed, so the output is byte-for-byte the same as a
/// sequential loop. Lists under `minimumChunk` elements stay on the calling thread.
enum ParallelRendering {
    /// Elements per chunk below which splitting costs more than it saves.
    static let minimumChunk = 200

    /// The text `append` writes for each element of `0..<count`, in order, into buffers
    /// reserved for about `bytesPerElement` bytes each, rendered in chunks on every core.
    static func render(count: Int, bytesPerElement: Int, _ append: (Int, inout String) -> Void) -> String {
        render(count: count) { range in
            var output = ""
            output.reserveCapacity(range.count * bytesPerElement)
            for index in range { append(index, &output) }
            return output
        }
    }

    /// Runs `body` over `0..<count` in chunks on every core (the calling thread for short lists).
    static func forEachChunk(count: Int, _ body: (Range<Int>) -> Void) {
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let chunkCount = min(max(1, count / minimumChunk), cores * 4)
        guard chunkCount > 1 else { return body(0..<count) }
        let size = (count + chunkCount - 1) / chunkCount
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            let range = (chunk * size)..<min(count, (chunk + 1) * size)
            if !range.isEmpty { body(range) }
        }
    }

    /// The text of `body` over `0..<count`, computed in ordered chunks, concatenated.
    static func render(count: Int, _ body: (Range<Int>) -> String) -> String {
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let chunkCount = min(max(1, count / minimumChunk), cores * 4)
        guard chunkCount > 1 else { return body(0..<count) }
        let size = (count + chunkCount - 1) / chunkCount
        var pieces = [String](repeating: "", count: chunkCount)
        pieces.withUnsafeMutableBufferPointer { buffer in
            let base = buffer.baseAddress!
            DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
                let range = (chunk * size)..<min(count, (chunk + 1) * size)
                (base + chunk).pointee = range.isEmpty ? "" : body(range)
            }
        }
        var output = ""
        output.reserveCapacity(pieces.reduce(0) { $0 + $1.utf8.count })
        for piece in pieces { output += piece }
        return output
    }
}
