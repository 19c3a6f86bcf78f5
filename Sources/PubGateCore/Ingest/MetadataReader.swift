import Foundation

/// Reads `key：value` metadata (the 政府信息公开 block, 版记 lines) out of extracted text.
///
/// Pages lay the block out as a table (key and value in neighbouring cells), a list, or plain
/// lines; all of them become lines once segments are joined, so one line-based reader serves every
/// format. Keys are compared with their inner spaces removed (`名　　称` is `名称`).
public enum MetadataReader {
    /// The keys read; others are ignored so body sentences with a colon do not pollute the fields.
    public static let keys: Set<String> = [
        "索引号", "主题分类", "发布机构", "发文机关", "发文单位", "成文日期", "文号", "发文字号", "发布日期",
        "有效性", "公开方式", "公开属性", "公开类型", "公开选项", "信息公开选项", "名称", "标题", "生效日期", "施行日期",
        "废止日期", "失效日期", "有效期", "有效期至", "统一登记号", "登记号", "主题词", "公开范围", "信息来源", "来源",
        "解读单位", "解读人", "解读电话", "文件编号",
    ]

    public static func read(_ segments: [TextSegment]) -> [String: String] {
        var lines: [String] = []
        var current = ""
        for segment in segments {
            for s in segment.scalars {
                if s == "\n" || s == "\r" {
                    lines.append(current)
                    current = ""
                } else {
                    current.unicodeScalars.append(s)
                }
            }
            if segment.endsBlock {
                lines.append(current)
                current = ""
            }
        }
        lines.append(current)
        return read(lines: lines)
    }

    public static func read(lines: [String]) -> [String: String] {
        var fields: [String: String] = [:]
        var pendingKey: String?
        for raw in lines {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty { continue }
            if let (key, value) = split(line) {
                if value.isEmpty {
                    pendingKey = key
                } else {
                    if fields[key] == nil { fields[key] = value }
                    pendingKey = nil
                }
                continue
            }
            if let key = pendingKey {
                if fields[key] == nil { fields[key] = line }
                pendingKey = nil
            }
        }
        return fields
    }

    private static func split(_ line: String) -> (String, String)? {
        guard let colon = line.firstIndex(where: { $0 == "：" || $0 == ":" }) else { return nil }
        let key = String(line[..<colon].filter { !$0.isWhitespace })
        guard keys.contains(key) else { return nil }
        return (key, String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
