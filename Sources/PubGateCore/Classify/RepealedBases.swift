import Foundation
import PCRE2Kit
import Yams

/// The bases of `Rules/repealed.yaml` that ended on a known day: titles of repealed laws and
/// rules, and provisions a revision removed (``OutdatedBasisCheck``).
struct RepealedBases: Sendable {
    struct Title: Sendable {
        let title: String
        let ended: SimpleDate
        let replacedBy: String?
        /// `title` as UTF-8, compared with what follows each 《 of a document.
        let bytes: [UInt8]

        init(title: String, ended: SimpleDate, replacedBy: String?) {
            self.title = title
            self.ended = ended
            self.replacedBy = replacedBy
            bytes = Array(title.utf8)
        }
    }

    /// A provision's wording: literal `text`, or a `pattern` when sites word it in several ways.
    struct Provision: Sendable {
        let text: String
        /// The pattern compiled when the file loaded (a pattern that does not compile stops the run).
        let pattern: LinePattern?
        let ended: SimpleDate
        let law: String
    }

    let titles: [Title]
    let provisions: [Provision]

    static let fileName = "repealed.yaml"

    init(titles: [Title] = [], provisions: [Provision] = []) {
        self.titles = titles
        self.provisions = provisions
    }

    /// Loads `repealed.yaml`; every problem names the file and the entry.
    static func load(file: String) throws(ConfigurationError) -> RepealedBases {
        let text = try YAMLShape.read(file, what: "repealed bases")
        let root = try YAMLShape.mapping(text, file: file, expecting: "`titles` and `provisions`")
        try YAMLShape.check(root, known: ["version", "titles", "provisions"], file: file, at: "")
        func date(_ node: Node?, at place: String) throws(ConfigurationError) -> SimpleDate {
            guard let s = node?.string, let d = SimpleDate(parsing: s) else {
                throw ConfigurationError(file: file, message: "\(place).ended is not a date (YYYY-MM-DD)")
            }
            return d
        }
        var titles: [Title] = []
        for (i, entry) in (root[key: "titles"]?.sequence ?? []).enumerated() {
            let place = "titles[\(i)]"
            guard let m = entry.mapping, let title = m[key: "title"]?.string, !title.isEmpty else {
                throw ConfigurationError(file: file, message: "\(place) needs a `title`")
            }
            try YAMLShape.check(m, known: ["title", "ended", "replaced_by"], file: file, at: place)
            titles.append(
                Title(title: Normalizer.normalized(title), ended: try date(m[key: "ended"], at: place), replacedBy: m[key: "replaced_by"]?.string))
        }
        var provisions: [Provision] = []
        for (i, entry) in (root[key: "provisions"]?.sequence ?? []).enumerated() {
            let place = "provisions[\(i)]"
            guard let m = entry.mapping, let law = m[key: "in"]?.string,
                let text = m[key: "text"]?.string ?? m[key: "pattern"]?.string, !text.isEmpty
            else {
                throw ConfigurationError(file: file, message: "\(place) needs `text` or `pattern`, and `in`")
            }
            try YAMLShape.check(m, known: ["text", "pattern", "ended", "in"], file: file, at: place)
            let source = m[key: "pattern"]?.string
            let pattern = try source.map { (s) throws(ConfigurationError) in try LinePattern("\(place).pattern", s, in: file) }
            provisions.append(
                Provision(text: source ?? Normalizer.normalized(text), pattern: pattern, ended: try date(m[key: "ended"], at: place), law: law))
        }
        return RepealedBases(titles: titles, provisions: provisions)
    }
}
