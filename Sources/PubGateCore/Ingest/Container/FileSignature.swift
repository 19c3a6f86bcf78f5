/// What a file's first bytes say it is, whatever its name: a `.wps` may be OOXML, ODF or a legacy
/// compound file, and a PDF renamed `.txt` is still a PDF.
enum FileSignature {
    case zip, pdf, compoundFile, none

    init(_ bytes: [UInt8]) {
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            self = .zip
        } else if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            self = .compoundFile
        } else if Self.startsPDF(bytes) {
            self = .pdf
        } else {
            self = .none
        }
    }

    /// `%PDF-` within the first kilobyte (readers accept leading junk there).
    private static func startsPDF(_ bytes: [UInt8]) -> Bool {
        let magic: [UInt8] = Array("%PDF-".utf8)
        let head = bytes.prefix(1024)
        guard head.count >= magic.count else { return false }
        for start in head.startIndex...(head.endIndex - magic.count) where head[start] == 0x25 {
            if head[start..<(start + magic.count)].elementsEqual(magic) { return true }
        }
        return false
    }
}
