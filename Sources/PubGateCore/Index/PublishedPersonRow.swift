import GRDB

/// A published person joined with its document's path (the lookup).
struct PublishedPersonRow: Decodable, FetchableRecord {
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    var path: String
    var nameKey: String
    var personKey: String
    var visible: String
    var length: Int
    var attributes: String
}
