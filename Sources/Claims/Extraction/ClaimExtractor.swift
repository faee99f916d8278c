/// Finds the checkable claims in an article, types them and fills their slots; says what
/// it skipped (advertising, calls to action, greetings…) and why.
///
/// Topic-neutral: every topic word comes from the lexicon.
public struct ClaimExtractor: Sendable {
    /// The compiled lexicon.
    public let lexicon: CompiledLexicon
    /// Stance cues (for negated claims).
    public let stance: StanceCues
    /// The number extractor.
    public let numbers: NumberExtractor

    /// An extractor using `lexicon`.
    public init(lexicon: CompiledLexicon, stance: StanceCues = .english) {
        self.lexicon = lexicon
        self.stance = stance
        self.numbers = NumberExtractor(lexicon: lexicon.lexicon)
    }

    /// The outcome of extraction.
    public struct Result: Sendable {
        /// Claims in article order (checkable and not checkable).
        public var claims: [Claim]
        /// What was skipped and why.
        public var skipped: [SkippedStatement]
    }

    /// Extracts the claims of `article`.
    public func extract(from article: ArticleDocument) -> Result {
        let analyses = article.segments.map { analyse($0, in: article) }
        let defaultIntervention = dominantIntervention(analyses)
        var claims: [Claim] = []
        var skipped: [SkippedStatement] = []
        for (index, segment) in article.segments.enumerated() {
            var analysis = analyses[index]
            if segment.kind == .heading {
                skipped.append(SkippedStatement(text: segment.text, span: segment.originalSpan, reason: "heading", cue: nil))
                continue
            }
            if let skip = analysis.skip {
                skipped.append(SkippedStatement(text: segment.text, span: segment.originalSpan, reason: skip.reason, cue: skip.cue))
                continue
            }
            if segment.text.hasSuffix("?") {
                skipped.append(SkippedStatement(text: segment.text, span: segment.originalSpan, reason: "question", cue: nil))
                continue
            }
            // A list item reads with its lead-in ("These side effects include:" + "Dizziness").
            var text = segment.text
            if segment.kind == .listItem, let leadIn = segment.leadIn {
                let lead = analyses[leadIn]
                text = "\(article.segments[leadIn].text) \(segment.text)"
                analysis.inheritContext(from: lead)
            }
            // "Ketamine has shown benefits in bipolar depression, and it rapidly reduces suicidal
            // ideation": each clause with a subject of its own is read as its own statement.
            let clauses = segment.kind == .sentence ? self.clauses(of: segment, in: article) : []
            if clauses.count > 1 {
                var clauseDefault = defaultIntervention
                for clause in clauses {
                    let made = makeClaims(segment: clause, text: clause.text, analysis: analyse(clause, in: article),
                                          article: article, defaultIntervention: clauseDefault)
                    // "…, and it…": the next clause's pronoun is this clause's treatment.
                    if let own = made.lazy.compactMap(\.slots.intervention).first(where: { !$0.inherited }) {
                        clauseDefault = SlotValue(id: own.id, label: own.label, text: own.label, inherited: true)
                    }
                    claims.append(contentsOf: made)
                }
                continue
            }
            claims.append(contentsOf: makeClaims(segment: segment, text: text, analysis: analysis,
                                                 article: article, defaultIntervention: defaultIntervention))
        }
        for index in claims.indices { claims[index].id = "c\(index + 1)" }
        return Result(claims: claims, skipped: skipped)
    }

    // MARK: Clauses

    /// The clauses of a sentence joined by ", and <subject>" or by a semicolon, as segments of their
    /// own (same index, their own spans), each at least four words; none when the sentence is one clause.
    func clauses(of segment: ArticleSegment, in article: ArticleDocument) -> [ArticleSegment] {
        let text = ScalarText(segment.text)
        // Read outside brackets only: a semicolon inside "(…; 95% CI …; P < .001)" joins no clauses.
        let outside = text.bracketsBlanked
        let tokens = WordTokenizer.tokens(of: outside)
        let treatments = Set(lexicon.conceptMatches(in: tokens).filter { lexicon.concept($0.payload)?.slot == .intervention }
            .map(\.tokenRange.lowerBound))
        var cuts: [Int] = []
        for (k, token) in tokens.enumerated() where k > 0 && k + 1 < tokens.count {
            let gap = outside.string(TextSpan(start: tokens[k - 1].span.end, end: token.span.start))
            if gap.contains(";") { cuts.append(token.span.start); continue }
            if token.folded == "and", gap.contains(","),
               ClauseCues.subjects.contains(tokens[k + 1].folded) || treatments.contains(k + 1) {
                cuts.append(tokens[k + 1].span.start)
            }
        }
        guard !cuts.isEmpty else { return [] }
        var pieces: [TextSpan] = []
        var start = 0
        for cut in cuts + [text.count] {
            var piece = TextSpan(start: start, end: cut)
            // Trim the joiner (", and", ";") and spaces from the end of the piece before the cut.
            let raw = text.string(piece)
            let trimmed = raw.replacingOccurrences(of: #"[\s,;]*(and)?[\s,;]*$"#, with: "", options: .regularExpression)
            piece.end = piece.start + trimmed.unicodeScalars.count
            pieces.append(piece)
            start = cut
        }
        guard pieces.allSatisfy({ WordTokenizer.tokens(of: ScalarText(text.string($0))).count >= 4 }) else { return [] }
        return pieces.map { piece in
            let plain = TextSpan(start: segment.span.start + piece.start, end: segment.span.start + piece.end)
            var clause = segment
            clause.span = plain
            clause.originalSpan = article.plain.originalSpan(of: plain)
            clause.text = text.string(piece)
            return clause
        }
    }

    // MARK: Analysis of one segment

    struct VagueMatch {
        var number: ReportedNumber
        var tokenCount: Int
        var span: TextSpan { number.span }
    }

    struct SegmentAnalysis {
        var tokens: [WordToken]
        var concepts: [PhraseMatch<String>]
        var cueScores: [ClaimType: Double]
        var cueWords: [ClaimType: [String]]
        var numbers: [ReportedNumber]
        var vagueQuantities: [VagueMatch]
        var vagueCue: String?
        var skip: (reason: String, cue: String)?
        var signals: StanceSignals
        var inheritedConcepts: [PhraseMatch<String>] = []
        var text: ScalarText

        mutating func inheritContext(from lead: SegmentAnalysis) {
            for (type, score) in lead.cueScores { cueScores[type, default: 0] += score }
            for (type, words) in lead.cueWords { cueWords[type, default: []].append(contentsOf: words) }
            inheritedConcepts = lead.concepts
        }
    }

    func analyse(_ segment: ArticleSegment, in article: ArticleDocument) -> SegmentAnalysis {
        let text = ScalarText(segment.text)
        let tokens = WordTokenizer.tokens(of: text)
        var cueScores: [ClaimType: Double] = [:]
        var cueWords: [ClaimType: [String]] = [:]
        // Words in an indirect question that a choice depends on ("chosen based on … how quickly results
        // are needed") assert nothing: they give no cue and no concept.
        let conditions = ClauseCues.conditionalQuestions(in: tokens, text: text)
        func asserted(_ range: Range<Int>) -> Bool { !conditions.contains { $0.overlaps(range) } }
        for match in lexicon.claimCues.matches(in: tokens, overlapping: true) where asserted(match.tokenRange) {
            guard let type = ClaimType(rawValue: match.payload) else { continue }
            cueScores[type, default: 0] += Double(match.tokenRange.count)
            cueWords[type, default: []].append(text.string(match.span))
        }
        var skip: (String, String)?
        let skipMatches = lexicon.skipCues.matches(in: tokens, overlapping: true)
        if let first = skipMatches.first {
            let parts = first.payload.split(separator: "\t", maxSplits: 1).map(String.init)
            // A metadata cue only counts at the start of a short line ("Updated: …").
            if parts[0] != "metadata" || (first.tokenRange.lowerBound == 0 && tokens.count <= 12) {
                skip = (parts[0], parts.count > 1 ? parts[1] : "")
            }
        }
        var vagueQuantities: [VagueMatch] = []
        for match in lexicon.vagueQuantities.matches(in: tokens, overlapping: true) {
            guard let definition = lexicon.lexicon.vagueQuantities?[match.payload],
                  let seconds = lexicon.seconds(ofUnit: definition.unit) else { continue }
            var n = ReportedNumber(kind: .duration, text: text.string(match.span), span: match.span)
            n.low = definition.low
            n.high = definition.high
            n.unit = definition.unit
            n.seconds = definition.low * seconds
            n.highSeconds = definition.high * seconds
            vagueQuantities.append(VagueMatch(number: n, tokenCount: match.tokenRange.count))
        }
        return SegmentAnalysis(
            tokens: tokens, concepts: lexicon.conceptMatches(in: tokens).filter { asserted($0.tokenRange) }, cueScores: cueScores, cueWords: cueWords,
            numbers: numbers.numbers(in: text, span: TextSpan(start: 0, end: text.count)),
            vagueQuantities: vagueQuantities, vagueCue: lexicon.vagueCues.matches(in: tokens).first?.payload,
            skip: skip, signals: stance.signals(in: tokens), text: text)
    }

    func dominantIntervention(_ analyses: [SegmentAnalysis]) -> SlotValue? {
        var counts: [String: Int] = [:]
        for analysis in analyses {
            for match in analysis.concepts where lexicon.concept(match.payload)?.slot == .intervention {
                counts[match.payload, default: 0] += 1
            }
        }
        guard let best = counts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }), let concept = lexicon.concept(best.key) else { return nil }
        return SlotValue(id: concept.id, label: concept.label, text: concept.label, inherited: true)
    }

    // MARK: Claims from one segment

    func makeClaims(segment: ArticleSegment, text: String, analysis: SegmentAnalysis,
                    article: ArticleDocument, defaultIntervention: SlotValue?) -> [Claim] {
        var slots = ClaimSlots()
        var effects: [PhraseMatch<String>] = []
        var comparatorMechanisms: [SlotValue] = []
        let allConcepts = analysis.concepts + analysis.inheritedConcepts.filter { m in
            // From the lead-in keep only context slots, not its own effects.
            let slot = lexicon.concept(m.payload)?.slot
            return slot != .adverseEffect && slot != .risk
        }
        let settingWords = UseSetting.cues.matches(in: analysis.tokens).map(\.tokenRange)
        for match in allConcepts {
            guard let concept = lexicon.concept(match.payload), let slot = concept.slot else { continue }
            let isOwn = analysis.concepts.contains(match)
            let written = isOwn ? analysis.text.string(match.span) : concept.label
            let value = SlotValue(id: concept.id, label: concept.label, text: written, inherited: !isOwn)
            switch slot {
            case .intervention:
                // Prefer the most specific intervention named (esketamine over ketamine).
                if let current = slots.intervention, !lexicon.isSameOrNarrower(concept.id, than: current.id) { break }
                slots.intervention = value
            case .route: if slots.route == nil { slots.route = value }
            case .population:
                if let current = slots.population, !lexicon.isSameOrNarrower(concept.id, than: current.id) { break }
                slots.population = value
            case .outcome: if slots.outcome == nil { slots.outcome = value }
            case .comparator: if slots.comparator == nil { slots.comparator = value }
            case .mechanism:
                // "Unlike SSRIs, which act on serotonin, ketamine…": the comparator's mechanism, not the claim's.
                if isOwn, inComparatorClause(match.tokenRange.lowerBound, analysis) {
                    if !comparatorMechanisms.contains(where: { $0.id == value.id }) { comparatorMechanisms.append(value) }
                    break
                }
                if !slots.mechanisms.contains(where: { $0.id == value.id }) { slots.mechanisms.append(value) }
            case .regulator: if slots.regulator == nil { slots.regulator = value }
            case .regimen: if slots.regimen == nil { slots.regimen = value }
            case .adverseEffect, .risk:
                // "Heavy recreational use of ketamine can damage the bladder": words that say how the drug
                // is used set the scene; they claim no risk of their own.
                if isOwn, !settingWords.contains(where: { $0.overlaps(match.tokenRange) }) { effects.append(match) }
            }
        }
        if slots.intervention == nil { slots.intervention = defaultIntervention }
        slots.quantity = quantity(in: analysis)
        // A negation in a clause about the comparator ("traditional antidepressants, which … may not even
        // work for everyone") describes the comparator, not the treatment.
        slots.negated = analysis.tokens.indices.contains { index in
            Self.strongNegations.contains(analysis.tokens[index].folded) && !inComparatorClause(index, analysis)
        }
        if slots.mechanisms.isEmpty, !comparatorMechanisms.isEmpty {
            // Only the comparator's mechanism is named: the treatment is said to work otherwise
            // ("unlike SSRIs, which act on serotonin, ketamine works through a different pathway").
            slots.mechanisms = comparatorMechanisms
            slots.negated = true
        }

        // Score the types: cue words, then hints from the slots.
        var scores = analysis.cueScores
        if !slots.mechanisms.isEmpty { scores[.mechanism, default: 0] += 1 }
        if slots.regulator != nil { scores[.regulatory, default: 0] += 1.5 }
        if slots.quantity?.kind == .percentage, slots.outcome != nil { scores[.efficacy, default: 0] += 2 }
        if let q = slots.quantity, q.kind != .percentage {
            if (scores[.onset] ?? 0) > 0 { scores[.onset, default: 0] += 1 } else { scores[.duration, default: 0] += 1 }
        }
        if slots.comparator != nil, (scores[.comparison] ?? 0) > 0 { scores[.comparison, default: 0] += 1 }
        let bestScore = scores.values.max() ?? 0
        let mainType = bestScore > 0 ? lexicon.typePriority.first { (scores[$0] ?? 0) == bestScore } ?? .general : .general

        // A concept the lexicon ties to the claim's type becomes its outcome ("rapid onset" for onset claims).
        if let typed = analysis.concepts.first(where: { lexicon.concept($0.payload)?.claimType == mainType.rawValue }),
           let concept = lexicon.concept(typed.payload), concept.slot == .outcome {
            slots.outcome = SlotValue(id: concept.id, label: concept.label, text: analysis.text.string(typed.span))
        }
        // "This is a stark contrast to traditional antidepressants, which can take weeks to take effect":
        // the comparator is slow, so the treatment is claimed to be quick. The claim's outcome is the
        // concept the lexicon ties to its type (rapid onset), named only through the comparator.
        if slots.outcome == nil, let comparator = slots.comparator, !comparator.inherited, mainType == .onset,
           let typed = lexicon.lexicon.concepts.first(where: { $0.claimType == mainType.rawValue && $0.slot == .outcome }) {
            slots.outcome = SlotValue(id: typed.id, label: typed.label, text: (analysis.cueWords[mainType] ?? []).first ?? typed.label)
        }
        var claims: [Claim] = []
        let effectTypes: Set<ClaimType> = [.adverseEffect, .safety]
        var seenEffects = Set<String>()
        // One claim per adverse effect or risk named.
        for match in effects where seenEffects.insert(match.payload).inserted {
            guard let concept = lexicon.concept(match.payload) else { continue }
            var effectSlots = slots
            effectSlots.effect = SlotValue(id: concept.id, label: concept.label, text: analysis.text.string(match.span))
            // An effect is denied only by a negation or a "fewer/less" word shortly before it.
            effectSlots.negated = Self.hasStrongNegation(analysis.tokens, before: match.tokenRange.lowerBound, window: 10)
                || Self.hasLowering(analysis.tokens, before: match.tokenRange.lowerBound, window: 8)
            effectSlots.quantity = nil
            let type: ClaimType = concept.slot == .risk ? .safety : .adverseEffect
            let span = segment.kind == .listItem ? segment.originalSpan : originalSpan(of: match.span, in: segment, article: article)
            let plain = segment.kind == .listItem ? segment.span
                : TextSpan(start: segment.span.start + match.span.start, end: segment.span.start + match.span.end)
            claims.append(makeClaim(type: type, text: text, span: span, plainSpan: plain, segment: segment, slots: effectSlots,
                                    cues: analysis.cueWords[type] ?? [concept.label], notCheckable: nil))
        }
        let specific = slots.concepts.contains { !$0.inherited && $0.id != slots.intervention?.id } || slots.quantity != nil
        let mentionsTopic = slots.concepts.contains { !$0.inherited }
        if claims.isEmpty || !effectTypes.contains(mainType) {
            var reason: String?
            if let vague = analysis.vagueCue, !specific {
                reason = "too vague to check (\"\(vague)\")"
            } else if mainType == .general {
                reason = mentionsTopic ? "no specific assertion to check" : "no topic term, number or claim cue"
            } else if !mentionsTopic && slots.quantity == nil {
                reason = "does not name what it is about (no topic term or number)"
            } else if let comparator = slots.comparator, !comparator.inherited, slots.intervention?.inherited ?? true,
                      (scores[.comparison] ?? 0) == 0, slots.mechanisms.isEmpty, slots.quantity == nil {
                // "This means that traditional antidepressants haven't provided sufficient relief": a
                // statement about the comparator, with no comparison to the treatment in it.
                reason = "about \(comparator.label), not about the treatment"
            }
            if !(claims.count > 0 && reason != nil) {
                claims.insert(makeClaim(type: reason == nil ? mainType : (mainType == .general ? .general : mainType), text: text,
                                        span: segment.originalSpan, plainSpan: segment.span, segment: segment, slots: slots,
                                        cues: analysis.cueWords[mainType] ?? [], notCheckable: reason), at: 0)
            }
        }
        // "Roughly 70% respond and about 30% achieve remission": one efficacy claim per outcome and its rate.
        if let index = claims.firstIndex(where: { $0.type == .efficacy && $0.isCheckable && $0.slots.effect == nil }) {
            let split = ratesByOutcome(in: analysis)
            if split.count >= 2 {
                let base = claims[index]
                let perOutcome = split.map { pair -> Claim in
                    var outcomeSlots = base.slots
                    outcomeSlots.outcome = pair.outcome
                    outcomeSlots.quantity = pair.rate
                    let local = TextSpan(start: min(pair.rate.span.start, pair.outcomeSpan.start), end: max(pair.rate.span.end, pair.outcomeSpan.end))
                    var claim = makeClaim(type: .efficacy, text: text, span: originalSpan(of: local, in: segment, article: article),
                                          plainSpan: TextSpan(start: segment.span.start + local.start, end: segment.span.start + local.end),
                                          segment: segment, slots: outcomeSlots, cues: base.cues, notCheckable: nil)
                    // Several claims from one sentence: the outcome tells them apart in the ledger.
                    claim.key += "|\(pair.outcome.id)"
                    return claim
                }
                claims.replaceSubrange(index...index, with: perOutcome)
            }
        }
        // A sentence that yields a single effect claim is that claim: span the whole sentence.
        if claims.count == 1, claims[0].slots.effect != nil, segment.kind != .listItem {
            claims[0].span = segment.originalSpan
            claims[0].plainSpan = segment.span
        }
        return claims
    }

    static let strongNegations: Set<String> = ["not", "no", "never", "doesn", "don", "isn", "aren", "didn", "cannot", "can't",
                                               "won", "neither", "nor", "none", "doesn't", "don't", "isn't", "aren't", "didn't", "won't"]
    static let loweringWords: Set<String> = ["fewer", "less", "lower", "minimal", "safer", "rare", "rarely", "low", "reduced", "little"]

    /// Whether a strong negation ("not", "doesn't") is among the `window` words before token `index`.
    static func hasStrongNegation(_ tokens: [WordToken], before index: Int, window: Int) -> Bool {
        let lower = max(0, index - window)
        guard lower < index else { return false }
        return tokens[lower..<index].contains { strongNegations.contains($0.folded) }
    }

    /// Whether a lowering word ("fewer", "less", "safer") is among the `window` words before token `index`.
    static func hasLowering(_ tokens: [WordToken], before index: Int, window: Int) -> Bool {
        let lower = max(0, index - window)
        guard lower < index else { return false }
        return tokens[lower..<index].contains { loweringWords.contains($0.folded) }
    }

    /// The claim's quantity: a percentage, duration or time point, else a vague time phrase;
    /// one that sits next to the comparator ("antidepressants … take weeks") is the comparator's, not the claim's.
    func quantity(in analysis: SegmentAnalysis) -> ReportedNumber? {
        let comparatorTokens = analysis.concepts.filter { lexicon.concept($0.payload)?.slot == .comparator }.map(\.tokenRange.lowerBound)
        let interventionTokens = analysis.concepts.filter { lexicon.concept($0.payload)?.slot == .intervention }.map(\.tokenRange.lowerBound)
        func tokenIndex(_ span: TextSpan) -> Int {
            analysis.tokens.firstIndex { $0.span.start >= span.start } ?? analysis.tokens.count
        }
        func belongsToClaim(_ span: TextSpan) -> Bool {
            guard !comparatorTokens.isEmpty else { return true }
            let p = tokenIndex(span)
            // The treatment not named ("This is a stark contrast to traditional antidepressants, which
            // can take weeks…"): a time in a relative clause on the comparator is the comparator's.
            guard !interventionTokens.isEmpty else { return !inComparatorClause(p, analysis) }
            let toComparator = comparatorTokens.map { abs($0 - p) }.min() ?? Int.max
            let toIntervention = interventionTokens.map { abs($0 - p) }.min() ?? Int.max
            return toIntervention <= toComparator
        }
        if let number = analysis.numbers.first(where: { [.percentage, .duration, .timePoint].contains($0.kind) && belongsToClaim($0.span) }) {
            return number
        }
        var vague = analysis.vagueQuantities.filter { belongsToClaim($0.span) }
        vague.sort { ($0.tokenCount, $0.span.start) > ($1.tokenCount, $1.span.start) }
        return vague.first?.number
    }

    /// Whether token `position` lies in a relative clause on a comparator named before it
    /// ("traditional antidepressants, which focus on serotonin", "SSRIs that take weeks"): the
    /// comparator is followed by "which", "that"…, and no subject ("it", the treatment) comes
    /// between that word and the position.
    func inComparatorClause(_ position: Int, _ analysis: SegmentAnalysis) -> Bool {
        let slot = { (m: PhraseMatch<String>) in self.lexicon.concept(m.payload)?.slot }
        guard let end = analysis.concepts.filter({ slot($0) == .comparator && $0.tokenRange.upperBound <= position })
                .map(\.tokenRange.upperBound).max(),
              end < position, Self.relativeWords.contains(analysis.tokens[end].folded) else { return false }
        if analysis.tokens[(end + 1)..<position].contains(where: { Self.subjectWords.contains($0.folded) }) { return false }
        return !analysis.concepts.contains { slot($0) == .intervention && $0.tokenRange.lowerBound > end && $0.tokenRange.lowerBound < position }
    }

    /// Words that open a relative clause on the noun before them.
    static let relativeWords: Set<String> = ["which", "that", "who", "whose", "whom"]
    /// Words that start a new subject (the treatment the article is about, by pronoun).
    static let subjectWords: Set<String> = ["it", "this", "they", "its", "these", "such"]

    /// The sentence's rates paired with the outcome named nearest each (by words), one per outcome,
    /// in text order; only outcomes the lexicon groups (response, remission, relapse…) count.
    func ratesByOutcome(in analysis: SegmentAnalysis) -> [(outcome: SlotValue, outcomeSpan: TextSpan, rate: ReportedNumber)] {
        let outcomes = analysis.concepts.filter { lexicon.concept($0.payload)?.slot == .outcome && lexicon.concept($0.payload)?.group != nil }
        let rates = analysis.numbers.filter { $0.kind == .percentage && $0.measure == nil }
        guard rates.count >= 2, Set(outcomes.map(\.payload)).count >= 2 else { return [] }
        func tokenIndex(_ span: TextSpan) -> Int { analysis.tokens.firstIndex { $0.span.start >= span.start } ?? analysis.tokens.count }
        var result: [(outcome: SlotValue, outcomeSpan: TextSpan, rate: ReportedNumber)] = []
        for rate in rates {
            let position = tokenIndex(rate.span)
            // The outcome nearest the rate, after it or before it ("70% respond", "remission in 30%").
            let after = outcomes.filter { $0.tokenRange.lowerBound >= position }.min { $0.tokenRange.lowerBound < $1.tokenRange.lowerBound }
            let before = outcomes.filter { $0.tokenRange.upperBound <= position }.max { $0.tokenRange.upperBound < $1.tokenRange.upperBound }
            let nearest = [after, before].compactMap { $0 }.min {
                abs($0.tokenRange.lowerBound - position) < abs($1.tokenRange.lowerBound - position)
            }
            guard let match = nearest, let concept = lexicon.concept(match.payload),
                  !result.contains(where: { $0.outcome.id == concept.id }) else { continue }
            result.append((SlotValue(id: concept.id, label: concept.label, text: analysis.text.string(match.span)), match.span, rate))
        }
        return result
    }

    func originalSpan(of span: TextSpan, in segment: ArticleSegment, article: ArticleDocument) -> TextSpan {
        let plainSpan = TextSpan(start: segment.span.start + span.start, end: segment.span.start + span.end)
        return article.plain.originalSpan(of: plainSpan)
    }

    func makeClaim(type: ClaimType, text: String, span: TextSpan, plainSpan: TextSpan, segment: ArticleSegment, slots: ClaimSlots,
                   cues: [String], notCheckable: String?) -> Claim {
        let statement = Self.statement(type: type, slots: slots)
        let normalised = WordTokenizer.stems(of: text).joined(separator: " ")
        let key = "\(type.rawValue)|\(slots.effect?.id ?? "")|\(normalised)"
        return Claim(id: "", key: key, text: text, span: span, plainSpan: plainSpan, segment: segment.index, type: type, slots: slots,
                     statement: statement, notCheckableReason: notCheckable, cues: Array(Set(cues.map { $0.lowercased() })).sorted())
    }

    /// A one-line normalised reading of a claim.
    static func statement(type: ClaimType, slots: ClaimSlots) -> String {
        var parts: [String] = []
        var subject = slots.intervention?.label ?? "the treatment"
        if let route = slots.route { subject += " (\(route.label))" }
        parts.append(subject)
        switch type {
        case .adverseEffect: parts.append("can cause \(slots.effect?.label ?? "side effects")")
        case .safety:
            if let effect = slots.effect { parts.append(slots.negated ? "carries little risk of \(effect.label)" : "carries a risk of \(effect.label)") }
            else { parts.append("is safe") }
        case .efficacy: parts.append(slots.outcome.map { "\($0.label)" } ?? "is effective")
        case .onset: parts.append("acts quickly")
        case .duration: parts.append("duration")
        case .mechanism: parts.append(slots.negated ? "mechanism (negated):" : "mechanism:"); parts.append(slots.mechanisms.map(\.label).joined(separator: ", "))
        case .regulatory: parts.append(slots.regulator?.label ?? "regulatory status")
        case .comparison: parts.append("compared with \(slots.comparator?.label ?? "alternatives")")
        case .history: parts.append("history")
        case .general: parts.append("general statement")
        }
        if let quantity = slots.quantity { parts.append(quantity.summary) }
        if let population = slots.population { parts.append("in \(population.label)") }
        return parts.filter { !$0.isEmpty }.joined(separator: " ")
    }
}
