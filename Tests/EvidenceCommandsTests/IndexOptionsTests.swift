@testable import EvidenceCommands
import Testing

@Suite("--index default")
struct IndexOptionsTests {
    @Test("EVIDENCE_INDEX names the default index; unset or empty falls back to Index/evidence.sqlite")
    func defaultPath() throws {
        #expect(IndexOptions.defaultPath(environment: ["EVIDENCE_INDEX": "/data/kb.sqlite"]) == "/data/kb.sqlite")
        #expect(IndexOptions.defaultPath(environment: ["EVIDENCE_INDEX": ""]) == "Index/evidence.sqlite")
        #expect(IndexOptions.defaultPath(environment: [:]) == "Index/evidence.sqlite")
        // An explicit --index wins over the default.
        let options = try IndexOptions.parse(["--index", "other.sqlite"])
        #expect(options.index == "other.sqlite")
    }
}
