import GRDB

/// A published operation joined with its document's path (the A-04 lookup).
struct PublishedOperationRow: Decodable, FetchableRecord {
    var path: String
    var day: String
    var categories: String
    var places: String
}
