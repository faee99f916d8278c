import Foundation
@testable import PubMed
import Testing

/// `StudyDesign`'s cue search on bytes gives the answers of Foundation's `contains(_:)`.
struct StudyDesignCueTests {
    static let cues = ["randomized", "open-label", "review", "cohort", "case report", "meta-analysis", "registry"]

    @Test("containsCue agrees with Foundation's contains", arguments: [
        "a randomized trial", "randomized", "xrandomizedx", "randomize", "open-label extension", "open label",
        "a systematic review", "revie\u{301}w", "a review\u{301} of", "reviewé", "cohort\u{308}", "a cohort, then a cohort study",
        "", "r", "case  report", "case report", "meta-analyses", "métá-analysis", "the registry", "registr\u{0338}y",
    ])
    func agrees(text: String) {
        for cue in Self.cues {
            #expect(text.containsCue(cue) == text.contains(cue), "\(text.debugDescription) ∋ \(cue)")
        }
    }
}
