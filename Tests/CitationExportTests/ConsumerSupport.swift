import CitationExport
import EvidenceTestSupport
import Foundation
import PubMed
import Testing

/// Runs the real programs people import citations with, and compares what they read back.
///
/// Each script in `Fixtures/Consumers/` reads one exported file with one consumer and prints
/// JSON: `{"entries": [{title, author, year, journal, doi, pmid}], "rendered": [...], "failed": [...]}`.
enum Consumers {
    static let scriptFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/Consumers")

    /// Whether a consumer's test should run: always under CI (so a missing tool fails), otherwise
    /// when the tool is installed. `tool` is an executable name or `python:module`.
    static func isAvailable(_ tool: String) -> Bool {
        SharedData.isCI || isInstalled(tool)
    }

    static func isInstalled(_ tool: String) -> Bool {
        if tool.hasPrefix("python:") {
            let module = String(tool.dropFirst("python:".count))
            return (try? run(["python3", "-c", "import \(module)"]).status) == 0
        }
        return (try? run(["sh", "-c", "command -v \(tool)"]).status) == 0
    }

    /// Runs a command (looked up on PATH) and returns its status and output.
    static func run(_ arguments: [String], input: String? = nil) throws -> (status: Int32, stdout: Data, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes before waiting, so a chatty tool cannot fill a pipe and block.
        let stderr = DataBox()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { stderr.data = errors.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        let stdout = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return (process.terminationStatus, stdout, String(decoding: stderr.data, as: UTF8.self))
    }

    /// Runs `Fixtures/Consumers/<script>.py` with `arguments` and decodes its report.
    static func report(_ script: String, _ arguments: [String]) throws -> ConsumerReport {
        let path = scriptFolder.appendingPathComponent(script + ".py").path
        let result = try run(["python3", path] + arguments)
        guard result.status == 0 else {
            throw ConsumerFailure(message: "\(script) exited \(result.status): \(result.stderr.suffix(2_000))")
        }
        do {
            return try JSONDecoder().decode(ConsumerReport.self, from: result.stdout)
        } catch {
            throw ConsumerFailure(message: "\(script) printed unreadable JSON: \(error)\n\(String(decoding: result.stdout.prefix(500), as: UTF8.self))")
        }
    }
}

/// Holds bytes read on another thread; written once before `DispatchGroup.wait` returns.
final class DataBox: @unchecked Sendable {
    var data = Data()
}

struct ConsumerFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// What a consumer script prints.
struct ConsumerReport: Decodable {
    struct Entry: Decodable {
        var key: String?
        var type: String?
        var title: String?
        var author: String?
        var year: String?
        var journal: String?
        var doi: String?
        var pmid: String?
        var tags: [String]?
    }

    struct Failed: Decodable {
        var key: String
        var error: String
    }

    var entries: [Entry]
    var rendered: [String]?
    var failed: [Failed]?
    var warnings: [String]?
}

/// The fields every consumer must read back for a record.
struct ExpectedCitation {
    var pmid: String
    var title: String
    var firstAuthor: String?
    var year: String?
    var container: String?
    var doi: String?

    init(_ record: PubMedRecord) {
        pmid = record.pmid.description
        title = record.citationTitle ?? ""
        let first = record.authors.first
        firstAuthor = first.flatMap { $0.isCollective ? $0.collectiveName : $0.lastName }
        year = record.year.map(String.init)
        if record.kind == .book {
            container = record.isBookChapter ? record.book?.bookTitle : nil
        } else {
            container = record.journalTitle
        }
        doi = record.doi?.value
    }

    /// Compares what `consumer` read for this record, recording an issue per wrong field.
    func check(_ entry: ConsumerReport.Entry?, consumer: String, fields: Set<Field> = Set(Field.allCases),
               sourceLocation: SourceLocation = #_sourceLocation) {
        guard let entry else {
            Issue.record("\(consumer): PMID \(pmid) missing", sourceLocation: sourceLocation)
            return
        }
        let context = "\(consumer): PMID \(pmid)"
        if fields.contains(.title) {
            #expect(TextComparison.normalized(entry.title ?? "") == TextComparison.normalized(title),
                    "\(context) title: \(entry.title ?? "nil") ≠ \(title)", sourceLocation: sourceLocation)
        }
        if fields.contains(.author), let firstAuthor {
            let read = TextComparison.normalized(entry.author ?? "")
            let want = TextComparison.normalized(firstAuthor)
            #expect(!read.isEmpty && (read.contains(want) || want.contains(read)),
                    "\(context) first author: \(entry.author ?? "nil") ≠ \(firstAuthor)", sourceLocation: sourceLocation)
        }
        if fields.contains(.year) {
            #expect(entry.year == year, "\(context) year: \(entry.year ?? "nil") ≠ \(year ?? "nil")", sourceLocation: sourceLocation)
        }
        if fields.contains(.container), let container {
            #expect(TextComparison.normalized(entry.journal ?? "") == TextComparison.normalized(container),
                    "\(context) journal: \(entry.journal ?? "nil") ≠ \(container)", sourceLocation: sourceLocation)
        }
        if fields.contains(.doi) {
            #expect(entry.doi?.lowercased() == doi?.lowercased(), "\(context) DOI: \(entry.doi ?? "nil") ≠ \(doi ?? "nil")", sourceLocation: sourceLocation)
        }
        if fields.contains(.pmid) {
            #expect(entry.pmid == pmid, "\(context) PMID: \(entry.pmid ?? "nil")", sourceLocation: sourceLocation)
        }
    }

    enum Field: CaseIterable { case title, author, year, container, doi, pmid }
}

/// Compares text across encodings: LaTeX commands, accents, case and punctuation are ignored,
/// every letter and digit must survive.
enum TextComparison {
    static func normalized(_ text: String) -> String {
        var text = text
        // LaTeX control words: Greek letters become their names, other commands vanish.
        let pattern = try! NSRegularExpression(pattern: "\\\\([A-Za-z]+)")
        let range = NSRange(text.startIndex..., in: text)
        var result = ""
        var last = text.startIndex
        for match in pattern.matches(in: text, range: range) {
            let whole = Range(match.range, in: text)!, name = String(text[Range(match.range(at: 1), in: text)!])
            result += text[last..<whole.lowerBound]
            // pandoc writes TeX math back as `\kappaB`: a Greek name may run into the next letters.
            if greekNames.contains(where: { name.hasPrefix($0) }) {
                result += name
            } else if let letter = letterCommands[name] {
                result += letter
            }
            last = whole.upperBound
        }
        result += text[last...]
        text = result
        for (letter, name) in greekLetters { text = text.replacingOccurrences(of: String(letter), with: name) }
        var output = ""
        for character in text.lowercased() {
            if let spelled = specialLetters[character] { output += spelled; continue }
            for scalar in String(character).decomposedStringWithCanonicalMapping.unicodeScalars
            where scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                if [.nonspacingMark, .modifierLetter].contains(scalar.properties.generalCategory) { continue }
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    static let letterCommands: [String: String] = ["o": "o", "O": "o", "l": "l", "L": "l", "ss": "ss", "ae": "ae", "AE": "ae", "oe": "oe", "OE": "oe", "aa": "a", "AA": "a", "i": "i", "j": "j"]
    static let specialLetters: [Character: String] = ["ø": "o", "ł": "l", "ß": "ss", "æ": "ae", "œ": "oe", "đ": "d", "ð": "d", "þ": "th", "ı": "i", "ŋ": "ng"]
    static let greekLetters: [(Character, String)] = [
        ("α", "alpha"), ("β", "beta"), ("γ", "gamma"), ("δ", "delta"), ("ε", "epsilon"), ("ζ", "zeta"), ("η", "eta"),
        ("θ", "theta"), ("ι", "iota"), ("κ", "kappa"), ("λ", "lambda"), ("μ", "mu"), ("µ", "mu"), ("ν", "nu"), ("ξ", "xi"),
        ("π", "pi"), ("ρ", "rho"), ("σ", "sigma"), ("τ", "tau"), ("υ", "upsilon"), ("φ", "phi"), ("χ", "chi"),
        ("ψ", "psi"), ("ω", "omega"), ("Γ", "gamma"), ("Δ", "delta"), ("Θ", "theta"), ("Λ", "lambda"), ("Ξ", "xi"),
        ("Π", "pi"), ("Σ", "sigma"), ("Φ", "phi"), ("Ψ", "psi"), ("Ω", "omega"),
    ]
    static let greekNames: Set<String> = Set(greekLetters.map(\.1))
}
