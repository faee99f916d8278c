import Foundation

/// Batch checking: one `{"id", "claim"}` JSON object per line in, one result line out.
public enum BatchClaims {
    /// A claim read from a batch file.
    public struct Input: Hashable, Sendable {
        /// The id as written (a number or a string), kept as JSON-ready text.
        public var id: BatchID
        /// The claim text.
        public var claim: String
        /// The 1-based line number.
        public var line: Int
    }

    /// A claim id as written in the input, number or string.
    public enum BatchID: Hashable, Sendable, Codable, CustomStringConvertible {
        case number(Int64)
        case string(String)

        public init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let n = try? container.decode(Int64.self) { self = .number(n) } else { self = .string(try container.decode(String.self)) }
        }

        public func encode(to encoder: Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .number(let n): try container.encode(n)
            case .string(let s): try container.encode(s)
            }
        }

        public var description: String {
            switch self {
            case .number(let n): return String(n)
            case .string(let s): return s
            }
        }
    }

    /// One output line.
    public struct Output: Codable, Hashable, Sendable {
        /// A citation in batch output.
        public struct Entry: Codable, Hashable, Sendable {
            public var pmid: String
            public var stance: String
            public var score: Double
            public var confidence: Double
            public var quote: String
            public var design: String
            public var n: Int?
            public var year: Int?
        }

        public var id: BatchID
        public var verdict: String
        public var reason: String
        public var type: String
        public var citations: [Entry]
    }

    /// Reads a batch file; other keys on a line are ignored. A bad line throws with its number.
    public static func read(path: String) throws -> [Input] {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ClaimsError.invalidClaimsLine(path: path, line: 0, reason: "cannot read: \(error.localizedDescription)")
        }
        struct Line: Decodable { var id: BatchID?; var claim: String? }
        var inputs: [Input] = []
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { continue }
            guard let decoded = try? JSONDecoder().decode(Line.self, from: Data(trimmed.utf8)) else {
                throw ClaimsError.invalidClaimsLine(path: path, line: offset + 1, reason: "not a JSON object")
            }
            guard let id = decoded.id else { throw ClaimsError.invalidClaimsLine(path: path, line: offset + 1, reason: "missing \"id\"") }
            guard let claim = decoded.claim, !claim.isEmpty else {
                throw ClaimsError.invalidClaimsLine(path: path, line: offset + 1, reason: "missing \"claim\"")
            }
            inputs.append(Input(id: id, claim: claim, line: offset + 1))
        }
        return inputs
    }

    /// The output line for a check.
    public static func output(id: BatchID, check: ClaimCheck) -> Output {
        Output(id: id, verdict: check.verdict.verdict.rawValue, reason: check.verdict.reason, type: check.claim.type.rawValue,
               citations: check.citations.map {
                   Output.Entry(pmid: $0.pmid.description, stance: $0.stance.rawValue, score: $0.score, confidence: $0.confidence,
                                quote: $0.quote, design: $0.design.rawValue, n: $0.sampleSize, year: $0.year)
               })
    }

    /// Checks every claim of a batch file; returns the JSONL text.
    public static func run(path: String, checker: ClaimChecker, depth: Int = 20) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var out = ""
        for input in try read(path: path) {
            var check = try checker.check(claimText: input.claim, id: input.id.description, depth: depth)
            check.claim.id = input.id.description
            out += String(decoding: try encoder.encode(output(id: input.id, check: check)), as: UTF8.self) + "\n"
        }
        return out
    }
}
