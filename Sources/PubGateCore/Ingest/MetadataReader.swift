import EncodingKit

/// Reads `key：value` metadata (the 政府信息公开 block, 版记 lines) out of extracted text.
///
/// Pages lay the block out as a table (key and value in neighbouring cells), a list, or plain
/// lines; all of them become lines once segments are joined, so one line-based reader serves every
/// format. Keys are compared with their inner spaces removed (`名　　称` is `名称`). It runs on every
/// line of every document, so it works on scalars and builds a string only for a line whose first
/// few characters end in a colon.
enum MetadataReader {
    /// The keys read; others are ignored so body sentences with a colon do not pollute the fields.
    static let keys: Set<String> = [
        "索引号", "主题分类", "发布机构", "发文机关", "发文单位", "成文日期", "文号", "发文字号", "发布日期",
        "有效性", "公开方式", "公开属性", "公开类型", "公开选项", "信息公开选项", "名称", "标题", "生效日期", "施行日期",
        "废止日期", "失效日期", "有效期", "有效期至", "统一登记号", "登记号", "主题词", "公开范围", "信息来源", "来源",
        "解读单位", "解读人", "解读电话", "文件编号",
        // Category keys: what the portal files the page under decides its type (a 文种 of 规范性文件).
        "组配分类", "体裁分类", "信息分类", "文种", "类别", "信息类别", "公文种类", "所属栏目", "栏目",
        // Date-and-source bar fields, read so the bar's date is not lost and its fields stay apart.
        "发布时间", "发文时间",
    ]

    /// A key is at most this many characters before its colon, spaces included (`名　　称：`).
    static let maxKeyLength = 16

    /// Keys also read without a colon, alone on their line with the value on the next (a table's key
    /// cell beside its value cell, docs/domain.md §5.1). Words a body could use as a heading (名称, 标题,
    /// 来源, 有效期, 主题词) need their colon.
    static let bareKeys: Set<String> = keys.subtracting(["名称", "标题", "来源", "有效期", "主题词", "类别", "栏目", "文种", "发布时间"])
    static let bareKeyInitials: Set<Unicode.Scalar> = Set(bareKeys.compactMap(\.unicodeScalars.first))
    static let keyInitials: Set<Unicode.Scalar> = Set(keys.compactMap(\.unicodeScalars.first))

    static func read(_ segments: [TextSegment]) -> [String: String] {
        var reader = Reader()
        // A line inside one segment is read in place; only a line running on across segments
        // (inline spans) is gathered here.
        var carried: [UInt8] = []
        func take(_ piece: ArraySlice<UInt8>) {
            if carried.isEmpty {
                reader.take(utf8: piece)
            } else {
                carried.append(contentsOf: piece)
                reader.take(utf8: carried[...])
                carried.removeAll(keepingCapacity: true)
            }
        }
        for segment in segments {
            let bytes = segment.utf8
            var start = 0
            while true {
                let i = UTF8Bytes.firstLineBreak(in: bytes.span, from: start, to: bytes.count)
                guard i < bytes.count else { break }
                take(bytes[start..<i])
                start = i + 1
            }
            if segment.endsBlock {
                take(bytes[start...])
            } else {
                carried.append(contentsOf: bytes[start...])
            }
        }
        reader.take(utf8: carried[...])
        return reader.fields
    }

    static func read(lines: [String]) -> [String: String] {
        var reader = Reader()
        for line in lines { reader.take(Array(line.unicodeScalars)[...]) }
        return reader.fields
    }

    /// Line-by-line state: a key whose value is on the next non-empty line stays pending.
    struct Reader {
        var fields: [String: String] = [:]
        var pendingKey: String?

        /// A line as UTF-8: decoded only when it can hold a key (``mayHoldKey(_:)``) or a key is
        /// pending; for any other line ``take(_:)`` does nothing.
        mutating func take(utf8 raw: ArraySlice<UInt8>) {
            guard pendingKey != nil || Self.mayHoldKey(raw.span) else { return }
            take(UTF8Bytes.scalars(ofUTF8: raw.span)[...])
        }

        /// Whether a line starts (after white space and cell borders) with a bare key's first
        /// character or has a colon within its first ``MetadataReader/maxKeyLength`` characters
        /// from there, with nothing before it that no key holds: what ``take(_:)`` needs to find a
        /// key. Keys are Chinese, so a printable ASCII character before the colon (`http:`,
        /// `color:`, a script's `a ? b : c`) rules the line out: most lines of scripts, styles and
        /// links end here undecoded.
        static func mayHoldKey(_ utf8: Span<UInt8>) -> Bool {
            let n = utf8.count
            var i = 0
            while i < n {
                let (value, length) = UTF8Bytes.scalar(at: i, in: utf8)
                guard let c = Unicode.Scalar(value) else { return true }
                if !isCellBreak(c) {
                    if MetadataReader.bareKeyInitials.contains(c) { return true }
                    break
                }
                i += length
            }
            // A colon (`:`, or `：` as EF BC 9A) among the next characters, counted by their first
            // bytes; ASCII other than a colon or white space (which a key drops) before it ends the search.
            // A three-byte character (nearly every one here) is passed over whole.
            var seen = 0
            while i < n {
                let b = utf8[i]
                if b & 0xC0 != 0x80 {
                    if seen == MetadataReader.maxKeyLength { break }
                    seen += 1
                }
                if b == 0x3A || (b == 0xEF && i + 2 < n && utf8[i + 1] == 0xBC && utf8[i + 2] == 0x9A) { return true }
                if b > 0x20 && b < 0x80 { return false }
                if b & 0xF0 == 0xE0, i + 2 < n, utf8[i + 1] & 0xC0 == 0x80, utf8[i + 2] & 0xC0 == 0x80 {
                    i += 3
                } else {
                    i += 1
                }
            }
            return false
        }

        mutating func take(_ raw: ArraySlice<Unicode.Scalar>) {
            let line = trimmed(raw)
            guard !line.isEmpty else { return }
            if let colon = line.prefix(MetadataReader.maxKeyLength).firstIndex(where: Self.isColon) {
                let name = Self.key(line[..<colon])
                if MetadataReader.keys.contains(name) {
                    takeFields(first: name, rest: line[(colon + 1)...])
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

        /// The fields of one line: portals print several on a line (`索引号：… 成文日期：…`, or
        /// table cells flattened as `索引号: | … | 主题分类: | … |`), so each further known key
        /// after a space or a cell border starts a field of its own. A key whose value is empty
        /// takes the next line's text only when it ends the line.
        private mutating func takeFields(first: String, rest: ArraySlice<Unicode.Scalar>) {
            var key = first
            var valueStart = rest.startIndex
            var i = rest.startIndex
            pendingKey = nil
            while i < rest.endIndex {
                if i > valueStart, Self.isCellBreak(rest[i - 1]), MetadataReader.keyInitials.contains(rest[i]),
                    let colon = rest[i...].prefix(MetadataReader.maxKeyLength).firstIndex(where: Self.isColon)
                {
                    let next = Self.key(rest[i..<colon])
                    if MetadataReader.keys.contains(next) {
                        store(key, rest[valueStart..<i], last: false)
                        key = next
                        valueStart = colon + 1
                        i = valueStart
                        continue
                    }
                }
                i += 1
            }
            store(key, rest[valueStart...], last: true)
        }

        private mutating func store(_ key: String, _ raw: ArraySlice<Unicode.Scalar>, last: Bool) {
            let value = trimmed(raw)
            if value.isEmpty {
                if last { pendingKey = key }
            } else if fields[key] == nil {
                fields[key] = string(value)
            }
        }

        private static func isColon(_ c: Unicode.Scalar) -> Bool { c == ":" || c == "：" }

        /// What may stand before a key inside a line: white space or a table cell's border.
        private static func isCellBreak(_ c: Unicode.Scalar) -> Bool { c.isWhiteSpace || c == "|" || c == "｜" }

        /// A key as compared: its inner spaces removed (`名　　称` is `名称`). Encoded straight to
        /// UTF-8: appending a filtered slice to a `String.UnicodeScalarView` cost 18,000
        /// instructions a key, most of this reader's time.
        private static func key(_ s: ArraySlice<Unicode.Scalar>) -> String {
            String(decoding: UTF8Bytes.encode(s.lazy.filter { !$0.isWhiteSpace }, capacity: 4 * s.count), as: UTF8.self)
        }

        /// Without white space and table cell borders at either end.
        private func trimmed(_ s: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
            var lo = s.startIndex
            var hi = s.endIndex
            while lo < hi, Self.isCellBreak(s[lo]) { lo += 1 }
            while hi > lo, Self.isCellBreak(s[hi - 1]) { hi -= 1 }
            return s[lo..<hi]
        }

        private func string(_ s: ArraySlice<Unicode.Scalar>) -> String {
            UTF8Bytes.string(s)
        }
    }
}
