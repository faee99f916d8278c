import ArgumentParser

/// The `evidence` command: a local knowledge base of PubMed literature.
public struct EvidenceCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "evidence",
        abstract: "A local, searchable knowledge base of PubMed literature, with claim checking and citation export.",
        version: EvidenceVersion.current,
        subcommands: [
            IngestCommand.self,
            ShowCommand.self,
            StatsCommand.self,
            SearchCommand.self,
            SimilarCommand.self,
            CheckCommand.self,
            ClaimsCommand.self,
            EvalCommand.self,
            ExportCommand.self,
            VerifyBundleCommand.self,
            FetchCommand.self,
            UpdateCommand.self,
            BenchCommand.self,
        ]
    )

    public init() {}
}

/// The tool's version, recorded in bundles and reports for provenance.
public enum EvidenceVersion {
    public static let current = "0.1.0"
}
