import Yams

/// What a `.pubgate.yml` found in the reviewed tree may change: only what makes the review
/// stricter. That file is written by whoever submits the drafts, so `decision.reject: []` or
/// `severity: {pi_resident_id_18: info}` there would let a submitter approve their own leak; a
/// site that wants to loosen says so in the file it passes with `--config`.
///
/// Per key: `decision.reject` and `publication.interpretation.required_for` may only grow,
/// `public_numbers` only shrink, a severity only rise, `min_workdays` only rise, a masking template
/// may be set only where the site has none; `severity:` entries are floors (a finding is raised to
/// them, never lowered) and one that names a rule or kind the rule files make stricter is refused.
/// Any other key (validity periods, the archive's organisation, keys added later) only `--config`
/// may set. A refusal stops the run (exit 78) naming the file and the key.
struct TreeSettingsCheck {
    let file: String
    /// The severity a rule id or kind has before any override (for scan rules: the strictest
    /// severity of the rules it names); nil when unknown.
    let defaultSeverity: (String) -> Severity?

    /// Splits the tree file into what merges like any settings file and the severity floors,
    /// refusing whatever would loosen `base` (the defaults with `--config` applied).
    func check(_ tree: Node.Mapping, against base: Node.Mapping) throws(ConfigurationError) -> (merge: Node.Mapping, floors: [String: Severity]) {
        var merge = Node.Mapping([])
        var floors: [String: Severity] = [:]
        for (keyNode, value) in tree {
            guard let key = keyNode.string else { continue }
            if key == "severity" {
                guard let entries = value.mapping else { throw refusal("severity", "expected a mapping of rule ids or kinds to severities") }
                for (k, v) in entries {
                    guard let id = k.string else { continue }
                    guard let floor = v.string.flatMap(Severity.init(rawValue:)) else {
                        throw refusal("severity.\(id)", "expected one of \(Severity.allCases.map(\.rawValue).joined(separator: ", "))")
                    }
                    if let shipped = defaultSeverity(id), floor < shipped { throw loosening("severity.\(id)") }
                    if let current = base[key: "severity"]?.mapping?[Node(id)]?.string.flatMap(Severity.init(rawValue:)), floor < current {
                        throw loosening("severity.\(id)")
                    }
                    floors[id] = floor
                }
                continue
            }
            guard let existing = base[key] else { throw refusal(key, "unknown key") }
            try checkValue(value, against: existing, at: key)
            merge[keyNode] = value
        }
        return (merge, floors)
    }

    private func checkValue(_ value: Node, against base: Node, at path: String) throws(ConfigurationError) {
        if let over = value.mapping, let mapping = base.mapping {
            for (k, v) in over {
                guard let key = k.string else { continue }
                let dotted = "\(path).\(key)"
                guard let existing = mapping[k] else { throw refusal(dotted, "unknown key") }
                try checkValue(v, against: existing, at: dotted)
            }
            return
        }
        let tightens: Bool
        switch path {
        case "decision.reject":
            tightens = Set(strings(value)).isSuperset(of: strings(base))
        case "publication.interpretation.required_for":
            tightens = Set(strings(value)).isSuperset(of: strings(base))
        case "public_numbers":
            tightens = Set(strings(value)).isSubset(of: strings(base))
        case "publication.consultation.min_workdays":
            tightens = (value.int ?? .min) >= (base.int ?? .max)
        case "masking.resident_id", "masking.mobile":
            tightens = Self.isNull(base) || value.string == base.string
        default:
            guard let current = base.string.flatMap(Severity.init(rawValue:)) else {
                throw refusal(path, "only the settings file given with --config may set it, not one in the reviewed tree")
            }
            guard let wanted = value.string.flatMap(Severity.init(rawValue:)) else {
                throw refusal(path, "expected one of \(Severity.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            tightens = wanted >= current
        }
        if !tightens { throw loosening(path) }
    }

    private func strings(_ node: Node) -> [String] {
        node.sequence?.compactMap(\.string) ?? []
    }

    static func isNull(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    private func refusal(_ key: String, _ why: String) -> ConfigurationError {
        ConfigurationError(file: file, message: "`\(key)`: \(why)")
    }

    private func loosening(_ key: String) -> ConfigurationError {
        refusal(
            key,
            "a settings file in the reviewed tree can only make the review stricter, and this would loosen it; a site that wants it sets it in the file given with --config"
        )
    }
}
