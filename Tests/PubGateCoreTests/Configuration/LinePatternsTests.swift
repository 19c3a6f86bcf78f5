import Testing

@testable import PubGateCore

@Suite struct LinePatternsTests {
    /// Every registry pattern compiles, and each is named after its property (the name an error
    /// gives is the one to look for in the source).
    @Test func everyPatternCompilesUnderItsOwnName() throws {
        let patterns = try LinePatterns()
        var names: [String] = []
        for child in Mirror(reflecting: patterns).children {
            let name: String
            switch child.value {
            case let p as LinePattern: name = p.name
            case let w as LinePattern.Whole: name = w.pattern.name
            default: continue
            }
            #expect(name == child.label, "\(child.label ?? "?") is compiled as `\(name)`")
            names.append(name)
        }
        #expect(names.count > 90)
        #expect(Set(names).count == names.count)
    }

    /// A pattern that does not compile stops the configuration with its name, whichever it is.
    @Test(arguments: ["chromeFooter", "elementSecrecy", "documentNumber", "renderedLinkField"])
    func aBrokenPatternIsNamed(name: String) {
        #expect {
            try LinePatterns(breaking: name)
        } throws: { error in
            "\(error)".contains("pattern `\(name)` does not compile")
        }
    }

    /// A whole-string pattern matches only the whole line.
    @Test func wholePatternsAreAnchored() {
        #expect("特急".wholeMatch(\.elementUrgency))
        #expect(!"特急件".wholeMatch(\.elementUrgency))
        #expect("所解读文件:《示例办法》".firstMatch(\.interpretedDocumentLine) == "《示例办法》")
    }
}
