import Foundation
import PubMed

/// The JSON contract of `evidence show --format json`: one object per record, with a
/// stable set of keys that later tools and checks rely on.
///
/// Keys: `pmid` (string), `version` (int), `kind` ("article" | "book"), `title`,
/// `vernacularTitle`, `abstract` ([{label, category, text}]), `authors` ([{lastName,
/// foreName, initials, suffix, collectiveName, orcid, affiliations}]), `journal`
/// ({title, isoAbbreviation, issn, volume, issue}), `pages`, `doi`, `pmcid`, `year` (int),
/// `pubDate` (as printed), `publicationTypes` ([string]), `languages` ([string]), `mesh`
/// ([{descriptor, ui, major, qualifiers: [{name, ui, major}]}]), `keywords` ([string]),
/// `chemicals` ([string]), `status`, `commentsCorrections` ([{type, pmid}]).
///
/// An absent value is `null` (or `[]` for a list), never `""`. Keep these keys stable: add,
/// never rename or remove.
public struct ArticleJSON: Encodable, Sendable {
    /// The record encoded.
    public let record: PubMedRecord

    /// Wraps `record` for encoding.
    public init(_ record: PubMedRecord) {
        self.record = record
    }

    /// The contract's top-level keys, in the order they are documented.
    public static let keys = [
        "pmid", "version", "kind", "title", "vernacularTitle", "abstract", "authors", "journal", "pages", "doi", "pmcid",
        "year", "pubDate", "publicationTypes", "languages", "mesh", "keywords", "chemicals", "status", "commentsCorrections",
    ]

    /// Encodes `records` as a pretty-printed JSON array (keys sorted), ending with a newline.
    public static func array(_ records: [PubMedRecord]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(records.map(ArticleJSON.init)), as: UTF8.self) + "\n"
    }

    /// Encodes one record as a single line of JSON (keys sorted), for JSON Lines output.
    public static func line(_ record: PubMedRecord) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(ArticleJSON(record)), as: UTF8.self)
    }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public func encode(to encoder: Encoder) throws {
        var object = encoder.container(keyedBy: Key.self)
        try object.encode(record.pmid.description, forKey: Key("pmid"))
        try object.encode(record.version, forKey: Key("version"))
        try object.encode(record.kind.rawValue, forKey: Key("kind"))
        try object.encode(text(record.title), forKey: Key("title"))
        try object.encode(text(record.vernacularTitle), forKey: Key("vernacularTitle"))
        try object.encode(record.abstract.map(Section.init), forKey: Key("abstract"))
        try object.encode(record.authors.map(Person.init), forKey: Key("authors"))
        try object.encode(record.journal.map(JournalJSON.init), forKey: Key("journal"))
        try object.encode(text(record.pagination?.expandedPages), forKey: Key("pages"))
        try object.encode(text(record.doi?.value), forKey: Key("doi"))
        try object.encode(text(record.pmcid), forKey: Key("pmcid"))
        try object.encode(record.year, forKey: Key("year"))
        try object.encode(text(record.pubDate?.printed), forKey: Key("pubDate"))
        try object.encode(record.publicationTypes.compactMap { text($0.name) }, forKey: Key("publicationTypes"))
        try object.encode(record.languages.compactMap { text($0) }, forKey: Key("languages"))
        try object.encode(record.mesh.map(Heading.init), forKey: Key("mesh"))
        try object.encode(record.keywords.compactMap { text($0.text) }, forKey: Key("keywords"))
        try object.encode(record.chemicals.compactMap { text($0.name) }, forKey: Key("chemicals"))
        try object.encode(text(record.status), forKey: Key("status"))
        try object.encode(record.commentsCorrections.map(Correction.init), forKey: Key("commentsCorrections"))
    }

    private struct Section: Encodable {
        var label: String?
        var category: String?
        var text: String?
        init(_ section: AbstractSection) {
            label = ArticleJSON.nonEmpty(section.label)
            category = ArticleJSON.nonEmpty(section.category)
            text = ArticleJSON.nonEmpty(section.text)
        }
        func encode(to encoder: Encoder) throws {
            var object = encoder.container(keyedBy: Key.self)
            try object.encode(label, forKey: Key("label"))
            try object.encode(category, forKey: Key("category"))
            try object.encode(text, forKey: Key("text"))
        }
    }

    private struct Person: Encodable {
        var author: Author
        init(_ author: Author) { self.author = author }
        func encode(to encoder: Encoder) throws {
            var object = encoder.container(keyedBy: Key.self)
            try object.encode(ArticleJSON.nonEmpty(author.lastName), forKey: Key("lastName"))
            try object.encode(ArticleJSON.nonEmpty(author.foreName), forKey: Key("foreName"))
            try object.encode(ArticleJSON.nonEmpty(author.initials), forKey: Key("initials"))
            try object.encode(ArticleJSON.nonEmpty(author.suffix), forKey: Key("suffix"))
            try object.encode(ArticleJSON.nonEmpty(author.collectiveName), forKey: Key("collectiveName"))
            try object.encode(ArticleJSON.nonEmpty(author.orcid), forKey: Key("orcid"))
            try object.encode(author.affiliations.compactMap { ArticleJSON.nonEmpty($0) }, forKey: Key("affiliations"))
        }
    }

    private struct JournalJSON: Encodable {
        var journal: Journal
        init(_ journal: Journal) { self.journal = journal }
        func encode(to encoder: Encoder) throws {
            var object = encoder.container(keyedBy: Key.self)
            try object.encode(ArticleJSON.nonEmpty(journal.title), forKey: Key("title"))
            try object.encode(ArticleJSON.nonEmpty(journal.isoAbbreviation), forKey: Key("isoAbbreviation"))
            try object.encode(ArticleJSON.nonEmpty(journal.issn), forKey: Key("issn"))
            try object.encode(ArticleJSON.nonEmpty(journal.volume), forKey: Key("volume"))
            try object.encode(ArticleJSON.nonEmpty(journal.issue), forKey: Key("issue"))
        }
    }

    private struct Heading: Encodable {
        var heading: MeshHeading
        init(_ heading: MeshHeading) { self.heading = heading }
        func encode(to encoder: Encoder) throws {
            var object = encoder.container(keyedBy: Key.self)
            try object.encode(ArticleJSON.nonEmpty(heading.descriptor), forKey: Key("descriptor"))
            try object.encode(ArticleJSON.nonEmpty(heading.ui), forKey: Key("ui"))
            try object.encode(heading.major, forKey: Key("major"))
            try object.encode(heading.qualifiers.map(Qualifier.init), forKey: Key("qualifiers"))
        }
    }

    private struct Qualifier: Encodable {
        var qualifier: MeshQualifier
        init(_ qualifier: MeshQualifier) { self.qualifier = qualifier }
        func encode(to encoder: Encoder) throws {
            var object = encoder.container(keyedBy: Key.self)
            try object.encode(ArticleJSON.nonEmpty(qualifier.name), forKey: Key("name"))
            try object.encode(ArticleJSON.nonEmpty(qualifier.ui), forKey: Key("ui"))
            try object.encode(qualifier.major, forKey: Key("major"))
        }
    }

    private struct Correction: Encodable {
        var correction: CommentCorrection
        init(_ correction: CommentCorrection) { self.correction = correction }
        func encode(to encoder: Encoder) throws {
            var object = encoder.container(keyedBy: Key.self)
            try object.encode(ArticleJSON.nonEmpty(correction.type), forKey: Key("type"))
            try object.encode(correction.pmid?.description, forKey: Key("pmid"))
        }
    }

    private func text(_ value: String?) -> String? { ArticleJSON.nonEmpty(value) }

    /// `nil` for nil, empty or all-white-space text, so `""` never appears in the output.
    static func nonEmpty(_ value: String?) -> String? {
        guard let value, !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
        return value
    }
}
