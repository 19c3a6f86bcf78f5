/// How far the per-document stages are: documents and bytes done of the batch's. Bytes tell the
/// time left better than documents, since the largest files go first.
public struct ReviewProgress: Sendable, Equatable {
    private(set) var documents: Int
    public let totalDocuments: Int
    private(set) var bytes: Int
    let totalBytes: Int

    init(documents: Int, of totalDocuments: Int, bytes: Int, of totalBytes: Int) {
        self.documents = documents
        self.totalDocuments = totalDocuments
        self.bytes = bytes
        self.totalBytes = totalBytes
    }

    /// One more document of `bytes` done; the new state.
    mutating func add(bytes more: Int) -> ReviewProgress {
        documents += 1
        bytes += more
        return self
    }

    public var isComplete: Bool { documents >= totalDocuments }

    /// The progress line: documents, megabytes, throughput and the time left at that throughput,
    /// `elapsed` seconds in.
    public func line(elapsed: Double, text: ReportText) -> String {
        let mb = { (b: Int) in String(format: "%.1f", Double(b) / 1_000_000) }
        let rate = elapsed > 0 ? Double(bytes) / elapsed : 0
        let left = rate > 0 ? Double(totalBytes - bytes) / rate : 0
        return text.text(
            "progress.line",
            [
                "done": String(documents), "total": String(totalDocuments), "mb_done": mb(bytes), "mb_total": mb(totalBytes),
                "rate": String(format: "%.1f", rate / 1_000_000), "eta": Self.duration(left),
            ])
    }

    /// `0:42`, `12:05`, `1:02:09`.
    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded(.up))
        let (h, m, r) = (s / 3600, s / 60 % 60, s % 60)
        return h > 0 ? String(format: "%d:%02d:%02d", h, m, r) : String(format: "%d:%02d", m, r)
    }
}
