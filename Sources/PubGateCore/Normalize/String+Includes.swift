import BytesKit
import PCRE2Kit

extension String {
    /// Byte-wise substring test for normalized text; see ``LiteralSearch/contains(_:in:)-(String,String)``.
    func includes(_ needle: String) -> Bool {
        LiteralSearch.contains(needle, in: self)
    }
}
