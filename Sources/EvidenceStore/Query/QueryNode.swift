/// A parsed query: Boolean operators over text terms and field criteria.
///
/// The tree keeps PubMed's strict left-to-right evaluation: `a OR b AND c` is
/// `and(or(a, b), c)`; adjacent terms are joined by AND.
///
/// MeSH: `[mh]` and `[mh:noexp]` behave the same here. PubMed's `[mh]` also matches the
/// descriptors below the given one in the MeSH tree ("explosion"), but records carry only
/// descriptor names and UIs, not tree numbers, and no MeSH tree ships with the index. So
/// `Depression[mh]` matches records indexed with the descriptor "Depression" itself.
public indirect enum QueryNode: Hashable, Sendable {
    /// A word or phrase searched in the full-text index.
    case text(TextTerm)
    /// Words within a distance of each other (`"a b"[tiab:~3]`).
    case proximity(ProximityTerm)
    /// A criterion on a normalised field (authors, MeSH, types, dates, journal, language, ids).
    case field(FieldCriterion)
    /// Both sides.
    case and(QueryNode, QueryNode)
    /// Either side.
    case or(QueryNode, QueryNode)
    /// The left side without the right side.
    case not(QueryNode, QueryNode)

    /// Leaves (terms and criteria) in the tree.
    public var leafCount: Int {
        switch self {
        case .text, .proximity, .field: return 1
        case .and(let l, let r), .or(let l, let r), .not(let l, let r): return l.leafCount + r.leafCount
        }
    }

    /// Whether every leaf searches the full-text index.
    public var isTextOnly: Bool {
        switch self {
        case .text, .proximity: return true
        case .field: return false
        case .and(let l, let r), .or(let l, let r), .not(let l, let r): return l.isTextOnly && r.isTextOnly
        }
    }

    /// Text leaves that count towards a match (not under the right side of NOT).
    public var positiveTextLeaves: [QueryNode] {
        switch self {
        case .text, .proximity: return [self]
        case .field: return []
        case .and(let l, let r), .or(let l, let r): return l.positiveTextLeaves + r.positiveTextLeaves
        case .not(let l, _): return l.positiveTextLeaves
        }
    }
}

/// Which columns of the full-text index a text term searches.
public enum TextScope: String, Hashable, Sendable, CaseIterable {
    /// Every column: title, abstract, MeSH terms, keywords, author names (no tag, `[all]`).
    case allFields
    /// Title and abstract (`[tiab]`).
    case titleAbstract
    /// Title (`[ti]`).
    case title
    /// Abstract (`[ab]`).
    case abstract
    /// Title, abstract, MeSH terms and keywords (`[tw]`).
    case textWord

    /// The `article_fts` columns searched; empty means all of them.
    public var columns: [String] {
        switch self {
        case .allFields: return []
        case .titleAbstract: return ["title", "abstract"]
        case .title: return ["title"]
        case .abstract: return ["abstract"]
        case .textWord: return ["title", "abstract", "mesh_terms", "keyword_terms"]
        }
    }

    /// The tag written by `--explain` (nil for the default scope).
    public var tag: String? {
        switch self {
        case .allFields: return nil
        case .titleAbstract: return "tiab"
        case .title: return "ti"
        case .abstract: return "ab"
        case .textWord: return "tw"
        }
    }
}

/// A word, a truncated word or a phrase, searched in the full-text index.
public struct TextTerm: Hashable, Sendable {
    /// The words as the user wrote them (`treatment-resistant`, `ketamine's`).
    public var text: String
    /// The searchable tokens (letters and digits), in order.
    public var tokens: [String]
    /// Whether the last token is a prefix (`depress*`).
    public var isTruncated: Bool
    /// The columns searched.
    public var scope: TextScope
    /// Column in the query where the term starts.
    public var column: Int

    /// Creates a term.
    public init(text: String, tokens: [String], isTruncated: Bool = false, scope: TextScope = .allFields, column: Int = 1) {
        self.text = text
        self.tokens = tokens
        self.isTruncated = isTruncated
        self.scope = scope
        self.column = column
    }

    /// Whether the term is a phrase of several tokens.
    public var isPhrase: Bool { tokens.count > 1 }
}

/// Words that must occur within `distance` words of each other, in any order.
public struct ProximityTerm: Hashable, Sendable {
    /// Each word (or hyphenated word, kept as a phrase) with its tokens.
    public var words: [[String]]
    /// The largest number of words between them.
    public var distance: Int
    /// The columns searched: title, abstract or both.
    public var scope: TextScope
    /// Column in the query where the term starts.
    public var column: Int

    /// Creates a proximity term.
    public init(words: [[String]], distance: Int, scope: TextScope, column: Int = 1) {
        self.words = words
        self.distance = distance
        self.scope = scope
        self.column = column
    }
}

/// A criterion on one of the normalised tables.
public enum FieldCriterion: Hashable, Sendable {
    /// An author by `last initials` (folded, lower case); `Smith J` matches Smith J, Smith JA…
    case author(name: String, position: AuthorPosition, truncated: Bool)
    /// A MeSH descriptor (folded, lower case), optionally with a qualifier, optionally major only.
    case mesh(descriptor: String, qualifier: String?, majorOnly: Bool, truncated: Bool)
    /// A MeSH qualifier (lower case), on any heading.
    case subheading(String)
    /// A publication type, case-insensitive (`Randomized Controlled Trial`).
    case publicationType(String)
    /// A journal by abbreviation, ISO abbreviation or title, case-insensitive.
    case journal(String, truncated: Bool)
    /// A language as a MEDLINE code (`eng`).
    case language(String)
    /// A PMID.
    case pmid(Int64)
    /// A DOI, case-insensitive.
    case doi(String)
    /// A publication date or range.
    case publicationDate(PublicationDateRange)
}

/// Which author a `[au]`, `[1au]` or `[lastau]` criterion looks at.
public enum AuthorPosition: String, Hashable, Sendable {
    /// Any author.
    case any
    /// The first author.
    case first
    /// The last author.
    case last
}
