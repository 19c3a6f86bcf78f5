/// Why one document was judged as it was, beyond its findings (`pubgate explain FILE`): what
/// decided its type, and every candidate match of the scan with what was decided about it.
public struct DocumentTrace {
    public let typeReason: Reason
    public let scan: ScanTrace
}
