/// Maps an element's local name, given as NUL-terminated bytes, to an `ElementName`.
///
/// A small open-addressing table keyed by an FNV-1a hash of the bytes, verified with a
/// byte comparison: no `String` is built. Unknown names map to `.other`.
struct ElementNameTable {
    private struct Slot {
        var hash: UInt32
        var bytes: [UInt8]
        var name: ElementName
    }

    private static let mask = 511
    private var slots: [Slot?]

    /// The table of every `ElementName`.
    static let shared = ElementNameTable()

    private init() {
        slots = Array(repeating: nil, count: Self.mask + 1)
        for name in ElementName.allCases where name != .other {
            let bytes = Array(name.rawValue.utf8)
            let hash = bytes.withUnsafeBufferPointer { Self.hash($0) }
            var index = Int(hash) & Self.mask
            while slots[index] != nil { index = (index + 1) & Self.mask }
            slots[index] = Slot(hash: hash, bytes: bytes, name: name)
        }
    }

    @inline(__always)
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for byte in bytes {
            hash = (hash ^ UInt32(byte)) &* 16_777_619
        }
        return hash
    }

    /// The name for `bytes` (without the terminating NUL).
    func name(for bytes: UnsafeBufferPointer<UInt8>) -> ElementName {
        let hash = Self.hash(bytes)
        var index = Int(hash) & Self.mask
        while let slot = slots[index] {
            if slot.hash == hash, slot.bytes.count == bytes.count,
               slot.bytes.withUnsafeBufferPointer({ $0.elementsEqual(bytes) }) {
                return slot.name
            }
            index = (index + 1) & Self.mask
        }
        return .other
    }

    /// The name for a NUL-terminated C string.
    func name(forCString pointer: UnsafePointer<UInt8>) -> ElementName {
        var length = 0
        while pointer[length] != 0 { length += 1 }
        return name(for: UnsafeBufferPointer(start: pointer, count: length))
    }
}

/// Remembers the `ElementName` of each interned name pointer seen during one parse.
///
/// libxml2 interns element names in its parser dictionary, so within one parse a name
/// always arrives at the same address: one pointer comparison usually settles it.
/// The owner calls `deallocate()` once.
struct ElementNameCache {
    private static let size = 1024
    private let keys: UnsafeMutablePointer<UInt>
    private let values: UnsafeMutablePointer<ElementName>
    private let lengths: UnsafeMutablePointer<Int>

    init() {
        keys = .allocate(capacity: Self.size)
        keys.initialize(repeating: 0, count: Self.size)
        values = .allocate(capacity: Self.size)
        values.initialize(repeating: .other, count: Self.size)
        lengths = .allocate(capacity: Self.size)
        lengths.initialize(repeating: 0, count: Self.size)
    }

    /// Frees the table; the cache must not be used afterwards.
    func deallocate() {
        keys.deallocate()
        values.deallocate()
        lengths.deallocate()
    }

    /// The name at `pointer`, looked up in `ElementNameTable` on a miss.
    @inline(__always)
    func name(at pointer: UnsafePointer<UInt8>) -> ElementName {
        lookup(pointer).name
    }

    /// The name at `pointer` and its length in bytes (without the NUL).
    @inline(__always)
    func lookup(_ pointer: UnsafePointer<UInt8>) -> (name: ElementName, length: Int) {
        let key = UInt(bitPattern: pointer)
        let index = Int(truncatingIfNeeded: (key >> 3) ^ (key >> 13)) & (Self.size - 1)
        if keys[index] == key { return (values[index], lengths[index]) }
        var length = 0
        while pointer[length] != 0 { length += 1 }
        let name = ElementNameTable.shared.name(for: UnsafeBufferPointer(start: pointer, count: length))
        keys[index] = key
        values[index] = name
        lengths[index] = length
        return (name, length)
    }
}
