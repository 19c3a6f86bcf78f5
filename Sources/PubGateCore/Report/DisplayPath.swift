import Crypto
import Foundation

/// A path as every output shows it: runs of digits that could be an identifier masked like a
/// finding (`名单-139******78.xlsx`), so no manifest, report, log, baseline, index or journal
/// repeats the number a file's name carries; a masked path ends in `#` and 12 hex digits of a
/// keyed hash of the whole path (``PathKey``), which keeps two such files apart as keys (a
/// baseline entry, an index row) without giving the number back. Paths with nothing to mask are
/// shown as given.
///
/// What is masked: a run of 9 or more digits (dashes and spaces inside, a final X: mobiles, ID
/// numbers, cards), and 8 digits after a letter (passports, exit-entry permits). Dates
/// (`2025-06-17`, `20250617`) and 文号-like numbers in names and folders stay readable.
public enum DisplayPath {
    public static func of(_ path: String) -> String {
        let masked = ElementMasking.maskDigitRuns(path, minimumDigits: 9, letterPrefixedDigits: 8)
        guard masked != path else { return path }
        let tag = HMAC<SHA256>.authenticationCode(for: Data(path.utf8), using: PathKey.current)
        return masked + "#" + Hex.encode(tag).prefix(12)
    }

    /// A display path relative to `folder` (a scratch folder the files were copied into), whose
    /// own digits were masked along with the rest.
    static func relative(_ shown: String, to folder: String) -> String {
        for prefix in [folder, ElementMasking.maskDigitRuns(folder, minimumDigits: 9, letterPrefixedDigits: 8)] where shown.hasPrefix(prefix) {
            return String(shown.dropFirst(prefix.count))
        }
        return shown
    }
}
