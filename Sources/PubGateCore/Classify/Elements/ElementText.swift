/// The text of one 公文 element and the original line it starts on.
struct ElementText: Sendable, Codable, Hashable {
    let text: String
    let line: Int

    init(text: String, line: Int) {
        self.text = text
        self.line = line
    }

    /// A whole line as an element, with runs of spaces (typeset alignment) collapsed to one.
    init(_ line: DocumentLine) {
        self.init(text: line.text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " "), line: line.line)
    }
}
