import Foundation

/// Runs the whole pipeline on an article or on single claims: extraction, linking, verdicts.
public final class ClaimChecker {
    /// The extractor.
    public let extractor: ClaimExtractor
    /// The linker.
    public let linker: EvidenceLinker

    /// A checker with `lexicon` over `index`.
    public init(lexicon: CompiledLexicon, index: EvidenceIndex) {
        extractor = ClaimExtractor(lexicon: lexicon)
        linker = EvidenceLinker(lexicon: lexicon, index: index)
    }

    /// Checks every claim in `article`.
    public func check(_ article: ArticleDocument) throws -> ArticleCheck {
        let extraction = extractor.extract(from: article)
        var checks: [ClaimCheck] = []
        for claim in extraction.claims {
            let citations = try linker.citations(for: claim)
            checks.append(ClaimCheck(claim: claim, citations: citations, verdict: ClaimVerdict.decide(claim: claim, citations: citations)))
        }
        let lexicon = extractor.lexicon.lexicon
        return ArticleCheck(article: article, snapshot: try linker.index.snapshotID(), lexicon: "\(lexicon.name) \(lexicon.version)",
                            checks: checks, skipped: extraction.skipped, changes: nil)
    }

    /// Checks one free-standing claim (batch mode): it is always treated as checkable, and its
    /// citations are the `depth` best-ranked records (see `EvidenceLinker.rankedCitations`).
    public func check(claimText: String, id: String, depth: Int = 20,
                      weights: EvidenceLinker.RankingWeights = EvidenceLinker.RankingWeights()) throws -> ClaimCheck {
        var claim = extractor.claim(fromText: claimText)
        claim.id = id
        let citations = try linker.rankedCitations(for: claim, depth: depth, weights: weights)
        return ClaimCheck(claim: claim, citations: citations, verdict: ClaimVerdict.decide(claim: claim, citations: citations))
    }
}

extension ClaimExtractor {
    /// One claim from a free-standing statement, typed and slotted like an article sentence,
    /// but never skipped or marked not checkable.
    public func claim(fromText text: String) -> Claim {
        let article = ArticleDocument(source: "<claim>", format: .text, text: text)
        let segment = ArticleSegment(index: 0, kind: .sentence, span: TextSpan(start: 0, end: article.plain.text.count),
                                     originalSpan: TextSpan(start: 0, end: article.original.count), text: text,
                                     paragraph: 0, leadIn: nil, heading: nil)
        let analysis = analyse(segment, in: article)
        let claims = makeClaims(segment: segment, text: text, analysis: analysis, article: article, defaultIntervention: nil)
        var claim = claims.first(where: \.isCheckable) ?? claims.first
            ?? makeClaim(type: .general, text: text, span: segment.originalSpan, plainSpan: segment.span, segment: segment, slots: ClaimSlots(), cues: [], notCheckable: nil)
        claim.notCheckableReason = nil
        claim.span = segment.originalSpan
        return claim
    }
}
