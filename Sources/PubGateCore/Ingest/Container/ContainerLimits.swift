/// How much of a container pubgate will read: a hostile file (a zip bomb, an archive of a million
/// entries) must end as `unscannable` in bounded time and memory, never as an exhausted machine.
///
/// Sizes count bytes actually inflated, not the sizes an archive declares (which can lie).
struct ContainerLimits: Sendable {
    /// Entries in one archive.
    var maxEntries = 10_000
    /// Bytes read out of one entry.
    var maxEntryBytes = 64 << 20
    /// Bytes read out of one container, all entries together (nested attachments included).
    var maxTotalBytes = 256 << 20
    /// Inflated bytes per compressed byte, checked once an entry has produced `ratioFloor` bytes
    /// (small parts compress well and are harmless); office XML stays well below 100.
    var maxRatio = 200
    var ratioFloor = 1 << 20
    /// Containers inside containers (an OFD's attached spreadsheet): deeper ones are listed, not read.
    var maxDepth = 2
    /// Seconds one poppler tool may run on a PDF.
    var pdfTimeout: Double = 30

    init() {}

    static let standard = ContainerLimits()
}
