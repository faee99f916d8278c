import CitationExport
import Claims
import EvidenceStore
import Foundation
import PubMed

/// Where the records of an export come from, resolved against the index into items.
enum ExportSource {
    /// A search query (the search syntax) with search filters; `options.limit` caps the hits.
    case query(String, options: SearchOptions)
    /// A file of PMIDs, one per line (`-` for standard input); blank lines and `#` comments are skipped.
    case pmidList(path: String)
    /// A claim in the ledger, by id: its citations, with stances and quotes.
    case claim(String)
    /// A check report (`evidence check --format json`): every claim and citation in it.
    case check(path: String)

    /// What was asked, as the manifest records it.
    var manifestSource: BundleManifest.Source {
        switch self {
        case .query(let query, let options):
            var filters: [String: String] = ["sort": options.sort.rawValue]
            if options.limit < Int.max / 2 { filters["limit"] = String(options.limit) }
            if let since = options.since { filters["since"] = String(since) }
            if let until = options.until { filters["until"] = String(until) }
            if !options.publicationTypes.isEmpty { filters["type"] = options.publicationTypes.joined(separator: "; ") }
            return .init(kind: "query", value: query, filters: filters)
        case .pmidList(let path): return .init(kind: "pmids", value: path == "-" ? "<stdin>" : path)
        case .claim(let id): return .init(kind: "claim", value: id)
        case .check(let path): return .init(kind: "check", value: path)
        }
    }

    /// The items and claims to export. Throws `ExportError` for an unknown PMID (every missing
    /// one is named), an empty result, or an unreadable input.
    func resolve(store: ArticleStore, output: CommandOutput) throws -> (items: [ExportItem], claims: [BundleManifest.ClaimSummary]) {
        switch self {
        case .query(let text, let options):
            let searcher = ArticleSearcher(database: store.database)
            let pmids = try searcher.search(text, options: options).hits.map(\.pmid)
            guard !pmids.isEmpty else { throw ExportError.emptyResult(source: "the query '\(text)'") }
            return (try Self.records(pmids, store: store).map { ExportItem(record: $0) }, [])
        case .pmidList(let path):
            let pmids = try Self.readPMIDs(path: path, output: output)
            guard !pmids.isEmpty else { throw ExportError.emptyResult(source: path == "-" ? "standard input" : path) }
            return (try Self.records(pmids, store: store).map { ExportItem(record: $0) }, [])
        case .claim(let id):
            guard let number = Int64(id) else { throw ExportError.unknownClaim(id) }
            let ledger = ClaimLedger(database: store.database)
            let claim: ClaimLedger.StoredClaim
            do {
                claim = try ledger.claim(id: number)
            } catch ClaimsError.notFound {
                throw ExportError.unknownClaim(id)
            }
            let links = try ledger.links(claimID: number).filter { link in
                link.decision != .rejected && (link.present || link.method == .human)
            }
            let summary = BundleManifest.ClaimSummary(
                id: id, text: claim.text, verdict: claim.verdict, reason: claim.reason,
                citations: links.map { .init(pmid: $0.pmid, stance: $0.stance.rawValue, quote: $0.quote.isEmpty ? nil : $0.quote) })
            return try Self.items(for: [summary], store: store, source: "claim \(id)")
        case .check(let path):
            let report = try CheckReportReader(path: path)
            if let snapshot = report.snapshot, let current = try? store.snapshotID, snapshot != current {
                output.writeError("warning: \(path) was made against index snapshot \(snapshot.prefix(12)); the index is now \(current.prefix(12))\n")
            }
            return try Self.items(for: report.claims, store: store, source: path)
        }
    }

    /// Items for claims, failing when any cited PMID is missing or nothing is cited.
    static func items(for claims: [BundleManifest.ClaimSummary], store: ArticleStore, source: String) throws -> (items: [ExportItem], claims: [BundleManifest.ClaimSummary]) {
        let pmids = BundleManifest.citedPMIDs(claims)
        guard !pmids.isEmpty else { throw ExportError.emptyResult(source: source) }
        let records = try Self.records(pmids, store: store)
        let byPMID = Dictionary(records.map { ($0.pmid, $0) }, uniquingKeysWith: { first, _ in first })
        return (BundleManifest.items(for: claims, records: byPMID), claims)
    }

    /// The records of `pmids`, in order (without `originalXML`, which no format uses); every
    /// PMID missing from the index is reported at once.
    static func records(_ pmids: [PMID], store: ArticleStore) throws -> [PubMedRecord] {
        var records: [PubMedRecord] = []
        records.reserveCapacity(pmids.count)
        var missing: [PMID] = []
        for (pmid, record) in zip(pmids, try store.records(pmids, keepingOriginalXML: false)) {
            if let record { records.append(record) } else { missing.append(pmid) }
        }
        guard missing.isEmpty else { throw ExportError.unknownPMIDs(missing, index: store.path) }
        return records
    }

    /// PMIDs from a file or standard input: one per line (commas and spaces also separate),
    /// `#` starts a comment; duplicates are kept once, in first-seen order.
    static func readPMIDs(path: String, output: CommandOutput) throws -> [PMID] {
        let text: String
        if path == "-" {
            text = output.readStandardInput()
        } else {
            guard let data = FileManager.default.contents(atPath: path) else { throw ExportError.unreadableFile(path: path) }
            text = String(decoding: data, as: UTF8.self)
        }
        var seen = Set<PMID>()
        var pmids: [PMID] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let content = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            for word in content.split(whereSeparator: { $0.isWhitespace || $0 == "," }) {
                guard let pmid = PMID(word) else {
                    throw ExportError.invalidPMID(file: path == "-" ? "<stdin>" : path, line: index + 1, text: String(word))
                }
                if seen.insert(pmid).inserted { pmids.append(pmid) }
            }
        }
        return pmids
    }
}
