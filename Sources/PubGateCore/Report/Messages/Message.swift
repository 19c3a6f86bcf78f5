/// A finding's message as a catalogue key and the values of its placeholders, so each report can
/// say it in its own language (`Rules/messages/<language>.yaml`).
///
/// The key is `rule` (the rule's own message), `rule.id` (one of several messages of a rule) or
/// `shared.id` (a message several rules use: more matches than listed, a name repeated). Argument
/// values are what the English text held before: counts, dates, masked names, 文号 — never matched
/// text the manifest would not show.
struct Message: Sendable, Hashable {
    let key: String
    let args: [String: String]

    init(_ key: String, _ args: [String: String] = [:]) {
        self.key = key
        self.args = args
    }

    /// The catalogue section the key is looked up in: a rule id, or `shared`.
    var section: String {
        key.firstIndex(of: ".").map { String(key[..<$0]) } ?? key
    }

    /// The message id within the section (`message` for a rule's own message).
    var id: String {
        key.firstIndex(of: ".").map { String(key[key.index(after: $0)...]) } ?? MessageCatalogue.defaultID
    }

    /// True for a shared message: it wraps the finding's rule message (`{base}`).
    var isShared: Bool { section == MessageCatalogue.sharedSection }
}
