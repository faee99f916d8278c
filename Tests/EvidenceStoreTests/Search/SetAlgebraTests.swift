import Foundation
import Testing
import EvidenceTestSupport
@testable import EvidenceStore

/// A AND B = A ∩ B, A OR B = A ∪ B, A NOT B = A − B on random queries over real records.
@Suite("Set algebra on a real index")
struct SetAlgebraTests {
    static let files = ["corpus/ketamine/esketamine-trd-records.xml", "corpus/ketamine/esketamine-trials-efetch.xml"]

    /// Operands: words, phrases, truncations, scoped terms and field criteria, mixed.
    static let operands = [
        "ketamine", "esketamine", "depression", "placebo", "\"nasal spray\"", "suicid*", "response", "remission",
        "trial[ti]", "esketamine[ti]", "dissociation[tiab]", "safety[ab]", "Review[pt]", "Randomized Controlled Trial[pt]",
        "Humans[mh]", "Ketamine[mh]", "Antidepressive Agents[majr]", "drug therapy[sh]", "2020:2022[dp]", "2024[dp]",
        "eng[la]", "\"treatment resistant\"[tiab]", "\"esketamine depression\"[tiab:~5]", "adolescen*", "Daly EJ[au]",
        "J Clin Psychiatry[ta]", "(ketamine OR esketamine)", "(placebo NOT Review[pt])",
    ]

    @Test("AND, OR and NOT match intersection, union and difference", .enabled(if: files.allSatisfy(SharedData.isAvailable)))
    func setAlgebra() throws {
        let fixture = try SearchFixture(paths: try Self.files.map { try SharedData.url($0).path })
        var generator = SeededGenerator(seed: 20_261_127)
        var checked = 0
        var nonTrivial = 0
        for _ in 0..<120 {
            let a = Self.operands[Int(generator.next() % UInt64(Self.operands.count))]
            let b = Self.operands[Int(generator.next() % UInt64(Self.operands.count))]
            let setA = try fixture.pmids(a)
            let setB = try fixture.pmids(b)
            #expect(try fixture.pmids("(\(a)) AND (\(b))") == setA.intersection(setB), "\(a) AND \(b)")
            #expect(try fixture.pmids("(\(a)) OR (\(b))") == setA.union(setB), "\(a) OR \(b)")
            #expect(try fixture.pmids("(\(a)) NOT (\(b))") == setA.subtracting(setB), "\(a) NOT \(b)")
            // Adjacency is AND (b grouped, since a tag binds to every word before it).
            #expect(try fixture.pmids("\(a) (\(b))") == setA.intersection(setB), "\(a) (\(b))")
            checked += 1
            if !setA.isEmpty && !setB.isEmpty && setA != setB { nonTrivial += 1 }
        }
        #expect(checked == 120)
        #expect(nonTrivial > 50)
    }

    @Test("three operands evaluate left to right", .enabled(if: files.allSatisfy(SharedData.isAvailable)))
    func threeOperands() throws {
        let fixture = try SearchFixture(paths: try Self.files.map { try SharedData.url($0).path })
        var generator = SeededGenerator(seed: 7)
        let operators = ["AND", "OR", "NOT"]
        for _ in 0..<40 {
            let a = Self.operands[Int(generator.next() % UInt64(Self.operands.count))]
            let b = Self.operands[Int(generator.next() % UInt64(Self.operands.count))]
            let c = Self.operands[Int(generator.next() % UInt64(Self.operands.count))]
            let op1 = operators[Int(generator.next() % 3)], op2 = operators[Int(generator.next() % 3)]
            func apply(_ op: String, _ x: Set<Int64>, _ y: Set<Int64>) -> Set<Int64> {
                op == "AND" ? x.intersection(y) : op == "OR" ? x.union(y) : x.subtracting(y)
            }
            let expected = apply(op2, apply(op1, try fixture.pmids(a), try fixture.pmids(b)), try fixture.pmids(c))
            #expect(try fixture.pmids("\(a) \(op1) \(b) \(op2) \(c)") == expected, "\(a) \(op1) \(b) \(op2) \(c)")
        }
    }
}
