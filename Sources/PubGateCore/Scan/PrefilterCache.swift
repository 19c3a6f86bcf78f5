import Crypto
import Foundation
import VectorscanKit

/// Compiled prefilter databases on disk, keyed by what they were compiled from, and beside them
/// the rules' match widths.
///
/// Compiling the shipped rules into one Vectorscan database takes about 0.4 s, more than the whole
/// pre-commit check of a typical commit; loading the serialized database takes about a millisecond.
/// The key is a SHA-256 of the Vectorscan version and every pattern with its id and flags, so a
/// changed rule, flag or library never meets a stale database. A damaged file fails to load and is
/// simply compiled again; a folder that cannot be written only costs the compile.
struct PrefilterCache: Sendable {
    let directory: String

    /// `PUBGATE_CACHE_DIR`, else `$XDG_CACHE_HOME/pubgate`, else `~/.cache/pubgate`; nil without a home.
    static var standard: PrefilterCache? {
        let env = ProcessInfo.processInfo.environment
        if let dir = env["PUBGATE_CACHE_DIR"], !dir.isEmpty { return PrefilterCache(directory: dir) }
        if let xdg = env["XDG_CACHE_HOME"], !xdg.isEmpty { return PrefilterCache(directory: xdg + "/pubgate") }
        if let home = env["HOME"], !home.isEmpty { return PrefilterCache(directory: home + "/.cache/pubgate") }
        return nil
    }

    func load(_ patterns: [PatternDatabase.Pattern]) -> PatternDatabase? {
        guard let data = FileManager.default.contents(atPath: path(for: patterns)) else { return nil }
        return try? PatternDatabase(serialized: Array(data))
    }

    func store(_ database: PatternDatabase, for patterns: [PatternDatabase.Pattern]) {
        guard let bytes = try? database.serialized() else { return }
        try? AtomicWriter.write(Data(bytes), to: path(for: patterns))
    }

    /// Each expression's match widths (Vectorscan's expression info), or why it does not parse:
    /// from the cache when it holds them for exactly these expressions, else computed and stored.
    /// Parsing every rule again cost 61 M instructions of each start-up, a fifth of `check` on one
    /// page. A file that does not hold one well-formed line per expression is computed again.
    func widths(of expressions: [(expression: String, flags: PatternDatabase.Flags)]) -> [Result<PatternDatabase.Widths, Unparsable>] {
        let file = widthsPath(for: expressions)
        if let cached = Self.parseWidths(FileManager.default.contents(atPath: file), count: expressions.count) { return cached }
        let computed = expressions.map(Self.computeWidths)
        try? AtomicWriter.write(Data(Self.formatWidths(computed).utf8), to: file)
        return computed
    }

    /// Why Vectorscan cannot parse an expression (its message).
    struct Unparsable: Error, Equatable {
        let message: String
    }

    static func computeWidths(_ e: (expression: String, flags: PatternDatabase.Flags)) -> Result<PatternDatabase.Widths, Unparsable> {
        do {
            return .success(try PatternDatabase.widths(of: e.expression, flags: e.flags))
        } catch {
            return .failure(Unparsable(message: error.message))
        }
    }

    /// One line per expression: `w MIN MAX` (`-` for unbounded) or `e MESSAGE`.
    static func formatWidths(_ widths: [Result<PatternDatabase.Widths, Unparsable>]) -> String {
        widths.map { result in
            switch result {
            case .success(let w): "w \(w.minWidth) \(w.maxWidth.map(String.init) ?? "-")\n"
            case .failure(let e): "e \(e.message.replacingOccurrences(of: "\n", with: " "))\n"
            }
        }.joined()
    }

    static func parseWidths(_ data: Data?, count: Int) -> [Result<PatternDatabase.Widths, Unparsable>]? {
        guard let data, let text = String(data: data, encoding: .utf8), text.hasSuffix("\n") else { return nil }
        let lines = text.dropLast().split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count == count else { return nil }
        var result: [Result<PatternDatabase.Widths, Unparsable>] = []
        for line in lines {
            if line.hasPrefix("e ") {
                result.append(.failure(Unparsable(message: String(line.dropFirst(2)))))
                continue
            }
            let fields = line.split(separator: " ", omittingEmptySubsequences: false)
            guard fields.count == 3, fields[0] == "w", let min = Int(fields[1]), min >= 0 else { return nil }
            let max = fields[2] == "-" ? nil : Int(fields[2])
            guard fields[2] == "-" || (max.map { $0 >= min } ?? false) else { return nil }
            result.append(.success(PatternDatabase.Widths(minWidth: min, maxWidth: max)))
        }
        return result
    }

    func widthsPath(for expressions: [(expression: String, flags: PatternDatabase.Flags)]) -> String {
        var hasher = SHA256()
        hasher.update(data: Data("widths vectorscan \(PatternDatabase.version)\n".utf8))
        for e in expressions { hasher.update(data: Data("\(e.flags.rawValue)\t\(e.expression.utf8.count)\t\(e.expression)\n".utf8)) }
        return directory + "/prefilter-" + Hex.encode(hasher.finalize()) + ".widths"
    }

    func path(for patterns: [PatternDatabase.Pattern]) -> String {
        var hasher = SHA256()
        hasher.update(data: Data("vectorscan \(PatternDatabase.version)\n".utf8))
        for p in patterns { hasher.update(data: Data("\(p.id)\t\(p.flags.rawValue)\t\(p.expression)\n".utf8)) }
        return directory + "/prefilter-" + Hex.encode(hasher.finalize()) + ".hsdb"
    }
}
