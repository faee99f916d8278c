import Foundation

extension Lexicon {
    /// The default lexicon folder, relative to the working directory.
    public static let defaultDirectory = "Corpus/lexicon"

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
