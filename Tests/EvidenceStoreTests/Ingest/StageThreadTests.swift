import Foundation
import Testing
@testable import EvidenceStore

@Suite("StageThread")
struct StageThreadTests {
    final class Box: @unchecked Sendable {
        var value = 0
    }

    @Test("waitUntilDone returns only after the body has run, and may be called twice")
    func waitsForTheBody() {
        let box = Box()
        let thread = StageThread(name: "evidence-test-stage") {
            Thread.sleep(forTimeInterval: 0.05)
            box.value = 42
        }
        thread.waitUntilDone()
        #expect(box.value == 42)
        thread.waitUntilDone()
        #expect(box.value == 42)
    }
}
