import Yams

extension Node.Mapping {
    /// The value of `key`, as Yams' `subscript(string:)` finds it (the last pair whose key has this
    /// text and the same resolved tag), without resolving the tag of a lookup key that is a plain
    /// lower-case word: Yams builds a key node and runs the resolver's regular expressions on it
    /// for every lookup, about 17 K instructions each and 19 M of `check` on one page. Such a word
    /// (letters a–z and `_`, not a YAML 1.1 boolean or null) resolves to `str` under every resolver
    /// pubgate parses with (the default one, and the basic one with merge keys); any other key goes
    /// through Yams.
    subscript(key key: String) -> Node? {
        guard Self.isPlainWord(key) else { return self[Node(key, tag.copy(with: .implicit))] }
        // The last match, as Yams finds it; tags compared by name (a `Tag` made here would build
        // the default constructor's tables, about 9 K instructions).
        var found: Node?
        for (k, v) in self where k.scalar?.string == key && k.tag.description == Tag.Name.str.rawValue { found = v }
        return found
    }

    /// Whether `key` is a word every resolver pubgate uses resolves to `str`.
    static func isPlainWord(_ key: String) -> Bool {
        !key.isEmpty && key.utf8.allSatisfy { $0 == 0x5F || (0x61...0x7A).contains($0) }
            && !resolvedWords.contains(key)
    }

    /// The plain words a resolver reads as something other than a string.
    private static let resolvedWords: Set<String> = ["yes", "no", "true", "false", "on", "off", "null"]
}
