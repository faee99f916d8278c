/// A growable byte buffer with manual memory management, for the parser's hot path.
///
/// `Array` pays uniqueness and capacity checks through generic code on every append;
/// this is a pointer, a count and a capacity. The owner calls `deallocate()` once.
struct ByteBuffer {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    /// Frees the storage; the buffer must not be used afterwards.
    func deallocate() {
        base.deallocate()
    }

    /// The bytes written so far.
    var bytes: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: base, count: count)
    }

    @inline(__always)
    mutating func removeAll() {
        count = 0
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        if count == capacity { grow(to: count + 1) }
        base[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func append(_ pointer: UnsafePointer<UInt8>, count length: Int) {
        guard length > 0 else { return }
        if count + length > capacity { grow(to: count + length) }
        (base + count).update(from: pointer, count: length)
        count += length
    }

    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let pointer = bytes.baseAddress else { return }
        append(pointer, count: bytes.count)
    }

    @inline(__always)
    mutating func append(_ text: StaticString) {
        append(text.utf8Start, count: text.utf8CodeUnitCount)
    }

    /// The contents as a `String` (validated as UTF-8, as libxml2 hands over).
    func string() -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    private mutating func grow(to needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }
}
