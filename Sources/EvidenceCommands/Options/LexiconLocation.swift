import ArgumentParser
import Claims
import Foundation

/// Finds and loads the lexicon an article check reads claims with.
enum LexiconLocation {
    /// The lexicons of `directory` (or, when none is given, of the first default folder found:
    /// see `Lexicon.defaultDirectoryCandidates`) with `extra` files merged on top.
    ///
    /// An article cannot be read without a lexicon, so when `required` and nothing was found
    /// this throws, naming where it looked, rather than checking with an empty one.
    static func load(directory: String?, extra: [String], indexPath: String?, required: Bool) throws -> Lexicon {
        if let directory {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw ValidationError("no lexicon folder at \(directory)")
            }
            let lexicon = try Lexicon.loadMerged(directory: directory, extra: extra)
            if required && lexicon.isEmpty { throw ValidationError("no lexicon (*.json) in \(directory); pass --lexicon FILE") }
            return lexicon
        }
        let candidates = Lexicon.defaultDirectoryCandidates(
            workingDirectory: FileManager.default.currentDirectoryPath, indexPath: indexPath, executablePath: Bundle.main.executablePath)
        let found = Lexicon.firstLexiconDirectory(in: candidates)
        let lexicon = try Lexicon.loadMerged(directory: found ?? "", extra: extra)
        if required && lexicon.isEmpty {
            throw ValidationError("""
                no lexicon found: looked for \(Lexicon.defaultDirectory)/*.json in \(candidates.joined(separator: ", ")). \
                Pass --lexicon-directory DIR or --lexicon FILE.
                """)
        }
        return lexicon
    }
}
