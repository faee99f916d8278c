import EvidenceStore
import Foundation
import PubMed

/// The claims ledger in the index database: checked articles, claims, and claim–citation
/// links with stance, quote, method, decision and snapshot.
///
/// A rerun of `check` on the same article matches claims by their key and links by PMID:
/// it refreshes automatic links, never changes a human decision or a human link, and
/// reports what changed since the previous run.
public final class ClaimLedger {
    /// The database (the index).
    public let database: Database

    /// A ledger in `database` (migrated by `ArticleStore`).
    public init(database: Database) {
        self.database = database
    }

    static func now() -> String { ISO8601DateFormatter().string(from: Date()) }

    // MARK: Recording a run

    /// Applies the ledger's human decisions to `check` (dropping rejected links, adding human
    /// ones, marking confirmed ones), recomputes verdicts, stores the run, and sets `check.changes`.
    public func record(_ check: inout ArticleCheck, sha256: String) throws {
        try database.transaction {
            let timestamp = Self.now()
            let existingArticle = try database.queryFirst(
                "SELECT id FROM checked_article WHERE source = ?", arguments: [check.article.source]) { $0.int64(0) }
            let articleID: Int64
            if let existingArticle {
                articleID = existingArticle
                try database.execute("UPDATE checked_article SET title = ?, sha256 = ?, last_checked_at = ? WHERE id = ?",
                                     arguments: [check.article.title ?? "", sha256, timestamp, articleID])
            } else {
                try database.execute("""
                    INSERT INTO checked_article(source, title, sha256, first_checked_at, last_checked_at) VALUES (?, ?, ?, ?, ?)
                    """, arguments: [check.article.source, check.article.title ?? "", sha256, timestamp, timestamp])
                articleID = database.lastInsertedRowID
            }
            let previousRun = try database.queryFirst(
                "SELECT snapshot, checked_at FROM claim_check_run WHERE article_id = ? ORDER BY id DESC LIMIT 1",
                arguments: [articleID]) { ($0.string(0) ?? "", $0.string(1) ?? "") }
            try database.execute("INSERT INTO claim_check_run(article_id, snapshot, lexicon, checked_at) VALUES (?, ?, ?, ?)",
                                 arguments: [articleID, check.snapshot, check.lexicon, timestamp])
            let runID = database.lastInsertedRowID

            struct OldClaim { var id: Int64; var verdict: String; var text: String; var present: Bool }
            var oldClaims: [String: OldClaim] = [:]
            _ = try database.query("SELECT id, claim_key, verdict, text, present FROM claim WHERE article_id = ?", arguments: [articleID]) {
                oldClaims[$0.string(1) ?? ""] = OldClaim(id: $0.int64(0), verdict: $0.string(2) ?? "", text: $0.string(3) ?? "", present: $0.bool(4))
            }
            var changes = LedgerChanges(previousSnapshot: previousRun?.0 ?? "", previousCheckedAt: previousRun?.1 ?? "")
            var seenKeys = Set<String>()
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]

            for index in check.checks.indices {
                var item = check.checks[index]
                seenKeys.insert(item.claim.key)
                let old = oldClaims[item.claim.key]
                var stored: [PMID: StoredLink] = [:]
                if let old {
                    for link in try links(claimID: old.id) { stored[link.pmid] = link }
                }
                // Apply human decisions.
                var citations: [Citation] = []
                for var citation in item.citations {
                    if let link = stored[citation.pmid] {
                        if link.decision == .rejected { changes.humanDecisionsApplied += 1; continue }
                        if link.decision == .confirmed { citation.decision = .confirmed; changes.humanDecisionsApplied += 1 }
                        if link.method == .human {
                            citation.method = .human
                            citation.stance = link.stance
                        }
                    }
                    citations.append(citation)
                }
                for link in stored.values where link.method == .human && link.decision != .rejected
                    && !citations.contains(where: { $0.pmid == link.pmid }) {
                    citations.append(link.citation)
                    changes.humanDecisionsApplied += 1
                }
                citations.sort {
                    ($0.method == .human || $0.decision == .confirmed ? 1 : 0, $0.stance != .mentions ? 1 : 0, $0.score, -$0.pmid.value)
                        > ($1.method == .human || $1.decision == .confirmed ? 1 : 0, $1.stance != .mentions ? 1 : 0, $1.score, -$1.pmid.value)
                }
                item.citations = citations
                item.verdict = ClaimVerdict.decide(claim: item.claim, citations: citations)
                check.checks[index] = item

                let slots = String(decoding: try encoder.encode(item.claim.slots), as: UTF8.self)
                let claimID: Int64
                if let old {
                    claimID = old.id
                    if old.verdict != item.verdict.verdict.rawValue {
                        changes.verdictChanges.append(.init(claim: item.claim.id, text: item.claim.text, from: old.verdict, to: item.verdict.verdict.rawValue))
                    }
                    if !old.present { changes.newClaims.append(item.claim.id) }
                    try database.execute("""
                        UPDATE claim SET label = ?, text = ?, start = ?, end = ?, type = ?, slots = ?, verdict = ?, reason = ?,
                            present = 1, last_run_id = ? WHERE id = ?
                        """, arguments: [item.claim.id, item.claim.text, item.claim.span.start, item.claim.span.end, item.claim.type.rawValue,
                                         slots, item.verdict.verdict.rawValue, item.verdict.reason, runID, claimID])
                } else {
                    if previousRun != nil { changes.newClaims.append(item.claim.id) }
                    try database.execute("""
                        INSERT INTO claim(article_id, claim_key, label, text, start, end, type, slots, verdict, reason, present, last_run_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)
                        """, arguments: [articleID, item.claim.key, item.claim.id, item.claim.text, item.claim.span.start, item.claim.span.end,
                                         item.claim.type.rawValue, slots, item.verdict.verdict.rawValue, item.verdict.reason, runID])
                    claimID = database.lastInsertedRowID
                }
                // Automatic links: refresh, add, and mark the vanished ones absent. Human rows are left as they are.
                let found = Set(item.citations.filter { $0.method == .auto }.map(\.pmid))
                for citation in item.citations where citation.method == .auto {
                    if let link = stored[citation.pmid] {
                        if !link.present && previousRun != nil {
                            changes.newCitations.append(.init(claim: item.claim.id, pmid: citation.pmid, stance: citation.stance.rawValue))
                        }
                        try database.execute("""
                            UPDATE claim_citation SET stance = ?, quote = ?, quote_location = ?, quote_start = ?, quote_end = ?, score = ?,
                                confidence = ?, design = ?, sample_size = ?, year = ?, snapshot = ?, present = 1, updated_at = ?
                            WHERE claim_id = ? AND pmid = ? AND method = 'auto'
                            """, arguments: autoLinkValues(citation, snapshot: check.snapshot, timestamp: timestamp) + [claimID, citation.pmid])
                    } else {
                        if previousRun != nil {
                            changes.newCitations.append(.init(claim: item.claim.id, pmid: citation.pmid, stance: citation.stance.rawValue))
                        }
                        try insertLink(claimID: claimID, citation: citation, method: .auto, decision: nil, note: nil,
                                       snapshot: check.snapshot, timestamp: timestamp)
                    }
                }
                for link in stored.values where link.method == .auto && link.present && !found.contains(link.pmid) && link.decision != .rejected {
                    changes.removedCitations.append(.init(claim: item.claim.id, pmid: link.pmid, stance: link.stance.rawValue))
                    try database.execute("UPDATE claim_citation SET present = 0, updated_at = ? WHERE claim_id = ? AND pmid = ?",
                                         arguments: [timestamp, claimID, link.pmid])
                }
            }
            for (key, old) in oldClaims where !seenKeys.contains(key) && old.present {
                changes.removedClaims.append(old.text)
                try database.execute("UPDATE claim SET present = 0 WHERE id = ?", arguments: [old.id])
            }
            check.changes = previousRun == nil ? nil : changes
        }
    }

    private func autoLinkValues(_ c: Citation, snapshot: String, timestamp: String) -> [any DatabaseBindable] {
        [c.stance.rawValue, c.quote, c.quoteLocation.rawValue, c.quoteSpan.start, c.quoteSpan.end, c.score, c.confidence,
         c.design.rawValue, c.sampleSize, c.year,
         snapshot, timestamp]
    }

    private func insertLink(claimID: Int64, citation c: Citation, method: LinkMethod, decision: LinkDecision?, note: String?,
                            snapshot: String, timestamp: String) throws {
        try database.execute("""
            INSERT INTO claim_citation(claim_id, pmid, stance, quote, quote_location, quote_start, quote_end, score, confidence,
                design, sample_size, year, method, decision, note, snapshot, present, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)
            """, arguments: [claimID, c.pmid, c.stance.rawValue, c.quote, c.quoteLocation.rawValue, c.quoteSpan.start, c.quoteSpan.end,
                             c.score, c.confidence, c.design.rawValue, optional(c.sampleSize), optional(c.year), method.rawValue,
                             optional(decision?.rawValue), optional(note), snapshot, timestamp, timestamp])
    }

    private func optional(_ value: Int?) -> any DatabaseBindable { value }
    private func optional(_ value: String?) -> any DatabaseBindable { value }

    // MARK: Reading

    /// A stored claim–citation link.
    public struct StoredLink: Hashable, Sendable {
        public var claimID: Int64
        public var pmid: PMID
        public var stance: Stance
        public var quote: String
        public var quoteLocation: EvidenceSentence.Location
        public var quoteSpan: TextSpan
        public var score: Double
        public var confidence: Double
        public var design: StudyDesign
        public var sampleSize: Int?
        public var year: Int?
        public var method: LinkMethod
        public var decision: LinkDecision?
        public var note: String?
        public var snapshot: String
        public var present: Bool
        public var title: String?
        public var updatedAt: String

        /// The link as a citation for reports and verdicts.
        public var citation: Citation {
            Citation(pmid: pmid, title: title ?? "", year: year, design: design, sampleSize: sampleSize, stance: stance, score: score,
                     confidence: confidence, quote: quote, quoteLocation: quoteLocation, quoteSpan: quoteSpan, numbers: [],
                     comparison: nil, flags: [], isRetracted: false, method: method, decision: decision)
        }
    }

    /// A stored claim.
    public struct StoredClaim: Hashable, Sendable {
        public var id: Int64
        public var article: String
        public var label: String
        public var text: String
        public var span: TextSpan
        public var type: String
        public var verdict: String
        public var reason: String
        public var present: Bool
        public var citationCount: Int
    }

    /// The links of a claim, best first.
    public func links(claimID: Int64) throws -> [StoredLink] {
        try database.query("""
            SELECT c.pmid, c.stance, c.quote, c.quote_location, c.quote_start, c.quote_end, c.score, c.confidence, c.design,
                   c.sample_size, c.year, c.method, c.decision, c.note, c.snapshot, c.present, a.title, c.updated_at
            FROM claim_citation c LEFT JOIN article a ON a.pmid = c.pmid
            WHERE c.claim_id = ? ORDER BY c.present DESC, c.score DESC
            """, arguments: [claimID]) { row in
                StoredLink(claimID: claimID, pmid: PMID(row.int64(0)), stance: Stance(rawValue: row.string(1) ?? "") ?? .mentions,
                           quote: row.string(2) ?? "", quoteLocation: EvidenceSentence.Location(rawValue: row.string(3) ?? "") ?? .abstract,
                           quoteSpan: TextSpan(start: row.int(4), end: row.int(5)), score: row.double(6), confidence: row.double(7),
                           design: StudyDesign(label: row.string(8) ?? "") ?? .other, sampleSize: row.optionalInt(9),
                           year: row.optionalInt(10), method: LinkMethod(rawValue: row.string(11) ?? "") ?? .auto,
                           decision: row.string(12).flatMap(LinkDecision.init(rawValue:)), note: row.string(13),
                           snapshot: row.string(14) ?? "", present: row.bool(15), title: row.string(16), updatedAt: row.string(17) ?? "")
            }
    }

    /// Claims in the ledger, optionally of one article (matched by its source path), in article order.
    public func claims(article: String? = nil, includeAbsent: Bool = false) throws -> [StoredClaim] {
        var sql = """
            SELECT c.id, a.source, c.label, c.text, c.start, c.end, c.type, c.verdict, c.reason, c.present,
                   (SELECT count(*) FROM claim_citation l WHERE l.claim_id = c.id AND (l.decision IS NULL OR l.decision != 'rejected') AND (l.present = 1 OR l.method = 'human'))
            FROM claim c JOIN checked_article a ON a.id = c.article_id
            """
        var arguments: [any DatabaseBindable] = []
        var conditions: [String] = []
        if let article { conditions.append("a.source = ?"); arguments.append(article) }
        if !includeAbsent { conditions.append("c.present = 1") }
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        sql += " ORDER BY a.source, c.start, c.id"
        return try database.query(sql, arguments: arguments) { row in
            StoredClaim(id: row.int64(0), article: row.string(1) ?? "", label: row.string(2) ?? "", text: row.string(3) ?? "",
                        span: TextSpan(start: row.int(4), end: row.int(5)), type: row.string(6) ?? "", verdict: row.string(7) ?? "",
                        reason: row.string(8) ?? "", present: row.bool(9), citationCount: row.int(10))
        }
    }

    /// One claim by its ledger id.
    public func claim(id: Int64) throws -> StoredClaim {
        guard let claim = try claims(includeAbsent: true).first(where: { $0.id == id }) else {
            throw ClaimsError.notFound("claim \(id)")
        }
        return claim
    }

    // MARK: Human review

    /// Adds (or takes over) a link by hand: method `human`, decision `confirmed`.
    public func link(claimID: Int64, pmid: PMID, stance: Stance, quote: String?, note: String?) throws {
        _ = try claim(id: claimID)
        try database.transaction {
            let timestamp = Self.now()
            let snapshot = try database.scalarString("SELECT snapshot FROM claim_check_run ORDER BY id DESC LIMIT 1") ?? ""
            let year = try database.scalarInt("SELECT pub_year FROM article WHERE pmid = ?", arguments: [pmid]).map { Int($0) }
            try database.execute("DELETE FROM claim_citation WHERE claim_id = ? AND pmid = ?", arguments: [claimID, pmid])
            let citation = Citation(pmid: pmid, title: "", year: year, design: .other, sampleSize: nil, stance: stance, score: 1,
                                    confidence: 1, quote: quote ?? "", quoteLocation: .abstract, quoteSpan: TextSpan(start: 0, end: 0),
                                    numbers: [], comparison: nil, flags: [], isRetracted: false, method: .human, decision: .confirmed)
            try insertLink(claimID: claimID, citation: citation, method: .human, decision: .confirmed, note: note, snapshot: snapshot, timestamp: timestamp)
        }
    }

    /// Records a decision on an existing link (confirm or reject), optionally correcting its stance.
    public func review(claimID: Int64, pmid: PMID, decision: LinkDecision, stance: Stance? = nil, note: String? = nil) throws {
        let exists = try database.scalarInt("SELECT count(*) FROM claim_citation WHERE claim_id = ? AND pmid = ?", arguments: [claimID, pmid]) ?? 0
        guard exists > 0 else { throw ClaimsError.notFound("link between claim \(claimID) and PMID \(pmid)") }
        try database.execute("""
            UPDATE claim_citation SET decision = ?, stance = COALESCE(?, stance), note = COALESCE(?, note), updated_at = ?
            WHERE claim_id = ? AND pmid = ?
            """, arguments: [decision.rawValue, optional(stance?.rawValue), optional(note), Self.now(), claimID, pmid])
    }

    /// Rejects a link, so later runs never count it (the row is kept as the record of the decision).
    public func unlink(claimID: Int64, pmid: PMID, note: String? = nil) throws {
        try review(claimID: claimID, pmid: pmid, decision: .rejected, note: note)
    }
}
