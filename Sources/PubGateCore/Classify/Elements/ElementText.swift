/// The text of one 公文 element and the original line it starts on.
public struct ElementText: Sendable, Codable, Hashable {
    public let text: String
    public let line: Int

    public init(text: String, line: Int) {
        self.text = text
        self.line = line
    }

    init(_ line: DocumentLine) {
        self.init(text: line.text, line: line.line)
    }
}
