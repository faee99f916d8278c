import PubMed

extension BundleManifest {
    /// The items an export of these claims holds: one per claim citation, in claim order,
    /// each with its claim context. Export and `verify-bundle` both build items this way, so
    /// the same records always give the same files.
    ///
    /// Citations whose PMID is not in `records` are skipped (callers report them first).
    public static func items(for claims: [ClaimSummary], records: [PMID: PubMedRecord]) -> [ExportItem] {
        var items: [ExportItem] = []
        for claim in claims {
            for citation in claim.citations {
                guard let record = records[citation.pmid] else { continue }
                items.append(ExportItem(record: record, claim: ClaimContext(
                    claimID: claim.id, claimText: claim.text, verdict: claim.verdict,
                    stance: citation.stance, quote: citation.quote)))
            }
        }
        return items
    }

    /// The PMIDs cited by `claims`, each once, in first-cited order.
    public static func citedPMIDs(_ claims: [ClaimSummary]) -> [PMID] {
        var seen = Set<PMID>()
        return claims.flatMap(\.citations).map(\.pmid).filter { seen.insert($0).inserted }
    }
}
