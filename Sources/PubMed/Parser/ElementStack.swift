/// The names of the open elements, outermost first, in manually managed memory.
///
/// An `Array` would pay uniqueness checks on every push and pop in the SAX hot path.
/// The owner calls `deallocate()` once.
struct ElementStack {
    private var base: UnsafeMutablePointer<ElementName>
    /// The byte length of each open element's local name, for writing its end tag.
    private var lengths: UnsafeMutablePointer<Int>
    private var capacity: Int
    /// How many elements are open.
    private(set) var count = 0

    init(capacity: Int = 64) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
        lengths = .allocate(capacity: capacity)
    }

    /// Frees the storage; the stack must not be used afterwards.
    func deallocate() {
        base.deallocate()
        lengths.deallocate()
    }

    /// The innermost open element, or `.other` when none is open.
    var last: ElementName {
        count > 0 ? base[count - 1] : .other
    }

    /// The parent of the innermost open element, or `.other`.
    var secondToLast: ElementName {
        count > 1 ? base[count - 2] : .other
    }

    @inline(__always)
    mutating func append(_ name: ElementName, length: Int) {
        if count == capacity {
            let newBase = UnsafeMutablePointer<ElementName>.allocate(capacity: capacity * 2)
            newBase.initialize(from: base, count: count)
            base.deallocate()
            base = newBase
            let newLengths = UnsafeMutablePointer<Int>.allocate(capacity: capacity * 2)
            newLengths.initialize(from: lengths, count: count)
            lengths.deallocate()
            lengths = newLengths
            capacity *= 2
        }
        (base + count).initialize(to: name)
        (lengths + count).initialize(to: length)
        count += 1
    }

    /// Closes the innermost element, returning its name and local-name length.
    @inline(__always)
    mutating func popLast() -> (name: ElementName, length: Int)? {
        guard count > 0 else { return nil }
        count -= 1
        return (base[count], lengths[count])
    }
}
