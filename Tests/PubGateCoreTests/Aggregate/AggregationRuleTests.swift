import Foundation
import Testing

@testable import PubGateCore

/// Synthetic IDs with a correct MOD 11-2 check digit (built here, not copied from anywhere).
func residentID(_ first17: String) -> String {
    let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    let sum = zip(first17.map { Int(String($0))! }, weights).reduce(0) { $0 + $1.0 * $1.1 }
    return first17 + String(Array("10X98765432")[sum % 11])
}

func masked(_ id: String, showing visible: ClosedRange<Int>...) -> String {
    String(id.enumerated().map { i, c in visible.contains { $0.contains(i) } ? c : "*" })
}

/// Rows of a list page: `| n | name | 男 | number |`.
func listPage(_ title: String, _ rows: [(String, String)]) -> String {
    "---\ntitle: \(title)\ndisclosure: 主动公开\n---\n| 序号 | 姓名 | 性别 | 身份证号码 |\n|---|---|---|---|\n"
        + rows.enumerated().map { "| \($0.offset + 1) | \($0.element.0) | 男 | \($0.element.1) |" }.joined(separator: "\n") + "\n"
}

@Suite struct AggregationRuleTests {
    static let names = ["陈思远", "武浩豪", "苏桐", "吕永", "孟勇海", "梁国鹏"]
    static let ids = (0..<6).map { residentID("21050219960\(3 + $0 % 6)17\(241 + $0)") }

    func batchFindings(_ files: [(String, String)], index: CorpusIndex? = nil) throws -> [BatchFinding] {
        try reviewBatch(files, index: index).batchFindings
    }

    // A-02

    @Test func complementaryMasksAreAReconstruction() throws {
        let a = listPage("体检结果公示", zip(Self.names, Self.ids.map { masked($0, showing: 0...3, 14...17) }).map { ($0, $1) })
        let b = listPage("拟聘用人员公示", zip(Self.names, Self.ids.map { masked($0, showing: 4...13) }).map { ($0, $1) })
        let found = try batchFindings([("a.md", a), ("b.md", b)])
        let f = try #require(found.first { $0.rule == "A-02" })
        #expect(f.severity == .block && f.kind == .aggregationLinkage && f.paths.count == 2)
        #expect(f.details.first?.contains("check digit valid") == true)
        #expect(!f.message.contains(Self.names[0]) && !f.details.joined().contains(Self.ids[0]))
    }

    @Test func sameTemplateTwiceRevealsNothingMore() throws {
        let a = listPage("体检结果公示", zip(Self.names, Self.ids.map { masked($0, showing: 0...3, 14...17) }).map { ($0, $1) })
        let b = listPage("拟聘用人员公示", zip(Self.names, Self.ids.map { masked($0, showing: 0...3, 14...17) }).map { ($0, $1) })
        #expect(try batchFindings([("a.md", a), ("b.md", b)]).filter { $0.rule == "A-02" }.isEmpty)
    }

    // A-01

    @Test func samePersonWithMoreAttributesElsewhereIsLinked() throws {
        let id = masked(Self.ids[0], showing: 0...3, 14...17)
        let list = "---\ntitle: 名单\n---\n| 1 | \(Self.names[0]) | 男 | \(id) | 159****8938 |\n"
        let penalty = "---\ntitle: 情况通报\ndisclosure: 主动公开\n---\n当事人：\(Self.names[0])，公民身份号码\(id)，住址：平山区胜利路18号。\n"
        let f = try #require(try batchFindings([("list.md", list), ("case.md", penalty)]).first { $0.rule == "A-01" })
        #expect(f.paths.count == 2 && f.severity == .review)
        let unrelated = "---\ntitle: 名单\n---\n| 1 | \(Self.names[1]) | 男 | \(masked(Self.ids[1], showing: 0...3, 14...17)) | 159****8938 |\n"
        #expect(try batchFindings([("list.md", unrelated), ("case.md", penalty)]).filter { $0.rule == "A-01" }.isEmpty)
    }

    // A-03

    @Test func moreThanFiftyPersonsAcrossTheBatch() throws {
        func page(_ n: Int, from: Int) -> String {
            listPage(
                "注销公告\(n)",
                (from..<(from + 26)).map { i in
                    (
                        "张\(["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"][i % 10])\(["甲", "乙", "丙", "丁", "戊", "己"][i / 10 % 6])",
                        masked(residentID("2105021990010\(String(format: "%04d", i))"), showing: 0...3, 14...17)
                    )
                })
        }
        let found = try batchFindings([("p1.md", page(1, from: 0)), ("p2.md", page(2, from: 26)), ("p3.md", "---\ntitle: 通知\n---\n无个人信息。\n")])
        let f = try #require(found.first { $0.rule == "A-03" })
        #expect(f.kind == .aggregationBulk && f.paths.count == 2 && f.message.hasPrefix("52 distinct"))
        #expect(try batchFindings([("p1.md", page(1, from: 0))]).filter { $0.rule == "A-03" }.isEmpty)
    }

    // A-04

    @Test func notesOfOneOperationTogetherRevealALayout() throws {
        let control = "---\ntitle: 交通管制通告\n---\n管制时间：2025年7月13日5时30分至11时30分。\n管制路段：滨河北路、平山路、明山路、滨河南路（全段）。\n马拉松赛途经上述道路。本溪太子河半程马拉松赛。\n"
        let posts = "---\ntitle: 设置临时警务服务站\n---\n本溪太子河半程马拉松赛当日（7月13日5时至12时）设置4处临时警务服务站：\n1. 平山路体育中心东门广场；\n"
        let screening = "---\ntitle: 安全检查须知\n---\n本溪太子河半程马拉松赛7月13日4时30分起安检，共设安检通道12条，配备通过式金属探测门12台。\n"
        let f = try #require(try batchFindings([("a.md", control), ("b.md", posts), ("c.md", screening)]).first { $0.rule == "A-04" })
        #expect(f.kind == .aggregationLayout && f.paths.count == 3)
        let otherDay = screening.replacingOccurrences(of: "7月13日", with: "8月2日")
        let pair = try batchFindings([("a.md", control), ("c.md", otherDay)])
        #expect(pair.filter { $0.rule == "A-04" }.isEmpty)
    }

    // A-08 and the index

    @Test func republishingPurgedContentIsCaughtThroughTheIndex() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("index-\(lettersOnlyName())")
        defer { try? FileManager.default.removeItem(at: dir) }
        let page = "---\ntitle: 关于网吧治安管理的规定\ndoc_no: 测公发〔2021〕6号\n---\n第三条　本规定自2021年5月1日起施行。\n"
        let sitePath = dir.appendingPathComponent("site/old.md")
        try FileManager.default.createDirectory(at: sitePath.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(page.utf8).write(to: sitePath)
        let index = try CorpusIndex(path: dir.appendingPathComponent("index.sqlite").path, create: true)
        _ = try IndexRun(configuration: shippedConfiguration, asOf: reviewDate).add([sitePath.path], to: index)
        #expect(try batchFindings([("new.md", page)], index: index).filter { $0.rule == "A-08" }.isEmpty)
        try index.mark([sitePath.path], status: "purged")
        let f = try #require(try batchFindings([("new.md", page)], index: index).first { $0.rule == "A-08" })
        #expect(f.kind == .republication && f.corpus == [sitePath.path])
    }

    @Test func republishingWithdrawnTextUnderAnotherTitleIsCaughtByItsTextHash() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("index-\(lettersOnlyName())")
        defer { try? FileManager.default.removeItem(at: dir) }
        let body = "第一条　为了加强网吧治安管理，制定本规定。\n\n  第二条　本规定自2021年5月1日起施行。\n"
        let sitePath = dir.appendingPathComponent("site/old.md")
        try FileManager.default.createDirectory(at: sitePath.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(("---\ntitle: 关于网吧治安管理的规定\n---\n" + body).utf8).write(to: sitePath)
        let index = try CorpusIndex(path: dir.appendingPathComponent("index.sqlite").path, create: true)
        _ = try IndexRun(configuration: shippedConfiguration, asOf: reviewDate).add([sitePath.path], to: index)
        try index.mark([sitePath.path], status: "withdrawn")
        // No 文号 on either page: only the body's hash can link them, across markup and title.
        let again = "<html><head><title>网吧管理规定</title></head><body><p>第一条　为了加强网吧治安管理，制定本规定。</p><p>第二条　本规定自2021年5月1日起施行。</p></body></html>"
        let f = try #require(try batchFindings([("new.html", again)], index: index).first { $0.rule == "A-08" })
        #expect(f.corpus == [sitePath.path] && f.contributions.values.first == ["text"])
        let edited = again.replacingOccurrences(of: "5月1日", with: "6月1日")
        #expect(try batchFindings([("new.html", edited)], index: index).filter { $0.rule == "A-08" }.isEmpty)
    }

    @Test func theIndexHoldsNoNameOrNumber() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("index-\(lettersOnlyName())")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let full = listPage("名单", zip(Self.names, Self.ids).map { ($0, $1) })
        let part = listPage("名单二", zip(Self.names, Self.ids.map { masked($0, showing: 0...3, 14...17) }).map { ($0, $1) })
        try Data(full.utf8).write(to: dir.appendingPathComponent("full.md"))
        try Data(part.utf8).write(to: dir.appendingPathComponent("part.md"))
        let path = dir.appendingPathComponent("index.sqlite").path
        let index = try CorpusIndex(path: path, create: true)
        _ = try IndexRun(configuration: shippedConfiguration, asOf: reviewDate).add(
            [dir.appendingPathComponent("full.md").path, dir.appendingPathComponent("part.md").path], to: index)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        for value in Self.names + Self.ids + Self.ids.map({ masked($0, showing: 0...3, 14...17) }) {
            #expect(bytes.range(of: Data(value.utf8)) == nil, "\(value.prefix(1))… is in the index")
        }
        #expect(index.documentCount == 2)
    }

    @Test func aCorruptIndexIsAClearError() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(lettersOnlyName()).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data("this is not a database, just text that is long enough to have a header........".utf8).write(to: URL(fileURLWithPath: path))
        #expect {
            try CorpusIndex(path: path, create: false)
        } throws: { "\($0)".contains("not a usable index") || "\($0)".contains("not a pubgate index") }
        #expect(throws: IndexError.self) { try CorpusIndex(path: path + ".missing", create: false) }
    }

    @Test func rerunningWithTheSameIndexGivesTheSameManifest() throws {
        // The published page shows the other half of each number: the batch page completes it
        // only through the index (A-02 with a corpus path), on both runs alike.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("index-\(lettersOnlyName())")
        defer { try? FileManager.default.removeItem(at: dir) }
        let published = dir.appendingPathComponent("site/b.md")
        try FileManager.default.createDirectory(at: published.deletingLastPathComponent(), withIntermediateDirectories: true)
        let b = listPage("拟聘用人员公示", zip(Self.names, Self.ids.map { masked($0, showing: 4...13) }).map { ($0, $1) })
        try Data(b.utf8).write(to: published)
        let index = try CorpusIndex(path: dir.appendingPathComponent("index.sqlite").path, create: true)
        _ = try IndexRun(configuration: shippedConfiguration, asOf: reviewDate).add([published.path], to: index)
        let a = listPage("体检结果公示", zip(Self.names, Self.ids.map { masked($0, showing: 0...3, 14...17) }).map { ($0, $1) })
        let batch = dir.appendingPathComponent("review")
        let first = try reviewBatch([("a.md", a)], index: index, in: batch).batchFindings
        let second = try reviewBatch([("a.md", a)], index: index, in: batch).batchFindings
        #expect(first.contains { !$0.corpus.isEmpty }, "the index was not consulted")
        #expect(try AtomicWriter.encodeJSON(first) == AtomicWriter.encodeJSON(second))
    }
}
