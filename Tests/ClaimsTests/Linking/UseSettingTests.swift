import Claims
import EvidenceStore
import EvidenceTestSupport
import PubMed
import Testing

@Suite("Linking: the setting of use (supervised treatment or not)")
struct UseSettingTests {
    static let records = "records/titles-settings-and-comparisons.xml"

    @Test("no harm in supervised treatment does not contradict a harm claimed for frequent or unsupervised use")
    func supervisedEvidenceForUnsupervisedClaim() throws {
        let text = "Possible cognitive problems may follow if ketamine is used frequently or without proper medical oversight."
        let isCognitive: (Claim) -> Bool = { $0.slots.effect?.id == "cognitive-effects" }
        let trial = try #require(try Fixtures.citation(9500003, for: text, against: Self.records, claim: isCognitive))
        #expect(trial.stance == .mentions)
        #expect(trial.flags.contains("evidence is about supervised treatment, claim is about frequent or unsupervised use"))
        // A study of recreational users bears on it, whatever it found.
        let users = try #require(try Fixtures.citation(9500004, for: text, against: Self.records, claim: isCognitive))
        #expect(users.stance == .contradicts)
        #expect(users.flags.isEmpty)
        // Without the condition, the trial contradicts as before.
        let plain = try #require(try Fixtures.citation(9500003, for: "Ketamine can cause cognitive problems.", against: Self.records, claim: isCognitive))
        #expect(plain.stance == .contradicts)
    }

    @Test("harm in recreational use does not contradict safety claimed under medical supervision")
    func recreationalEvidenceForSupervisedClaim() throws {
        let text = "Ketamine does not cause cognitive impairment when used at low doses under medical supervision."
        let isCognitive: (Claim) -> Bool = { $0.slots.effect?.id == "cognitive-effects" || $0.type == .safety || $0.type == .adverseEffect }
        let users = try #require(try Fixtures.citation(9500008, for: text, against: Self.records, claim: isCognitive))
        #expect(users.stance == .mentions)
        #expect(users.flags.contains("evidence is about recreational or unsupervised use, claim is about supervised treatment"))
        // Unscoped, the same record contradicts.
        let plain = try #require(try Fixtures.citation(9500008, for: "Ketamine does not cause cognitive impairment.", against: Self.records, claim: isCognitive))
        #expect(plain.stance == .contradicts)
    }
}
