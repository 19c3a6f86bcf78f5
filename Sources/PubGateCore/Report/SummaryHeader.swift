/// The keys every `--json` summary opens with (tool, command, schema, the version when the
/// command reports one, as_of), written from one place so that a script reading the summaries of
/// `review`, `check` and `sweep` finds them spelled and typed alike.
///
/// A summary encodes it into the same encoder before its own keys: the JSON encoder merges the two
/// keyed containers into one object.
struct SummaryHeader: Encodable {
    let command: String
    let version: String?
    let asOf: SimpleDate?

    enum CodingKeys: String, CodingKey {
        case tool, version, command, schema
        case asOf = "as_of"
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode("pubgate", forKey: .tool)
        try c.encodeIfPresent(version, forKey: .version)
        try c.encode(command, forKey: .command)
        try c.encode(1, forKey: .schema)
        try c.encodeIfPresent(asOf, forKey: .asOf)
    }
}
