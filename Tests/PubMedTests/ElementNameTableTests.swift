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

    @Test("the pointer cache returns the same answers as the table")
    func cache() {
        let cache = ElementNameCache()
        defer { cache.deallocate() }
        for text in ["PMID", "Article", "i", "PMID", "Article", "Unknown"] {
            let expected = Array(text.utf8).withUnsafeBufferPointer { ElementNameTable.shared.name(for: $0) }
            text.withCString { pointer in
                pointer.withMemoryRebound(to: UInt8.self, capacity: text.utf8.count + 1) { bytes in
                    #expect(cache.name(at: bytes) == expected)
                    #expect(cache.name(at: bytes) == expected)
                }
            }
        }
    }
}
