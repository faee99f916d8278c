import Foundation

extension Lexicon {
    /// The default lexicon folder, relative to a project folder.
    public static let defaultDirectory = "Corpus/lexicon"

    /// Whether the lexicon holds nothing to read claims with: no concept and no claim cue.
    public var isEmpty: Bool { concepts.isEmpty && adverseEffects.isEmpty && risks.isEmpty && claimCues.isEmpty }

    /// Where the default lexicon folder is looked for, in order: `Corpus/lexicon` under the
    /// working directory; in the project an index lives in (`…/Index/evidence.sqlite` →
    /// `…/Corpus/lexicon`, and beside the index); and in the project the executable was
    /// built in (`…/.build/release/evidence` → `…/Corpus/lexicon`). Paths are absolute.
    public static func defaultDirectoryCandidates(workingDirectory: String, indexPath: String?, executablePath: String?) -> [String] {
        func absolute(_ path: String) -> URL {
            path.hasPrefix("/") ? URL(fileURLWithPath: path) : URL(fileURLWithPath: workingDirectory).appendingPathComponent(path)
        }
        var folders: [URL] = [URL(fileURLWithPath: workingDirectory)]
        if let indexPath {
            let folder = absolute(indexPath).deletingLastPathComponent()
            folders += [folder.deletingLastPathComponent(), folder]
        }
        if let executablePath {
            // .build/<triple>/release/evidence or .build/release/evidence: up to four levels.
            var folder = absolute(executablePath).resolvingSymlinksInPath().deletingLastPathComponent()
            for _ in 0..<4 {
                folder = folder.deletingLastPathComponent()
                folders.append(folder)
            }
        }
        var seen = Set<String>()
        return folders.map { $0.appendingPathComponent(defaultDirectory).standardizedFileURL.path }.filter { seen.insert($0).inserted }
    }

    /// The first of `candidates` that holds at least one `*.json` lexicon, or nil.
    public static func firstLexiconDirectory(in candidates: [String]) -> String? {
        candidates.first { directory in
            (try? FileManager.default.contentsOfDirectory(atPath: directory))?.contains { $0.hasSuffix(".json") } ?? false
        }
    }

    /// Reads one lexicon file, checking its schema version.
    public static func load(path: String) throws -> Lexicon {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ClaimsError.invalidLexicon(path: path, reason: "cannot read: \(error.localizedDescription)")
        }
        return try decode(data, path: path)
    }

    /// Decodes a lexicon from JSON bytes; `path` names it in errors.
    public static func decode(_ data: Data, path: String) throws -> Lexicon {
        struct Header: Decodable { var schemaVersion: Int? }
        guard let header = try? JSONDecoder().decode(Header.self, from: data) else {
            throw ClaimsError.invalidLexicon(path: path, reason: "not a JSON object")
        }
        guard let version = header.schemaVersion else {
            throw ClaimsError.invalidLexicon(path: path, reason: "missing \"schemaVersion\"")
        }
        guard supportedSchemaVersions.contains(version) else {
            throw ClaimsError.invalidLexicon(path: path, reason: "schema version \(version) is not supported (this build reads \(supportedSchemaVersions.lowerBound)–\(supportedSchemaVersions.upperBound))")
        }
        do {
            return try JSONDecoder().decode(Lexicon.self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            throw ClaimsError.invalidLexicon(path: path, reason: "missing \"\(key.stringValue)\" at \(context.codingPath.map(\.stringValue).joined(separator: "."))")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw ClaimsError.invalidLexicon(path: path, reason: "wrong type at \(context.codingPath.map(\.stringValue).joined(separator: ".")): \(context.debugDescription)")
        } catch let DecodingError.dataCorrupted(context) {
            throw ClaimsError.invalidLexicon(path: path, reason: "bad value at \(context.codingPath.map(\.stringValue).joined(separator: ".")): \(context.debugDescription)")
        }
    }

    /// The default lexicons (every `*.json` in `directory`, sorted by name) with `extra` files merged on top.
    ///
    /// A missing default folder is not an error (the result is the extras alone); a missing extra file is.
    public static func loadMerged(directory: String = defaultDirectory, extra: [String] = []) throws -> Lexicon {
        var lexicon = Lexicon()
        let fileManager = FileManager.default
        if let names = try? fileManager.contentsOfDirectory(atPath: directory) {
            for name in names.sorted() where name.hasSuffix(".json") {
                lexicon = lexicon.merging(try load(path: (directory as NSString).appendingPathComponent(name)))
            }
        }
        for path in extra {
            lexicon = lexicon.merging(try load(path: path))
        }
        return lexicon
    }
}
