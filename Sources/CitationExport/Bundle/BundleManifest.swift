import PubMed

/// `manifest.json`: what a bundle holds and where it came from.
///
/// It records what was asked (`source`), the PMIDs in order, the index snapshot and the files
/// ingested into it, the tool version, the date, counts, the claims (with verdicts and quotes)
/// when a claim or a check was the source, and the SHA-256 of every other file in the bundle.
public struct BundleManifest: Codable, Hashable, Sendable {
    /// The manifest layout version written by this code.
    public static let currentFormatVersion = 1

    public var formatVersion: Int
    /// The program that wrote the bundle.
    public var tool: Tool
    /// When the bundle was written (ISO 8601, UTC).
    public var created: String
    /// What was asked for.
    public var source: Source
    /// The PMIDs exported, in order, each once.
    public var pmids: [PMID]
    /// The index the records were read from.
    public var index: IndexProvenance
    /// The formats written, and the Markdown styles.
    public var formats: [CitationFormat]
    public var styles: [ReferenceStyle]
    /// Claims behind the export, when a claim or a check is the source.
    public var claims: [ClaimSummary]
    public var counts: Counts
    /// Every file of the bundle except the manifest, with its size and SHA-256.
    public var files: [BundleFile]

    /// Creates a manifest; `counts` and `files` are filled in when the bundle is written.
    public init(tool: Tool, created: String, source: Source, pmids: [PMID], index: IndexProvenance,
                formats: [CitationFormat], styles: [ReferenceStyle], claims: [ClaimSummary] = []) {
        self.formatVersion = BundleManifest.currentFormatVersion
        self.tool = tool
        self.created = created
        self.source = source
        self.pmids = pmids
        self.index = index
        self.formats = formats
        self.styles = styles
        self.claims = claims
        self.counts = Counts(records: pmids.count, items: 0, claims: claims.count, files: 0)
        self.files = []
    }

    /// The program and its version.
    public struct Tool: Codable, Hashable, Sendable {
        public var name: String
        public var version: String

        public init(name: String = "evidence", version: String) {
            self.name = name
            self.version = version
        }
    }

    /// What was asked: `query`, `pmids`, `claim` or `check`, with its value (the query, the
    /// file name, the claim id, the report path) and any search filters.
    public struct Source: Codable, Hashable, Sendable {
        public var kind: String
        public var value: String
        public var filters: [String: String]?

        public init(kind: String, value: String, filters: [String: String]? = nil) {
            self.kind = kind
            self.value = value
            self.filters = filters
        }
    }

    /// The index snapshot and the files ingested into it.
    public struct IndexProvenance: Codable, Hashable, Sendable {
        /// The index's snapshot id, which changes whenever its content does.
        public var snapshot: String?
        /// The database path, as given.
        public var path: String?
        public var ingestedFiles: [IngestedFile]

        public init(snapshot: String?, path: String? = nil, ingestedFiles: [IngestedFile] = []) {
            self.snapshot = snapshot
            self.path = path
            self.ingestedFiles = ingestedFiles
        }
    }

    /// One file ingested into the index.
    public struct IngestedFile: Codable, Hashable, Sendable {
        public var path: String
        public var sha256: String?
        public var records: Int?
        public var ingestedAt: String?

        public init(path: String, sha256: String? = nil, records: Int? = nil, ingestedAt: String? = nil) {
            self.path = path
            self.sha256 = sha256
            self.records = records
            self.ingestedAt = ingestedAt
        }
    }

    /// A claim with its verdict and the citations it links.
    public struct ClaimSummary: Codable, Hashable, Sendable {
        public var id: String
        public var text: String?
        public var verdict: String?
        public var reason: String?
        public var citations: [Citation]

        public init(id: String, text: String? = nil, verdict: String? = nil, reason: String? = nil, citations: [Citation] = []) {
            self.id = id
            self.text = text
            self.verdict = verdict
            self.reason = reason
            self.citations = citations
        }

        /// One cited record: stance and quote.
        public struct Citation: Codable, Hashable, Sendable {
            public var pmid: PMID
            public var stance: String?
            public var quote: String?

            public init(pmid: PMID, stance: String? = nil, quote: String? = nil) {
                self.pmid = pmid
                self.stance = stance
                self.quote = quote
            }
        }
    }

    /// How much the bundle holds.
    public struct Counts: Codable, Hashable, Sendable {
        /// Distinct records.
        public var records: Int
        /// Rows of the evidence table (record × citing claim).
        public var items: Int
        public var claims: Int
        /// Files besides the manifest.
        public var files: Int

        public init(records: Int, items: Int, claims: Int, files: Int) {
            self.records = records
            self.items = items
            self.claims = claims
            self.files = files
        }
    }

    /// A file of the bundle.
    public struct BundleFile: Codable, Hashable, Sendable {
        public var name: String
        public var bytes: Int
        public var sha256: String

        public init(name: String, bytes: Int, sha256: String) {
            self.name = name
            self.bytes = bytes
            self.sha256 = sha256
        }
    }
}

extension BundleManifest {
    /// The claims of `items`, in first-seen order, each with the citations that name it.
    public static func claimSummaries(of items: [ExportItem]) -> [ClaimSummary] {
        var order: [String] = []
        var summaries: [String: ClaimSummary] = [:]
        for item in items {
            guard let claim = item.claim else { continue }
            if summaries[claim.claimID] == nil {
                order.append(claim.claimID)
                summaries[claim.claimID] = ClaimSummary(id: claim.claimID, text: claim.claimText, verdict: claim.verdict)
            }
            summaries[claim.claimID]?.citations.append(.init(pmid: item.record.pmid, stance: claim.stance, quote: claim.quote))
        }
        return order.compactMap { summaries[$0] }
    }
}
