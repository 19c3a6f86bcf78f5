import Foundation

/// The files mutants are made from: every sample draft, every ingest fixture, and clean documents
/// pubgate approves (under the fuzz settings) in each format, so that mutants can be approved and
/// the oracle has approvals to judge.
enum FuzzSeeds {
    static func all() throws -> [(name: String, bytes: [UInt8])] {
        var seeds: [(String, [UInt8])] = []
        for folder in ["Samples/drafts", "Tests/Fixtures/Ingest"] {
            let dir = ReviewCommandTests.root.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() {
                seeds.append((name, Array(try Data(contentsOf: dir.appendingPathComponent(name)))))
            }
        }
        let body = "关于调整夏季办公时间的通知\n各科室：\n自2025年7月1日起，上午办公时间调整为8:30至12:00。\n特此通知。\n（此件公开发布）\n"
        seeds.append(("clean.txt", Array(body.utf8)))
        seeds.append(("clean.md", Array(("---\ntitle: 关于调整夏季办公时间的通知\ndisclosure: 主动公开\ndate: 2025-06-17\n---\n" + body).utf8)))
        let paragraphs = body.split(separator: "\n").map { "<p>\($0)</p>" }.joined(separator: "\n")
        seeds.append(
            (
                "clean.html",
                Array(
                    "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>关于调整夏季办公时间的通知</title></head><body>\n\(paragraphs)\n</body></html>\n"
                        .utf8)
            ))
        seeds.append(
            (
                "clean.xml",
                Array(
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<document><title>关于调整夏季办公时间的通知</title><attribute>主动公开</attribute><body>\(body)</body></document>\n"
                        .utf8)
            ))
        seeds.append(("clean.docx", docx(body)))
        seeds.append(("clean.pdf", pdf(["Notice of the summer office hours", "From 1 July the office opens at 8:30.", "End of notice"])))
        return seeds
    }

    /// A minimal DOCX (stored entries), one paragraph per line of `text`.
    static func docx(_ text: String) -> [UInt8] {
        let w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
        let paragraphs = text.split(separator: "\n").map { "<w:p><w:r><w:t>\($0)</w:t></w:r></w:p>" }.joined()
        return zip([
            (
                "[Content_Types].xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>"
            ),
            (
                "_rels/.rels",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>"
            ),
            ("word/document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document \(w)><w:body>\(paragraphs)</w:body></w:document>"),
        ])
    }

    /// A ZIP archive of stored (uncompressed) entries.
    static func zip(_ entries: [(String, String)]) -> [UInt8] {
        func u16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
        func u32(_ v: Int) -> [UInt8] { u16(v & 0xFFFF) + u16(v >> 16 & 0xFFFF) }
        var out: [UInt8] = []
        var directory: [UInt8] = []
        for (name, text) in entries {
            let data = Array(text.utf8)
            let nameBytes = Array(name.utf8)
            let crc = Int(crc32(data))
            let common =
                u16(20) + u16(0x0800) + u16(0) + u16(0) + u16(0x21) + u32(crc) + u32(data.count) + u32(data.count) + u16(nameBytes.count) + u16(0)
            directory += [0x50, 0x4B, 1, 2] + u16(20) + common + u16(0) + u16(0) + u16(0) + u32(0) + u32(out.count) + nameBytes
            out += [0x50, 0x4B, 3, 4] + common + nameBytes + data
        }
        let offset = out.count
        out += directory
        out += [0x50, 0x4B, 5, 6] + u16(0) + u16(0) + u16(entries.count) + u16(entries.count) + u32(directory.count) + u32(offset) + u16(0)
        return out
    }

    /// CRC-32 (IEEE), bit by bit: seeds are small.
    static func crc32(_ data: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    /// A one-page text PDF written by hand: `lines` one under another in Helvetica.
    static func pdf(_ lines: [String]) -> [UInt8] {
        let shown = lines.map { "(\($0)) Tj T*" }.joined(separator: "\n")
        let content = "BT /F1 12 Tf 72 720 Td 14 TL\n\(shown)\nET\n"
        let objects = [
            "<</Type/Catalog/Pages 2 0 R>>", "<</Type/Pages/Kids[3 0 R]/Count 1>>",
            "<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Resources<</Font<</F1 5 0 R>>>>/Contents 4 0 R>>",
            "<</Length \(content.utf8.count)>>\nstream\n\(content)\nendstream", "<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>",
        ]
        var pdf = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (i, object) in objects.enumerated() {
            offsets.append(pdf.utf8.count)
            pdf += "\(i + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = pdf.utf8.count
        pdf += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { pdf += String(repeating: "0", count: 10 - String(offset).count) + "\(offset) 00000 n \n" }
        pdf += "trailer\n<</Size \(objects.count + 1)/Root 1 0 R>>\nstartxref\n\(xref)\n%%EOF\n"
        return Array(pdf.utf8)
    }
}
