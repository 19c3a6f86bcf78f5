import Foundation

/// What reading a container document collects: its text, metadata, the files inside it that
/// could not be read as text, and the findings reading it made.
struct ContainerExtraction {
    var text = ExtractedText()
    /// Document properties and the 政府信息公开 fields found in the text.
    var metadata: [String: String] = [:]
    var findings: [Finding] = []
    /// Images (raster or vector) carried by the document: their text is not scanned.
    var images: [String] = []
    /// Files embedded in or attached to the document, with their bytes when they may be documents
    /// pubgate can read in turn.
    var embedded: [(name: String, bytes: [UInt8]?)] = []
    /// Properties that name people (author, last modified by, custom fields), as `file name`.
    var personalProperties: [String] = []

    /// Appends a document property as `name: value` text (so `密级: 秘密` is scanned like a
    /// table cell) and as metadata `property:NAME`.
    mutating func property(_ name: String, _ value: String, file: String, personal: Bool) {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return }
        text.append("\(name): \(trimmed)", part: .property, place: "\(file) \(name)")
        if metadata["property:" + name] == nil { metadata["property:" + name] = trimmed }
        if personal { personalProperties.append("\(file) \(name)") }
    }

    /// A finding about the text just appended, located where that text is.
    mutating func findingAtLastSegment(_ finding: Finding) {
        var located = finding
        located.location = text.lastSegmentLocation
        findings.append(located)
    }
}
