internal import CLibXML2

/// Looks up HTML named character references in libxml2's table, so offsets can be aligned to source.
public enum HTMLEntities {
    /// The scalar a named entity such as `nbsp` stands for, or nil when libxml2 does not know it.
    public static func scalar(named name: String) -> Unicode.Scalar? {
        guard let entry = unsafe htmlEntityLookup(name) else { return nil }
        return Unicode.Scalar(unsafe entry.pointee.value)
    }
}
