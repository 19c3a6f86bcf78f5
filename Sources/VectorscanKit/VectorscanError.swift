internal import CVectorscan

/// A compile or scan failure reported by Vectorscan.
public struct VectorscanError: Error, Sendable, CustomStringConvertible, Equatable {
    /// Vectorscan's status code (`HS_COMPILER_ERROR`, `HS_NOMEM`, …).
    public let code: Int32
    /// The compiler's message, or a description of the status code.
    public let message: String
    /// For a multi-pattern compile: the index of the expression that failed.
    public let expression: Int?

    init(code: Int32, message: String, expression: Int? = nil) {
        self.code = code
        self.message = message
        self.expression = expression
    }

    /// Copies the compiler's message out and frees the C error.
    init(compileError: UnsafeMutablePointer<hs_compile_error_t>?, code: Int32) {
        if let compileError = unsafe compileError {
            let message = unsafe compileError.pointee.message.map { unsafe String(cString: $0) } ?? "compile error"
            let index = unsafe compileError.pointee.expression
            self.init(code: code, message: message, expression: index >= 0 ? Int(index) : nil)
            unsafe hs_free_compile_error(compileError)
        } else {
            self.init(code: code, message: "Vectorscan error \(code)")
        }
    }

    public var description: String { message }
}
