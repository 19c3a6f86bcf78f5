import CommonMarkKit
import Testing

@Suite struct MarkdownParserTests {
    /// Records the events as lines: kind, literal or target, and the start position.
    final class Recorder: MarkdownHandler {
        var events: [String] = []
        func enter(_ node: MarkdownNode) {
            var line = "\(node.kind) @\(node.start.line):\(node.start.column)"
            if let literal = node.literal { line += " \(literal)" }
            if let url = node.url { line += " → \(url)" }
            events.append(line)
        }
        func exit(_ node: MarkdownNode) { events.append("/\(node.kind)") }
    }

    func events(_ markdown: String) throws -> [String] {
        let recorder = Recorder()
        try MarkdownParser.parse(Array(markdown.utf8), into: recorder)
        return recorder.events
    }

    @Test func blocksAndInlinesComeInDocumentOrderWithTheirPositions() throws {
        let found = try events("# 标题\n\n**内部资料** 见[附件](a/b.pdf \"说明\")\n")
        #expect(
            found == [
                "document @1:1", "heading @1:1", "text @1:3 标题", "/heading", "paragraph @3:1", "strong @3:1", "text @3:3 内部资料",
                "/strong", "text @3:17  见", "link @3:21 → a/b.pdf", "text @3:22 附件", "/link", "/paragraph", "/document",
            ])
    }

    @Test func escapesAndReferencesAreResolvedInLiterals() throws {
        #expect(try events("a\\*b &amp; &#x5BC6;\n") == ["document @1:1", "paragraph @1:1", "text @1:1 a*b & 密", "/paragraph", "/document"])
    }

    @Test func tablesComeAsRowsOfCellsWithTheHeaderRowFirst() throws {
        let found = try events("| 姓名 | 号码 |\n|---|---|\n| 张三 | 110 |\n").filter { !$0.hasPrefix("/") }
        #expect(
            found.map { $0.split(separator: " ").first.map(String.init) ?? "" } == [
                "document", "table", "tableHeaderRow", "tableCell", "text", "tableCell", "text", "tableRow", "tableCell", "text",
                "tableCell", "text",
            ])
    }

    @Test func withoutTablesARowIsAParagraph() throws {
        let recorder = Recorder()
        try MarkdownParser.parse(Array("| a | b |\n|---|---|\n".utf8), into: recorder, tables: false)
        #expect(recorder.events.first { $0.hasPrefix("paragraph") } != nil && !recorder.events.contains { $0.hasPrefix("table") })
    }

    @Test func rawHTMLIsKeptAsWritten() throws {
        let found = try events("<div hidden>\n机密\n</div>\n\n前<span title=\"x\">文</span>\n")
        #expect(found.contains("htmlBlock @1:1 <div hidden>\n机密\n</div>\n"))
        #expect(found.contains { $0.hasPrefix("htmlInline") && $0.hasSuffix("<span title=\"x\">") })
    }

    /// cmark-gfm's table of inline special characters is global: parses on other threads must not
    /// take `~` away from one still running (they did: strikethrough was missed now and then).
    @Test func parsesOnManyThreadsEachSeeTheirStrikethrough() async throws {
        let misses = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    var missed = 0
                    for _ in 0..<300 {
                        let recorder = Recorder()
                        try MarkdownParser.parse(Array("见 ~~删除~~ 与 ~~撤回~~\n".utf8), into: recorder)
                        if recorder.events.filter({ $0.hasPrefix("strikethrough") }).count != 2 { missed += 1 }
                    }
                    return missed
                }
            }
            return try await group.reduce(0, +)
        }
        #expect(misses == 0)
    }

    @Test func autolinksAndStrikethroughAreRead() throws {
        let found = try events("见 www.example.cn 与 ~~删除~~\n")
        #expect(found.contains { $0.hasPrefix("link") && $0.hasSuffix("→ http://www.example.cn") })
        #expect(found.contains { $0.hasPrefix("strikethrough") })
    }
}
