/// The document a 解读 explains, in the order the 解读 itself says so: its own `interprets`
/// declaration, a 所解读文件 line in its body, the 《title》 or 文号 in its title, and only then the
/// 文号 its body cites (each one a candidate).
///
/// A 解读 that shares its title with a repealed rule but declares the current rule's 文号 follows
/// the current rule: titles never outrank what a page declares.
struct InterpretationTarget: Sendable {
    /// The documents named, one unless they come from the body's citations.
    let documents: [CitedDocument]
    /// `declared`, `line`, `title` or `body`.
    let source: String

    static func of(_ document: ClassifiedDocument, citedNumbers: Set<String>) -> InterpretationTarget? {
        if let declared = document.metadata.interprets.map(Normalizer.normalized), let cited = Self.cited(in: declared) {
            return InterpretationTarget(documents: [cited], source: "declared")
        }
        for line in document.lines where line.part == .body {
            guard let value = line.text.firstMatch(\.interpretedDocumentLine), let cited = Self.cited(in: value) else { continue }
            return InterpretationTarget(documents: [cited], source: "line")
        }
        if let title = document.normalizedTitle, let cited = CitedDocument.all(in: title).first {
            return InterpretationTarget(documents: [cited], source: "title")
        }
        guard !citedNumbers.isEmpty else { return nil }
        return InterpretationTarget(documents: citedNumbers.sorted().map { CitedDocument(title: nil, number: $0) }, source: "body")
    }

    /// A value naming one document: 《title》 and/or 文号, or a bare title.
    private static func cited(in value: String) -> CitedDocument? {
        if let first = CitedDocument.all(in: value).first { return first }
        let title = TitleKey.of(value)
        return title.count >= 4 ? CitedDocument(title: title, number: nil) : nil
    }
}
