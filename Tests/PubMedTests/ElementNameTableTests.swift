import Testing
@testable import PubMed

@Suite("Element names")
struct ElementNameTableTests {
    @Test("every known name maps to itself by bytes", arguments: ElementName.allCases.filter { $0 != .other })
    func knownNames(name: ElementName) {
        let bytes = Array(name.rawValue.utf8)
        #expect(bytes.withUnsafeBufferPointer { ElementNameTable.shared.name(for: $0) } == name)
    }

    @Test("unknown names, near misses and the empty name are .other", arguments: ["i", "sup", "math", "PMIDs", "PMI", "pmid", "", "Articletitle"])
    func unknownNames(text: String) {
        let bytes = Array(text.utf8)
        #expect(bytes.withUnsafeBufferPointer { ElementNameTable.shared.name(for: $0) } == .other)
    }

    @Test("the pointer cache returns the same answers as the table for interned names")
    func cache() {
        let cache = ElementNameCache()
        defer { cache.deallocate() }
        // Like libxml2's dictionary: one stable buffer per distinct name.
        let names = ["PMID", "Article", "i", "Unknown", "MedlineCitation"]
        let interned = names.map { name -> UnsafeMutablePointer<UInt8> in
            let bytes = Array(name.utf8) + [0]
            let pointer = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes.count)
            pointer.initialize(from: bytes, count: bytes.count)
            return pointer
        }
        defer { interned.forEach { $0.deallocate() } }
        for _ in 0..<2 {
            for (name, pointer) in zip(names, interned) {
                let expected = Array(name.utf8).withUnsafeBufferPointer { ElementNameTable.shared.name(for: $0) }
                #expect(cache.name(at: UnsafePointer(pointer)) == expected)
            }
        }
    }
}
