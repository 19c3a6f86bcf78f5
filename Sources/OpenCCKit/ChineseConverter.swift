internal import COpenCC
import Synchronization

/// Converts Chinese text with an OpenCC configuration (`t2s.json`: traditional and variant
/// characters to simplified, phrase by phrase, so 乾隆 stays and 乾燥 becomes 干燥).
///
/// One OpenCC handle serves every thread: calls are serialised, which costs nothing where the
/// caller converts only the few runs that need it.
public final class ChineseConverter: Sendable {
    private let handle: Mutex<Handle>

    /// Wraps the C handle so the mutex can own it. Safe to use: it cannot be copied, the pointer
    /// is never handed out, and it is closed once, when the wrapper goes.
    @safe private struct Handle: ~Copyable {
        let raw: UnsafeMutableRawPointer

        deinit {
            _ = unsafe opencc_close(raw)
        }
    }

    /// Opens `configuration` (a file name OpenCC looks up in its data folder, or a path).
    public init(configuration: String) throws(OpenCCError) {
        let raw = unsafe opencc_open(configuration)
        guard let raw = unsafe raw, unsafe copencc_is_error(raw) == 0 else {
            let reason = unsafe opencc_error().map { unsafe String(cString: $0) } ?? "unknown error"
            throw OpenCCError(message: "cannot open the OpenCC configuration \(configuration): \(reason)")
        }
        handle = unsafe Mutex(Handle(raw: raw))
    }

    /// `text` converted.
    public func convert(_ text: String) throws(OpenCCError) -> String {
        var utf8 = Array(text.utf8)
        let converted: String? = handle.withLock { handle in
            unsafe utf8.withUnsafeMutableBufferPointer { buf in
                unsafe buf.withMemoryRebound(to: CChar.self) { chars in
                    guard let out = unsafe opencc_convert_utf8(handle.raw, chars.baseAddress, chars.count) else { return nil }
                    defer { unsafe opencc_convert_utf8_free(out) }
                    return unsafe String(cString: out)
                }
            }
        }
        guard let converted else {
            let reason = unsafe opencc_error().map { unsafe String(cString: $0) } ?? "unknown error"
            throw OpenCCError(message: "OpenCC could not convert the text: \(reason)")
        }
        return converted
    }
}
