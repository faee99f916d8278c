import CitationExport
import Foundation
import PubMed

/// Reads the claims and citations out of a check report (`evidence check --format json`).
///
/// Only the fields export needs are read: `snapshot` and `claims[].{id, text, verdict, reason,
/// citations[].{pmid, stance, quote}}`; everything else is ignored, so the reader keeps working
/// when the report gains fields. A PMID may be a string or a number.
struct CheckReportReader {
    /// The index snapshot the report was made against.
    var snapshot: String?
    /// The report's claims, in report order.
    var claims: [BundleManifest.ClaimSummary]

    /// Reads `path`; throws `ExportError.unreadableReport` naming the file and the problem.
    init(path: String) throws {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ExportError.unreadableReport(path: path, reason: "cannot read the file")
        }
        let report: Report
        do {
            report = try JSONDecoder().decode(Report.self, from: data)
        } catch let error as DecodingError {
            throw ExportError.unreadableReport(path: path, reason: Self.describe(error))
        }
        snapshot = report.snapshot
        claims = report.claims.map { claim in
            BundleManifest.ClaimSummary(id: claim.id.text, text: claim.text, verdict: claim.verdict, reason: claim.reason,
                                        citations: (claim.citations ?? []).map { .init(pmid: $0.pmid.pmid, stance: $0.stance, quote: $0.quote) })
        }
    }

    private struct Report: Decodable {
        var snapshot: String?
        var claims: [Claim]
    }

    private struct Claim: Decodable {
        var id: FlexibleID
        var text: String?
        var verdict: String?
        var reason: String?
        var citations: [Citation]?
    }

    private struct Citation: Decodable {
        var pmid: FlexiblePMID
        var stance: String?
        var quote: String?
    }

    /// A claim id written as a string or a number.
    private struct FlexibleID: Decodable {
        var text: String
        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Int64.self) { text = String(number) } else { text = try container.decode(String.self) }
        }
    }

    /// A PMID written as a string or a number.
    private struct FlexiblePMID: Decodable {
        var pmid: PMID
        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            let text = try (try? container.decode(Int64.self)).map(String.init) ?? container.decode(String.self)
            guard let pmid = PMID(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not a PMID")
            }
            self.pmid = pmid
        }
    }

    /// `claims[2].citations[0].pmid: '12x' is not a PMID`.
    static func describe(_ error: DecodingError) -> String {
        func path(_ codingPath: [CodingKey]) -> String {
            codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().drop { $0 == "." }.description
        }
        switch error {
        case .keyNotFound(let key, let context):
            let at = path(context.codingPath)
            return "missing '\(key.stringValue)'" + (at.isEmpty ? "" : " in \(at)")
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "\(path(context.codingPath)): \(context.debugDescription)"
        case .dataCorrupted(let context):
            let at = path(context.codingPath)
            return (at.isEmpty ? "" : "\(at): ") + (context.underlyingError.map { _ in "not valid JSON" } ?? context.debugDescription)
        @unknown default:
            return "\(error)"
        }
    }
}
