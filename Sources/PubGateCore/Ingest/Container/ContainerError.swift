/// Why a container document cannot be read; the document is rejected as unscannable (fail closed).
enum ContainerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Not a ZIP archive, or a damaged one.
    case corrupt(String)
    /// A ZIP entry that fails its checksum or does not inflate.
    case unreadableEntry(String)
    /// A ZIP entry encrypted with a password.
    case encrypted(String)
    /// An OLE compound file: a legacy `.doc`/`.xls`/`.wps` or a password-protected Office file.
    case compoundFile
    case tooManyEntries(Int)
    /// An entry name that is absolute or climbs out of the archive (`../`), or a duplicate name.
    case unsafeEntryName(String)
    /// An entry (or the archive) inflates beyond the limits: a zip bomb or an unreasonable file.
    case tooLarge(String)
    /// A part the format requires is missing.
    case missingPart(String)
    /// An XML part libxml2 cannot parse.
    case malformedPart(String, String)
    /// A ZIP archive that is none of the formats pubgate reads.
    case unknownPackage
    /// poppler could not open the PDF, failed, or ran out of time.
    case pdf(String)

    var description: String {
        switch self {
        case .corrupt(let why): "the archive is damaged (\(why))"
        case .unreadableEntry(let name): "entry `\(name)` cannot be read: it is damaged"
        case .encrypted(let name): "entry `\(name)` is encrypted with a password"
        case .compoundFile: "a legacy binary Office file (.doc/.xls/.wps) or a password-protected document"
        case .tooManyEntries(let n): "the archive has more than \(n) entries"
        case .unsafeEntryName(let name): "entry name `\(name)` is absolute, climbs out of the archive or is duplicated"
        case .tooLarge(let what): "\(what) inflates beyond the size or compression-ratio limit (zip bomb?)"
        case .missingPart(let name): "the package has no `\(name)`"
        case .malformedPart(let name, let why): "`\(name)` is not well-formed XML (\(why))"
        case .unknownPackage: "a ZIP archive that is not a DOCX, XLSX, ODF or OFD document"
        case .pdf(let why): "poppler cannot read the PDF (\(why))"
        }
    }

    /// The reason's catalogue sentence and its arguments, for the reports' language.
    var reasonID: (id: String, args: [String: String]) {
        switch self {
        case .corrupt(let why): ("unscannable.archive_damaged", ["why": why])
        case .unreadableEntry(let name): ("unscannable.entry_damaged", ["entry": name])
        case .encrypted(let name): ("unscannable.entry_encrypted", ["entry": name])
        case .compoundFile: ("unscannable.compound_file", [:])
        case .tooManyEntries(let n): ("unscannable.too_many_entries", ["count": String(n)])
        case .unsafeEntryName(let name): ("unscannable.unsafe_entry_name", ["entry": name])
        case .tooLarge(let what): ("unscannable.too_large", ["what": what])
        case .missingPart(let name): ("unscannable.missing_part", ["part": name])
        case .malformedPart(let name, let why): ("unscannable.malformed_part", ["part": name, "why": why])
        case .unknownPackage: ("unscannable.unknown_package", [:])
        case .pdf(let why): ("unscannable.pdf", ["why": why])
        }
    }

    /// The finding's arguments: the reason in English and its catalogue sentence.
    var reasonArgs: [String: String] { UnscannableReason.args(description, id: reasonID.id, reasonID.args) }

    /// What the author or reviewer can do about it.
    var remediation: String {
        switch self {
        case .compoundFile: "Save the file as DOCX/XLSX without a password (or as PDF), or review it by hand."
        case .unknownPackage: "Publish documents as DOCX, XLSX, ODF, OFD or PDF, or review the archive's content by hand."
        case .pdf: "Check the PDF opens without a password; otherwise review it by hand."
        default: "Do not publish the file; ask the author for an intact copy without a password, or review it by hand."
        }
    }
}
