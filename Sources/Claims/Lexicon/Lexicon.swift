import Foundation

/// A domain lexicon: the topic words the topic-neutral claim code works with.
///
/// Loaded from JSON (`Corpus/lexicon/*.json`, schema in `docs/lexicon-schema.md`); user files
/// given with `--lexicon` are merged on top. Concepts with the same id are merged (terms added).
public struct Lexicon: Sendable, Codable {
    /// The schema versions this code reads.
    public static let supportedSchemaVersions: ClosedRange<Int> = 1...1

    /// The JSON schema version of the file.
    public var schemaVersion: Int
    /// The lexicon's name (several merged names are joined with '+').
    public var name: String
    /// The lexicon's own version.
    public var version: String
    /// What it covers.
    public var description: String?
    /// Interventions, populations, outcomes, comparators, mechanisms, routes, regimens, regulators.
    public var concepts: [LexiconConcept]
    /// Adverse effects, one concept each; `evidenceTerms` hold their MeSH-like forms.
    public var adverseEffects: [LexiconConcept]
    /// Safety risks (dependence, tolerance…).
    public var risks: [LexiconConcept]
    /// Cue phrases per claim type (keys are `ClaimType` raw values).
    public var claimCues: [String: [String]]
    /// When a sentence has cues of several types, the earlier type in this list wins.
    public var typePriority: [String]?
    /// Phrases that mark a sentence as not a claim (advertising, calls to action…).
    public var skipCues: [SkipCue]
    /// Phrases that make a statement too vague to check.
    public var vagueCues: [String]?
    /// Time units and their length in seconds.
    public var units: [TimeUnitDefinition]
    /// Vague time phrases read as ranges ("a few hours" = 1–6 h).
    public var vagueQuantities: [VagueQuantity]?

    /// An empty lexicon of the current schema.
    public init(name: String = "empty") {
        schemaVersion = 1
        self.name = name
        version = "0"
        concepts = []
        adverseEffects = []
        risks = []
        claimCues = [:]
        skipCues = []
        units = []
    }

    /// Every concept with its slot set (adverse effects and risks included).
    public var allConcepts: [LexiconConcept] {
        concepts
            + adverseEffects.map { var c = $0; c.slot = .adverseEffect; return c }
            + risks.map { var c = $0; c.slot = .risk; return c }
    }

    /// The concept with `id`.
    public func concept(id: String) -> LexiconConcept? {
        allConcepts.first { $0.id == id }
    }

    /// `other` merged on top: concepts with the same id gain its terms, cue lists are joined.
    public func merging(_ other: Lexicon) -> Lexicon {
        var merged = self
        merged.name = name == "empty" ? other.name : "\(name)+\(other.name)"
        merged.version = name == "empty" ? other.version : "\(version)+\(other.version)"
        if merged.description == nil { merged.description = other.description }
        merged.concepts = Self.merge(concepts, other.concepts)
        merged.adverseEffects = Self.merge(adverseEffects, other.adverseEffects)
        merged.risks = Self.merge(risks, other.risks)
        for (key, cues) in other.claimCues { merged.claimCues[key, default: []].append(contentsOf: cues) }
        if let priority = other.typePriority { merged.typePriority = priority }
        for cue in other.skipCues {
            if let index = merged.skipCues.firstIndex(where: { $0.reason == cue.reason }) {
                merged.skipCues[index].phrases.append(contentsOf: cue.phrases)
            } else {
                merged.skipCues.append(cue)
            }
        }
        merged.vagueCues = (vagueCues ?? []) + (other.vagueCues ?? [])
        for unit in other.units where !merged.units.contains(where: { $0.unit == unit.unit }) { merged.units.append(unit) }
        merged.vagueQuantities = (vagueQuantities ?? []) + (other.vagueQuantities ?? [])
        return merged
    }

    private static func merge(_ base: [LexiconConcept], _ extra: [LexiconConcept]) -> [LexiconConcept] {
        var result = base
        for concept in extra {
            if let index = result.firstIndex(where: { $0.id == concept.id }) {
                result[index].terms.append(contentsOf: concept.terms.filter { !result[index].terms.contains($0) })
                result[index].evidenceTerms = (result[index].evidenceTerms ?? []) + (concept.evidenceTerms ?? [])
                if let notIn = concept.notIn { result[index].notIn = (result[index].notIn ?? []) + notIn }
            } else {
                result.append(concept)
            }
        }
        return result
    }
}

/// The slot a concept fills in a normalised claim.
public enum ConceptSlot: String, Sendable, Codable, Hashable, CaseIterable {
    case intervention, route, population, outcome, comparator, mechanism, regimen, regulator
    case adverseEffect = "adverse-effect"
    case risk
}

/// A concept: one thing, many names.
public struct LexiconConcept: Sendable, Codable, Hashable {
    /// A stable identifier ("esketamine").
    public var id: String
    /// Which slot it fills; set from the section for adverse effects and risks.
    public var slot: ConceptSlot?
    /// The display name.
    public var label: String
    /// Names and spelling variants, as in articles and abstracts.
    public var terms: [String]
    /// Further names used in the literature (MeSH-like forms), used to search and match evidence.
    public var evidenceTerms: [String]?
    /// Concepts of the same slot and group are mutually specific (esketamine vs ketamine, TRD vs MDD).
    public var group: String?
    /// The id of the broader concept (esketamine's is ketamine).
    public var broader: String?
    /// A claim type this concept is the focus of ("rapid onset" for `onset` claims).
    public var claimType: String?
    /// Phrases in which a term of this concept means something else ("safety and tolerance" is
    /// tolerability, not drug tolerance): a term inside one of them is not a mention of the concept.
    public var notIn: [String]?

    /// Every name, article and evidence forms together, without duplicates.
    public var allTerms: [String] {
        var seen = Set<String>()
        return (terms + (evidenceTerms ?? [])).filter { seen.insert($0.lowercased()).inserted }
    }
}

/// Phrases that mark a sentence as not a claim, and why.
public struct SkipCue: Sendable, Codable, Hashable {
    /// Why such a sentence is skipped ("advertising", "call to action"…).
    public var reason: String
    /// The phrases (matched on word stems, case-insensitively).
    public var phrases: [String]
}

/// A time unit and its length.
public struct TimeUnitDefinition: Sendable, Codable, Hashable {
    /// The canonical unit name ("hour").
    public var unit: String
    /// Its length in seconds.
    public var seconds: Double
    /// How it is written ("hours", "hrs", "h").
    public var terms: [String]
}

/// A vague time phrase and the range it is read as.
public struct VagueQuantity: Sendable, Codable, Hashable {
    /// The phrase ("a few hours").
    public var phrase: String
    /// The unit of `low` and `high`.
    public var unit: String
    /// The lower bound.
    public var low: Double
    /// The upper bound.
    public var high: Double
}
