internal import CPCRE2

/// An error reported by PCRE2, with the pattern offset for compile errors.
public struct PCRE2Error: Error, Sendable, CustomStringConvertible, Equatable {
    /// PCRE2's negative error code.
    public let code: Int32
    /// Byte offset in the pattern where compilation failed; `nil` for match-time errors.
    public let offset: Int?
    /// PCRE2's own message for `code`.
    public let message: String

    init(code: Int32, offset: Int?) {
        self.code = code
        self.offset = offset
        self.message = PCRE2Error.message(for: code)
    }

    /// True when the match stopped because a resource limit (match, depth, heap or JIT stack) ran out.
    public var isResourceLimit: Bool {
        code == PCRE2_ERROR_MATCHLIMIT || code == PCRE2_ERROR_DEPTHLIMIT
            || code == PCRE2_ERROR_HEAPLIMIT || code == PCRE2_ERROR_JIT_STACKLIMIT
    }

    public var description: String {
        if let offset { return "\(message) at pattern offset \(offset)" }
        return message
    }

    static func message(for code: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let length = unsafe buffer.withUnsafeMutableBufferPointer { buf in
            unsafe pcre2_get_error_message_8(code, buf.baseAddress, buf.count)
        }
        guard length > 0 else { return "pcre2 error \(code)" }
        return String(decoding: buffer[0..<Int(length)], as: UTF8.self)
    }
}
