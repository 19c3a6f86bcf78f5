/// Why a document could not be read, as the arguments of its `unscannable` finding: `reason` in
/// English, as the manifest's message has always said it, and `reason_id`, the catalogue sentence
/// (`unscannable.*`, filled with the same arguments) a report in another language says instead.
enum UnscannableReason {
    /// The arguments for the reason `english`, said in the catalogue as `id` with `params`.
    static func args(_ english: String, id: String, _ params: [String: String] = [:]) -> [String: String] {
        params.merging(["reason": english, "reason_id": id]) { _, new in new }
    }
}
