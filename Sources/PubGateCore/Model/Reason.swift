/// Why pubgate decided something, for `pubgate explain`: a report sentence (an id of the `text`
/// catalogue in Rules/messages, such as `trace.kept` or `type.title`) and its values, worded in
/// the reviewer's language only when it is printed.
public struct Reason: Sendable, Equatable {
    public let id: String
    public let args: [String: String]

    static func text(_ id: String, _ args: [String: String] = [:]) -> Reason { Reason(id: id, args: args) }
}
