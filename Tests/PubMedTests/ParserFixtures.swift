import Foundation
import Testing
@testable import PubMed

/// What parsing one input produced.
struct ParseResult {
    var items: [PubMedItem] = []
    var diagnostics: [ParseDiagnostic] = []
    var summary = ParseSummary()

    var records: [PubMedRecord] {
        items.compactMap { if case .record(let record) = $0 { return record } else { return nil } }
    }

    var deletions: [[PMID]] {
        items.compactMap { if case .deletion(let pmids) = $0 { return pmids } else { return nil } }
    }
}

/// Test fixtures in `Tests/PubMedTests/Fixtures`, named after the quirk they cover.
enum ParserFixtures {
    /// The path of fixture `name` (with its extension).
    static func path(_ name: String) throws -> String {
        let url = URL(fileURLWithPath: name)
        let ext = url.pathExtension == "gz" ? "xml.gz" : url.pathExtension
        let base = String(name.dropLast(ext.count + 1))
        let found = try #require(Bundle.module.url(forResource: base, withExtension: ext, subdirectory: "Fixtures"),
                                 "missing fixture \(name)")
        return found.path
    }

    /// Parses fixture `name`, collecting items and diagnostics.
    static func parse(_ name: String) throws -> ParseResult {
        try parse(.file(path: path(name)))
    }

    /// Parses `input`, collecting items and diagnostics.
    static func parse(_ input: ParserInput) throws -> ParseResult {
        var result = ParseResult()
        result.summary = try PubMedParser().parse(input, diagnose: { result.diagnostics.append($0) }) {
            result.items.append($0)
        }
        return result
    }

    /// The single record in fixture `name`.
    static func record(_ name: String) throws -> PubMedRecord {
        let records = try parse(name).records
        try #require(records.count == 1, "expected one record in \(name), got \(records.count)")
        return records[0]
    }

    /// The error parsing fixture `name` throws.
    static func failure(_ name: String) throws -> ParseDiagnostic {
        do {
            _ = try parse(name)
        } catch let diagnostic as ParseDiagnostic {
            return diagnostic
        }
        Issue.record("\(name) parsed without an error")
        throw CancellationError()
    }
}
