import EncodingKit
import Foundation
import TestSupport
import Testing

@testable import PubGateCore

/// A large text file read in windows is judged exactly as the same file read whole: the same
/// findings at the same lines, columns and bytes, whatever the encoding and wherever lines break.
@Suite struct WindowedReviewTests {
    /// Small windows, so a few hundred kilobytes make dozens of them (and every cut matters).
    static let small = TextWindows.Sizes(threshold: 16 << 10, core: 8 << 10, overlap: 2 << 10)

    /// A notice of `lines` lines with identifiers, marks and numbers spread through it; with
    /// `oneLine` the line breaks are spaces, so every window starts mid-line.
    static func text(lines: Int, oneLine: Bool = false) -> String {
        var out = ["机密★一年", "关于做好防汛值班工作的通知"]
        var generator = SeededRandom(seed: 7)
        let filler = ["各单位要严格落实值班制度，确保通讯畅通。", "值班人员名单另行通知。", "请于每日八时前报送情况。", "道路施工期间注意绕行。"]
        for i in 0..<lines {
            switch i % 13 {
            case 3: out.append("联系人手机13912345\(String(format: "%03d", i % 1000))，请保持畅通。")
            case 7: out.append("当事人身份证号110105194912310037，已登记。")
            case 11: out.append("账户6222021234567890128（已核实），内部资料注意保管。")
            default: out.append(filler[Int.random(in: 0..<filler.count, using: &generator)] + String(repeating: "相关工作", count: i % 5))
            }
        }
        out.append("（此件公开发布）")
        return out.joined(separator: oneLine ? "  " : "\n") + "\n"
    }

    /// Findings as comparable tuples.
    static func located(_ review: DocumentReview?) -> [String] {
        (review?.findings ?? []).map { f in
            let l = f.location
            return
                "\(f.ruleID) \(f.severity.rawValue) \(l.map { "\($0.line):\($0.column)-\($0.endLine):\($0.endColumn) \($0.byteStart)-\($0.byteEnd)" } ?? "-") \(f.excerpt ?? "")"
        }.sorted()
    }

    func review(_ bytes: [UInt8], name: String, windows: TextWindows.Sizes) throws -> DocumentReview? {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pubgate-windows-\(lettersOnlyName())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(bytes).write(to: dir.appendingPathComponent(name))
        var options = ReviewOptions(asOf: reviewDate)
        options.windows = windows
        let manifest = try ReviewPipeline(configuration: shippedConfiguration, options: options, version: "test").run(paths: [dir.path]).manifest
        return manifest.document(name)
    }

    @Test(arguments: ["utf-8", "utf-8 one line", "utf-8-bom", "utf-16le", "utf-16be", "gb18030", "gb18030 one line"])
    func aFileReadInWindowsIsJudgedAsWhole(variant: String) throws {
        let text = Self.text(lines: 6000, oneLine: variant.hasSuffix("one line"))
        let bytes: [UInt8]
        switch variant {
        case "utf-8-bom": bytes = [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        case "utf-16le": bytes = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        case "utf-16be": bytes = [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        case "gb18030", "gb18030 one line": bytes = try #require(GB18030Oracle.bytes(of: text))
        default: bytes = Array(text.utf8)
        }
        #expect(bytes.count > 15 * Self.small.threshold)
        let whole = try review(bytes, name: "notice.txt", windows: .standard)
        let windowed = try review(bytes, name: "notice.txt", windows: Self.small)
        #expect(whole?.encoding == windowed?.encoding && whole?.decision == windowed?.decision)
        let (a, b) = (Self.located(whole), Self.located(windowed))
        #expect(a.count > 500)
        #expect(a == b, "only whole: \(Set(a).subtracting(b).sorted().prefix(5)); only windowed: \(Set(b).subtracting(a).sorted().prefix(5))")
        #expect(whole?.attribute == windowed?.attribute && whole?.title == windowed?.title)
    }

    /// A rule lists 1,000 findings per file and counts the rest, however many windows hold them.
    @Test func theListingLimitHoldsForTheWholeFile() throws {
        let text = (0..<3000).map { "联系人手机139\(String(format: "%08d", $0 * 7919 % 100_000_000))，请保持畅通。" }.joined(separator: "\n") + "\n"
        let whole = try review(Array(text.utf8), name: "list.txt", windows: .standard)
        let windowed = try review(Array(text.utf8), name: "list.txt", windows: Self.small)
        #expect(Self.located(whole) == Self.located(windowed))
        #expect(whole?.findings.contains { $0.message.hasPrefix("2000 more matches") } == true)
    }

    /// Every window starts and ends on a character and knows its line and column; the cores
    /// cover the file once.
    @Test func windowsTileTheFileOnCharacterBoundaries() throws {
        let text = Self.text(lines: 2000, oneLine: true)
        let bytes = try #require(GB18030Oracle.bytes(of: text))
        let windows = TextWindows(bytes, encoding: .gb18030, start: 0, sizes: Self.small).windows
        #expect(windows.count > 5)
        #expect(windows.first?.core.lowerBound == 0 && windows.last?.core.upperBound == bytes.count)
        for (a, b) in zip(windows, windows.dropFirst()) { #expect(a.core.upperBound == b.core.lowerBound) }
        let whole = try TextDecoder.decode(bytes)
        let index = LineIndex(whole)
        for window in windows {
            let part = try TextDecoder.decode(bytes, window: window.bytes, as: .gb18030, firstLine: window.firstLine, firstColumn: window.firstColumn)
            let first = try #require(whole.originalOffsets?.firstIndex(of: UInt32(window.bytes.lowerBound)))
            #expect(Array(whole.utf8[first..<(first + part.utf8.count)]) == part.utf8)
            #expect(part.originalOffset(ofByte: 0) == window.bytes.lowerBound)
            let (line, column) = index.lineColumn(of: first)
            #expect(line == window.firstLine && column == window.firstColumn)
        }
    }
}
