import Yams

extension Error {
    /// A one-line description without the parser's multi-line context dump.
    var summary: String {
        if let e = self as? FrontMatterError { return e.summary }
        if let e = self as? YamlError {
            switch e {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _):
                return "\(problem) at line \(mark.line + 1), column \(mark.column + 1)"
            default:
                return "\(e)".split(separator: "\n").first.map(String.init) ?? "invalid"
            }
        }
        return "\(self)".split(separator: "\n").first.map(String.init) ?? "invalid"
    }
}
