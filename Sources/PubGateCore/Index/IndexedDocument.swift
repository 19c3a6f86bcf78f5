import GRDB

/// A row of the index's `documents` table (GRDB record; columns in snake case).
struct IndexedDocument: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "documents"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var id: Int64?
    var path: String
    var sha256: String
    var textHash: String
    var documentNumber: String?
    var title: String?
    var docType: String
    var attribute: String?
    var validity: String?
    var writtenDate: String?
    var publishDate: String?
    var status: String

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
