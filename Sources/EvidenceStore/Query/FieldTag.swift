/// A PubMed field tag such as `[tiab]`, `[au]` or `[dp]`, with its proximity when it has one.
///
/// Tags are case-insensitive and accept PubMed's long names as they appear in its
/// "Search details" (`[Title/Abstract]`, `[MeSH Terms]`, `[Author]`…), so that a query copied
/// from PubMed works as it is.
public enum FieldTag: Hashable, Sendable {
    /// `[tiab]`: title and abstract.
    case titleAbstract
    /// `[ti]`: title.
    case title
    /// `[ab]`: abstract.
    case abstract
    /// `[tw]`: text words: title, abstract, MeSH terms and keywords.
    case textWord
    /// `[all]`: every indexed text field, authors included (the default without a tag).
    case allFields
    /// `[au]`: any author.
    case author
    /// `[1au]`: first author.
    case firstAuthor
    /// `[lastau]`: last author.
    case lastAuthor
    /// `[mh]` / `[mh:noexp]`: MeSH descriptor. Both behave the same here, see `QueryNode`.
    case mesh(explode: Bool)
    /// `[majr]`: MeSH descriptor flagged as a major topic.
    case meshMajor
    /// `[sh]`: MeSH qualifier (subheading).
    case subheading
    /// `[pt]`: publication type.
    case publicationType
    /// `[dp]`: date of publication.
    case publicationDate
    /// `[ta]` / `[journal]`: journal abbreviation, ISO abbreviation or full title.
    case journal
    /// `[la]`: language.
    case language
    /// `[pmid]` / `[uid]`: PubMed identifier.
    case pmid
    /// `[doi]`: digital object identifier.
    case doi

    /// Canonical spelling, as shown by `--explain`.
    public var name: String {
        switch self {
        case .titleAbstract: return "tiab"
        case .title: return "ti"
        case .abstract: return "ab"
        case .textWord: return "tw"
        case .allFields: return "all"
        case .author: return "au"
        case .firstAuthor: return "1au"
        case .lastAuthor: return "lastau"
        case .mesh(let explode): return explode ? "mh" : "mh:noexp"
        case .meshMajor: return "majr"
        case .subheading: return "sh"
        case .publicationType: return "pt"
        case .publicationDate: return "dp"
        case .journal: return "ta"
        case .language: return "la"
        case .pmid: return "pmid"
        case .doi: return "doi"
        }
    }

    /// Whether the tag searches the full-text index (as opposed to a normalised table).
    public var isText: Bool { textScope != nil }

    /// The text scope of a text tag; `nil` for structured fields.
    public var textScope: TextScope? {
        switch self {
        case .titleAbstract: return .titleAbstract
        case .title: return .title
        case .abstract: return .abstract
        case .textWord: return .textWord
        case .allFields: return .allFields
        default: return nil
        }
    }

    /// Whether `~N` proximity may follow the tag (`[tiab:~3]`).
    public var allowsProximity: Bool {
        switch self {
        case .titleAbstract, .title, .abstract: return true
        default: return false
        }
    }

    /// Every spelling accepted, lower-cased, with its tag.
    static let spellings: [(String, FieldTag)] = [
        ("tiab", .titleAbstract), ("title/abstract", .titleAbstract),
        ("ti", .title), ("title", .title),
        ("ab", .abstract), ("abstract", .abstract),
        ("tw", .textWord), ("text word", .textWord), ("textword", .textWord),
        ("all", .allFields), ("all fields", .allFields),
        ("au", .author), ("author", .author), ("auth", .author),
        ("1au", .firstAuthor), ("author - first", .firstAuthor), ("first author", .firstAuthor),
        ("lastau", .lastAuthor), ("author - last", .lastAuthor), ("last author", .lastAuthor),
        ("mh", .mesh(explode: true)), ("mesh", .mesh(explode: true)), ("mesh terms", .mesh(explode: true)),
        ("mh:noexp", .mesh(explode: false)), ("mesh:noexp", .mesh(explode: false)),
        ("mesh terms:noexp", .mesh(explode: false)),
        ("majr", .meshMajor), ("mesh major topic", .meshMajor), ("majr:noexp", .meshMajor),
        ("sh", .subheading), ("subheading", .subheading), ("mesh subheading", .subheading),
        ("pt", .publicationType), ("publication type", .publicationType), ("ptyp", .publicationType),
        ("dp", .publicationDate), ("pdat", .publicationDate), ("date - publication", .publicationDate),
        ("publication date", .publicationDate),
        ("ta", .journal), ("journal", .journal), ("jour", .journal),
        ("la", .language), ("language", .language), ("lang", .language),
        ("pmid", .pmid), ("uid", .pmid),
        ("doi", .doi), ("lid", .doi), ("aid", .doi),
    ]

    /// `spellings` by spelling.
    static let bySpelling: [String: FieldTag] = Dictionary(spellings, uniquingKeysWith: { first, _ in first })

    /// The short tags offered as suggestions.
    static let shortNames = [
        "tiab", "ti", "ab", "tw", "all", "au", "1au", "lastau", "mh", "mh:noexp", "majr", "sh",
        "pt", "dp", "ta", "journal", "la", "pmid", "uid", "doi",
    ]

    /// The tag spelled `text` (case-insensitive, inner white space collapsed), if any.
    public init?(spelling text: String) {
        // The usual tag is written as listed (`tiab`, `mh`): one dictionary lookup.
        if let tag = Self.bySpelling[text] {
            self = tag
            return
        }
        let key = text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard let match = Self.spellings.first(where: { $0.0 == key }) else { return nil }
        self = match.1
    }

    /// The known tag closest to `text`, for "did you mean" suggestions; `nil` when none is close.
    static func suggestion(for text: String) -> String? {
        let key = text.lowercased()
        var best: (name: String, distance: Int)?
        for name in shortNames + spellings.map(\.0) {
            let distance = editDistance(key, name)
            if distance < (best?.distance ?? Int.max) { best = (name, distance) }
        }
        guard let best, best.distance <= max(1, min(2, key.count / 2)) else { return nil }
        return best.name
    }

    /// Levenshtein distance between two short strings.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
