import ArgumentParser
import Claims
import EvidenceStore
import Foundation
import PubMed

/// `evidence claims`: the claims ledger: list and show checked claims, and review their links.
struct ClaimsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claims",
        abstract: "List checked claims and review their citations (confirm, reject, add links).",
        discussion: """
            Human decisions are kept in the index: a later 'evidence check' of the same article never \
            overwrites them. A rejected link never counts again; a link added by hand always counts.
            """,
        subcommands: [List.self, Show.self, Link.self, Unlink.self, Review.self]
    )

    /// Opens the ledger of an existing index.
    static func ledger(_ options: IndexOptions) throws -> (ArticleStore, ClaimLedger) {
        guard FileManager.default.fileExists(atPath: options.index) else {
            throw ValidationError("no index at \(options.index): run 'evidence check ARTICLE' first")
        }
        let store = try ArticleStore(path: options.index, create: false)
        return (store, ClaimLedger(database: store.database))
    }

    static func parsePMID(_ text: String) throws -> PMID {
        guard let pmid = PMID(text) else { throw ValidationError("not a PMID: \(text)") }
        return pmid
    }
}

extension Stance: ExpressibleByArgument {}

extension ClaimsCommand {
    /// `evidence claims list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the claims in the ledger with their verdicts.")

        @Option(help: ArgumentHelp("Only the claims of this article (as given to check).", valueName: "path"))
        var article: String?

        @Flag(help: "Include claims no longer found in their article.")
        var all = false

        @Flag(help: "Print JSON lines.")
        var json = false

        @OptionGroup var indexOptions: IndexOptions

        func run() throws { try run(output: .standard()) }

        func run(output: CommandOutput) throws {
            let (store, ledger) = try ClaimsCommand.ledger(indexOptions)
            defer { store.close() }
            let claims = try ledger.claims(article: article, includeAbsent: all)
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                struct Line: Encodable { var id: Int64; var article: String; var label: String; var type: String; var verdict: String; var citations: Int; var present: Bool; var text: String }
                for c in claims {
                    let line = Line(id: c.id, article: c.article, label: c.label, type: c.type, verdict: c.verdict, citations: c.citationCount, present: c.present, text: c.text)
                    output.write(String(decoding: try encoder.encode(line), as: UTF8.self) + "\n")
                }
                return
            }
            if claims.isEmpty { output.writeError("no claims in the ledger\(article.map { " for \($0)" } ?? "")\n") }
            for c in claims {
                let text = c.text.count > 80 ? String(c.text.prefix(79)) + "…" : c.text
                output.write("\(String(c.id).padding(toLength: 5, withPad: " ", startingAt: 0)) \(c.label.padding(toLength: 4, withPad: " ", startingAt: 0)) \(c.type.padding(toLength: 14, withPad: " ", startingAt: 0)) \(c.verdict.padding(toLength: 31, withPad: " ", startingAt: 0)) \(String(c.citationCount).padding(toLength: 3, withPad: " ", startingAt: 0)) \(text)\(c.present ? "" : " [gone]")\n")
            }
        }
    }

    /// `evidence claims show ID`.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one claim with every link, its stance, method and decision.")

        @Argument(help: "The claim's ledger id (from 'claims list').")
        var id: Int64

        @OptionGroup var indexOptions: IndexOptions

        func run() throws { try run(output: .standard()) }

        func run(output: CommandOutput) throws {
            let (store, ledger) = try ClaimsCommand.ledger(indexOptions)
            defer { store.close() }
            let claim = try ledger.claim(id: id)
            var text = "Claim \(claim.id) (\(claim.label), \(claim.type)) in \(claim.article), chars \(claim.span.start)–\(claim.span.end)\n"
            text += "  \(claim.text)\n  Verdict: \(claim.verdict): \(claim.reason)\n"
            for link in try ledger.links(claimID: id) {
                var status = link.method.rawValue
                if let decision = link.decision { status += ", \(decision.rawValue)" }
                if !link.present && link.method == .auto { status += ", not found by the last run" }
                text += "  PMID \(link.pmid) \(link.stance.rawValue) (score \(link.score), \(status))"
                text += [link.year.map { " \($0)" }, Optional(" \(link.design.rawValue)"), link.sampleSize.map { " n=\($0)" }].compactMap { $0 }.joined()
                text += "\n"
                if !link.quote.isEmpty { text += "    \"\(link.quote)\"\n" }
                if let note = link.note { text += "    note: \(note)\n" }
            }
            output.write(text)
        }
    }

    /// `evidence claims link ID PMID`.
    struct Link: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a link by hand (method human, confirmed).")

        @OptionGroup var target: ClaimLinkTarget
        @Option(help: "How the record bears on the claim: supports, contradicts, mixed or mentions.") var stance: Stance = .supports
        @Option(help: "The evidence sentence.") var quote: String?
        @Option(help: "A note for other reviewers.") var note: String?
        @OptionGroup var indexOptions: IndexOptions

        func run() throws { try run(output: .standard()) }

        func run(output: CommandOutput) throws {
            let (store, ledger, id, pmid) = try target.open(indexOptions)
            defer { store.close() }
            try ledger.link(claimID: id, pmid: pmid, stance: stance, quote: quote, note: note)
            output.writeError("claim \(id): linked PMID \(pmid) (\(stance.rawValue), human, confirmed)\n")
        }
    }

    /// `evidence claims unlink ID PMID`.
    struct Unlink: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Reject a link: it never counts again, even after a new check.")

        @OptionGroup var target: ClaimLinkTarget
        @Option(help: "Why.") var note: String?
        @OptionGroup var indexOptions: IndexOptions

        func run() throws { try run(output: .standard()) }

        func run(output: CommandOutput) throws {
            let (store, ledger, id, pmid) = try target.open(indexOptions)
            defer { store.close() }
            try ledger.unlink(claimID: id, pmid: pmid, note: note)
            output.writeError("claim \(id): rejected PMID \(pmid)\n")
        }
    }

    /// `evidence claims review ID PMID --confirm|--reject`.
    struct Review: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Confirm or reject an automatic link, optionally correcting its stance.")

        enum Decision: String, EnumerableFlag { case confirm, reject }

        @OptionGroup var target: ClaimLinkTarget
        @Flag(help: "The decision.") var decision: Decision
        @Option(help: "The corrected stance.") var stance: Stance?
        @Option(help: "A note for other reviewers.") var note: String?
        @OptionGroup var indexOptions: IndexOptions

        func run() throws { try run(output: .standard()) }

        func run(output: CommandOutput) throws {
            let (store, ledger, id, pmid) = try target.open(indexOptions)
            defer { store.close() }
            try ledger.review(claimID: id, pmid: pmid, decision: decision == .confirm ? .confirmed : .rejected, stance: stance, note: note)
            output.writeError("claim \(id): PMID \(pmid) \(decision == .confirm ? "confirmed" : "rejected")\n")
        }
    }
}

/// The `ID PMID` pair that `claims link`, `unlink` and `review` act on.
struct ClaimLinkTarget: ParsableArguments {
    @Argument(help: "The claim's ledger id (from 'claims list').") var id: Int64
    @Argument(help: "The PMID of the record linked, or to link.") var pmid: String

    /// Opens the ledger and checks the PMID; the caller closes the store.
    func open(_ indexOptions: IndexOptions) throws -> (ArticleStore, ClaimLedger, Int64, PMID) {
        let pmid = try ClaimsCommand.parsePMID(self.pmid)
        let (store, ledger) = try ClaimsCommand.ledger(indexOptions)
        return (store, ledger, id, pmid)
    }
}
