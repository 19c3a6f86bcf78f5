import GRDB

/// A row of `persons`: one person as one document shows them, by salted keys only.
struct IndexedPerson: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "persons"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var documentId: Int64
    var nameKey: String?
    var personKey: String
    var template: String?
    /// Visible positions of the published mask, comma-separated.
    var visible: String
    var length: Int
    /// Attribute classes, comma-separated.
    var attributes: String
}
