/// Police operational detail a document reveals about one event (docs/domain.md §8.2 A-04): which
/// categories, on which day, at which named places.
struct OperationalSummary: Sendable, Hashable {
    /// The A-04 categories (eval README §3: route/locations, time window, facility sites, equipment,
    /// deployment numbers, communications, personnel).
    enum Category: String, Sendable, Codable, CaseIterable, Comparable {
        case route
        case timeWindow = "time_window"
        case facilitySites = "facility_sites"
        case equipment, deployment, communications,
            personnel

        static func < (a: Category, b: Category) -> Bool {
            allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
        }
    }

    var categories: Set<Category> = []
    /// Days (`M-D`) of the operation the document describes (a time of day on a named day).
    var days: Set<String> = []
    /// Named places and events (…路, …大桥, …中心, …马拉松赛) that tie documents to one operation.
    var places: Set<String> = []

    init() {}
}
