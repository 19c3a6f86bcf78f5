import GRDB

/// A row of `operations`: a document's operational categories and places on one day.
struct IndexedOperation: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "operations"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var documentId: Int64
    var day: String
    /// Categories, comma-separated.
    var categories: String
    /// Place names, separated by U+001F.
    var places: String
}
