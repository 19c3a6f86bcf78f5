import Foundation

/// A first argument that is neither a command nor an existing path: `pubgate revue drafts` is a
/// typing error, not a review of a folder named `revue` (argument-parser's default command would
/// take it as one and report only that `revue` does not exist, or run on the rest).
struct UnknownCommand: CustomStringConvertible {
    let word: String
    let suggestion: String?

    /// Nil when `arguments` start with a command, an option or an existing path (or nothing).
    init?(_ arguments: [String], commands: [String], fileExists: (String) -> Bool = { FileManager.default.fileExists(atPath: $0) }) {
        guard let first = arguments.first, !first.hasPrefix("-"), !commands.contains(first), !fileExists(first) else { return nil }
        word = first
        let scored = commands.map { ($0, Self.distance(first.lowercased(), $0)) }.filter { $0.1 <= max(2, $0.0.count / 3) }
        suggestion = scored.min { $0.1 < $1.1 }?.0 ?? commands.first { $0.hasPrefix(first.lowercased()) && first.count >= 2 }
    }

    var description: String {
        var text = "unknown command `\(word.escapingControlCharacters)`"
        if let suggestion { text += "; did you mean `pubgate \(suggestion)`?" }
        text += "\n(`pubgate --help` lists the commands; a first argument that is an existing file or folder runs `pubgate review`)"
        return text
    }

    /// Edit distance (insertions, deletions, substitutions) between two words.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        guard !a.isEmpty else { return b.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
