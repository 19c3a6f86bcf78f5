import EncodingKit
/// Reads `key：value` metadata (the 政府信息公开 block, 版记 lines) out of extracted text.
///
/// Pages lay the block out as a table (key and value in neighbouring cells), a list, or plain
/// lines; all of them become lines once segments are joined, so one line-based reader serves every
/// format. Keys are compared with their inner spaces removed (`名　　称` is `名称`). It runs on every
/// line of every document, so it works on scalars and builds a string only for a line whose first
/// few characters end in a colon.
public enum MetadataReader {
    /// The keys read; others are ignored so body sentences with a colon do not pollute the fields.
    public static let keys: Set<String> = [
        "索引号", "主题分类", "发布机构", "发文机关", "发文单位", "成文日期", "文号", "发文字号", "发布日期",
        "有效性", "公开方式", "公开属性", "公开类型", "公开选项", "信息公开选项", "名称", "标题", "生效日期", "施行日期",
        "废止日期", "失效日期", "有效期", "有效期至", "统一登记号", "登记号", "主题词", "公开范围", "信息来源", "来源",
        "解读单位", "解读人", "解读电话", "文件编号",
    ]

    /// A key is at most this many characters before its colon, spaces included (`名　　称：`).
    static let maxKeyLength = 16

    /// Keys also read without a colon, alone on their line with the value on the next (a table's key
    /// cell beside its value cell, domain-spec §5.1). Words a body could use as a heading (名称, 标题,
    /// 来源, 有效期, 主题词) need their colon.
    static let bareKeys: Set<String> = keys.subtracting(["名称", "标题", "来源", "有效期", "主题词"])
    static let bareKeyInitials: Set<Unicode.Scalar> = Set(bareKeys.compactMap(\.unicodeScalars.first))

    public static func read(_ segments: [TextSegment]) -> [String: String] {
        var reader = Reader()
        // A line inside one segment is read in place; only a line running on across segments
        // (inline spans) is gathered here.
        var carried: [Unicode.Scalar] = []
        func take(_ piece: ArraySlice<Unicode.Scalar>) {
            if carried.isEmpty {
                reader.take(piece)
            } else {
                carried.append(contentsOf: piece)
                reader.take(carried[...])
                carried.removeAll(keepingCapacity: true)
            }
        }
        for segment in segments {
            let scalars = segment.scalars
            var start = 0
            for i in scalars.indices where scalars[i] == "\n" || scalars[i] == "\r" {
                take(scalars[start..<i])
                start = i + 1
            }
            if segment.endsBlock {
                take(scalars[start...])
            } else {
                carried.append(contentsOf: scalars[start...])
            }
        }
        reader.take(carried[...])
        return reader.fields
    }

    public static func read(lines: [String]) -> [String: String] {
        var reader = Reader()
        for line in lines { reader.take(Array(line.unicodeScalars)[...]) }
        return reader.fields
    }

    /// Line-by-line state: a key whose value is on the next non-empty line stays pending.
    struct Reader {
        var fields: [String: String] = [:]
        var pendingKey: String?

        mutating func take(_ raw: ArraySlice<Unicode.Scalar>) {
            let line = trimmed(raw)
            guard !line.isEmpty else { return }
            if let colon = line.prefix(MetadataReader.maxKeyLength).firstIndex(where: { $0 == ":" || $0 == "：" }) {
                let name = Self.key(line[..<colon])
                if MetadataReader.keys.contains(name) {
                    let value = string(trimmed(line[(colon + 1)...]))
                    if value.isEmpty {
                        pendingKey = name
                    } else {
                        if fields[name] == nil { fields[name] = value }
                        pendingKey = nil
                    }
                    return
                }
            }
            // A string is made only for a short line starting like a key: most lines are neither.
            if line.count <= MetadataReader.maxKeyLength, MetadataReader.bareKeyInitials.contains(line[line.startIndex]) {
                let name = Self.key(line)
                if MetadataReader.bareKeys.contains(name) {
                    pendingKey = name
                    return
                }
            }
            if let key = pendingKey {
                if fields[key] == nil { fields[key] = string(line) }
                pendingKey = nil
            }
        }

        /// A key as compared: its inner spaces removed (`名　　称` is `名称`).
        private static func key(_ s: ArraySlice<Unicode.Scalar>) -> String {
            var key = String.UnicodeScalarView()
            key.append(contentsOf: s.lazy.filter { !$0.isWhiteSpace })
            return String(key)
        }

        private func trimmed(_ s: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
            var lo = s.startIndex
            var hi = s.endIndex
            while lo < hi, s[lo].isWhiteSpace { lo += 1 }
            while hi > lo, s[hi - 1].isWhiteSpace { hi -= 1 }
            return s[lo..<hi]
        }

        private func string(_ s: ArraySlice<Unicode.Scalar>) -> String {
            UTF8Bytes.string(s)
        }
    }
}
