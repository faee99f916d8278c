import Foundation
import PubMed

/// The report of `evidence check`, as written by `--format json` (schema in
/// `docs/check-report-schema.md`). Field names and meanings are stable within a schema version.
public struct CheckReport: Codable, Hashable, Sendable {
    /// The schema identifier of this report format.
    public static let schemaIdentifier = "evidence.check-report/1"

    /// The article checked.
    public struct Article: Codable, Hashable, Sendable {
        /// The path or name it was read from.
        public var source: String
        /// Its title (first heading), if any.
        public var title: String?
        /// "text", "markdown" or "html".
        public var format: String
        /// The SHA-256 of its text.
        public var sha256: String
        /// Its length in Unicode scalars (the unit of every offset).
        public var length: Int
    }

    /// A number found in an evidence sentence.
    public struct Number: Codable, Hashable, Sendable {
        public var kind: String
        public var text: String
        public var summary: String
        public var start: Int
        public var end: Int
    }

    /// A citation.
    public struct CitationEntry: Codable, Hashable, Sendable {
        public var pmid: String
        public var url: String
        public var title: String
        public var year: Int?
        public var design: String
        public var n: Int?
        public var stance: String
        public var score: Double
        public var confidence: Double
        public var quote: String
        public var quoteLocation: String
        public var quoteStart: Int
        public var quoteEnd: Int
        public var numbers: [Number]
        public var comparison: String?
        public var flags: [String]
        public var retracted: Bool
        public var method: String
        public var decision: String?
    }

    /// A claim.
    public struct ClaimEntry: Codable, Hashable, Sendable {
        public var id: String
        public var text: String
        public var start: Int
        public var end: Int
        public var type: String
        public var statement: String
        public var slots: ClaimSlots
        public var verdict: String
        public var reason: String
        public var citations: [CitationEntry]
    }

    /// A skipped statement.
    public struct SkippedEntry: Codable, Hashable, Sendable {
        public var text: String
        public var start: Int
        public var end: Int
        public var reason: String
        public var cue: String?
    }

    /// The schema identifier ("evidence.check-report/1").
    public var schema: String
    /// The tool version that wrote it.
    public var tool: String
    /// The article.
    public var article: Article
    /// The index snapshot id the claims were linked against.
    public var snapshot: String
    /// The lexicon ("name version").
    public var lexicon: String
    /// Claims in article order.
    public var claims: [ClaimEntry]
    /// Skipped statements in article order.
    public var skipped: [SkippedEntry]
    /// Counts of claims per verdict.
    public var summary: [String: Int]
    /// Changes since the previous run (absent on a first run or without the ledger).
    public var changes: LedgerChanges?

    /// The report for a check.
    public init(_ check: ArticleCheck, tool: String) {
        schema = Self.schemaIdentifier
        self.tool = tool
        let text = check.article.original.string
        article = Article(source: check.article.source, title: check.article.title, format: check.article.format.rawValue,
                          sha256: Self.sha256(text), length: check.article.original.count)
        snapshot = check.snapshot
        lexicon = check.lexicon
        claims = check.checks.map { item in
            ClaimEntry(id: item.claim.id, text: item.claim.text, start: item.claim.span.start, end: item.claim.span.end,
                       type: item.claim.type.rawValue, statement: item.claim.statement, slots: item.claim.slots,
                       verdict: item.verdict.verdict.rawValue, reason: item.verdict.reason,
                       citations: item.citations.map(Self.entry))
        }
        skipped = check.skipped.map { SkippedEntry(text: $0.text, start: $0.span.start, end: $0.span.end, reason: $0.reason, cue: $0.cue) }
        var counts: [String: Int] = [:]
        for verdict in Verdict.allCases { counts[verdict.rawValue] = 0 }
        for item in check.checks { counts[item.verdict.verdict.rawValue, default: 0] += 1 }
        summary = counts
        changes = check.changes
    }

    /// A citation as a report entry.
    public static func entry(_ c: Citation) -> CitationEntry {
        CitationEntry(
            pmid: c.pmid.description, url: "https://pubmed.ncbi.nlm.nih.gov/\(c.pmid)/", title: c.title, year: c.year,
            design: c.design.rawValue, n: c.sampleSize, stance: c.stance.rawValue, score: c.score, confidence: c.confidence,
            quote: c.quote, quoteLocation: c.quoteLocation.rawValue, quoteStart: c.quoteSpan.start, quoteEnd: c.quoteSpan.end,
            numbers: c.numbers.map { Number(kind: $0.kind.rawValue, text: $0.text, summary: $0.summary, start: $0.span.start, end: $0.span.end) },
            comparison: c.comparison?.description, flags: c.flags, retracted: c.isRetracted, method: c.method.rawValue,
            decision: c.decision?.rawValue)
    }

    /// The report as JSON: pretty-printed, keys sorted, so output is byte-stable.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    static func sha256(_ text: String) -> String {
        SHA256Digest.hex(Array(text.utf8))
    }
}
