import Foundation
import GRDB

/// The published-corpus index (SQLite through GRDB): per document its path, hashes, 文号, title,
/// dates, type, attribute, validity and status, and the entity keys it exposes — salted keys of
/// names and masked numbers with their masking template and attribute classes, operational
/// categories by day with place names — never a raw identifier.
///
/// The schema is versioned with GRDB's migrator; a file that is not an index, a corrupt one, or
/// one locked by another process is an ``IndexError`` naming the file.
public final class CorpusIndex: Sendable {
    public let path: String
    private let queue: DatabaseQueue
    private let keys: EntityKeys

    /// Opens (and with `create`, creates or migrates) the index at `path`.
    public init(path: String, create: Bool) throws(IndexError) {
        self.path = path
        let fm = FileManager.default
        if !create && !fm.fileExists(atPath: path) { throw IndexError(path: path, message: "no index here (build one with `pubgate index build`)") }
        do {
            if create {
                try fm.createDirectory(
                    atPath: (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent,
                    withIntermediateDirectories: true)
            }
            var config = Configuration()
            config.busyMode = .timeout(5)
            config.readonly = !create
            let queue = try DatabaseQueue(path: path, configuration: config)
            if create {
                try Self.migrator.migrate(queue)
            } else {
                let applied = try queue.read { db in try Self.migrator.appliedIdentifiers(db) }
                let known = Set(Self.migrator.migrations)
                guard !applied.isEmpty else { throw IndexError(path: path, message: "not a pubgate index (no schema)") }
                guard applied.isSubset(of: known) else {
                    throw IndexError(path: path, message: "made by a newer pubgate (schema \(applied.sorted().last!))")
                }
                guard applied == known else {
                    throw IndexError(path: path, message: "schema is out of date; run `pubgate index migrate --index \(path)`")
                }
            }
            let salt = try queue.read { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'salt'") }
            guard let salt, let bytes = Data(hexString: salt) else { throw IndexError(path: path, message: "index has no salt") }
            self.queue = queue
            self.keys = EntityKeys(salt: Array(bytes))
        } catch {
            throw Self.indexError(error, path: path)
        }
    }

    static func describe(_ e: DatabaseError) -> String {
        switch e.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT: "not a usable index (corrupt or not SQLite)"
        case .SQLITE_BUSY, .SQLITE_LOCKED: "locked by another process; try again when it is done"
        case .SQLITE_READONLY: "read-only; cannot update it"
        case .SQLITE_CANTOPEN: "cannot open it"
        default: e.message ?? "\(e.resultCode)"
        }
    }

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                    CREATE TABLE documents (
                        id INTEGER PRIMARY KEY,
                        path TEXT NOT NULL UNIQUE,
                        sha256 TEXT NOT NULL,
                        text_hash TEXT NOT NULL,
                        document_number TEXT,
                        title TEXT,
                        doc_type TEXT NOT NULL,
                        attribute TEXT,
                        validity TEXT,
                        written_date TEXT,
                        publish_date TEXT,
                        status TEXT NOT NULL DEFAULT 'published');
                    CREATE INDEX documents_number ON documents(document_number);
                    CREATE INDEX documents_text ON documents(text_hash);
                    CREATE TABLE persons (
                        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                        name_key TEXT,
                        person_key TEXT NOT NULL,
                        template TEXT,
                        visible TEXT NOT NULL,
                        length INTEGER NOT NULL,
                        attributes TEXT NOT NULL);
                    CREATE INDEX persons_name ON persons(name_key);
                    CREATE INDEX persons_document ON persons(document_id);
                    CREATE TABLE operations (
                        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                        day TEXT NOT NULL,
                        categories TEXT NOT NULL,
                        places TEXT NOT NULL);
                    CREATE INDEX operations_day ON operations(day);
                    """)
            var salt = [UInt8](repeating: 0, count: 32)
            for i in salt.indices { salt[i] = UInt8.random(in: 0...255) }
            try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('salt', ?)", arguments: [Hex.encode(salt)])
        }
        // v2: the bulk rule's window query reads documents by publication date.
        m.registerMigration("v2") { db in
            try db.execute(sql: "CREATE INDEX documents_published ON documents(publish_date)")
        }
        return m
    }

    /// Records (or replaces) documents as published.
    func add(
        _ docs: [(profile: DocumentProfile, sha256: String, attribute: String?, validity: String?, writtenDate: SimpleDate?)]
    ) throws(IndexError) {
        try access { queue in
            try queue.write { db in
                let keys = keys.keyer()
                for d in docs {
                    let p = d.profile
                    guard let textHash = p.textHash else { preconditionFailure("a profile for the index was made without its text hash") }
                    try IndexedDocument.filter(Column("path") == p.path).deleteAll(db)
                    var document = IndexedDocument(
                        path: p.path, sha256: d.sha256, textHash: textHash,
                        documentNumber: p.documentNumber.map { ElementMasking.maskDigitRuns($0) },
                        title: p.title.map(ElementMasking.maskText), docType: p.docType.rawValue, attribute: d.attribute, validity: d.validity,
                        writtenDate: d.writtenDate?.description, publishDate: p.date?.description, status: "published")
                    try document.insert(db)
                    guard let id = document.id else { continue }
                    for m in p.persons {
                        try IndexedPerson(
                            documentId: id, nameKey: m.name.map(keys.name), personKey: keys.person(m), template: m.template,
                            visible: m.visible.sorted().map(String.init).joined(separator: ","), length: m.digits.count,
                            attributes: m.attributes.sorted().map(\.rawValue).joined(separator: ",")
                        ).insert(db)
                    }
                    for day in p.operations.days.sorted() {
                        try IndexedOperation(
                            documentId: id, day: day, categories: p.operations.categories.sorted().map(\.rawValue).joined(separator: ","),
                            places: p.operations.places.sorted().joined(separator: "\u{1F}")
                        ).insert(db)
                    }
                }
            }
        }
    }

    /// Marks documents withdrawn or purged (the sweep's `--apply`), so re-publishing them is caught.
    func mark(_ paths: [String], status: String) throws(IndexError) {
        try access { queue in
            try queue.write { db in try Self.setStatus(status, of: paths, in: db) }
        }
    }

    /// Sets the status of the documents at `paths` (in chunks: SQLite bounds a statement's arguments).
    private static func setStatus(_ status: String, of paths: [String], in db: Database) throws {
        for chunk in paths.chunked(500) {
            _ = try IndexedDocument.filter(chunk.contains(Column("path"))).updateAll(db, Column("status").set(to: status))
        }
    }

    /// How a batch mention is looked up in ``CorpusContext/personKeys``.
    static func identity(_ m: PersonMention) -> String {
        (m.name ?? "") + "|" + m.maskedNumber
    }

    /// Marks documents recorded under `prefix` that are no longer among `present` as withdrawn:
    /// a page gone from the site without a sweep was taken down, and must not come back unnoticed.
    public func markMissing(under prefix: String, present: Set<String>) throws(IndexError) -> Int {
        let pattern =
            prefix.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_") + "%"
        let request: SQLRequest<String> = "SELECT path FROM documents WHERE status = 'published' AND path LIKE \(pattern) ESCAPE '\\'"
        return try access { queue in
            try queue.write { db in
                let paths = try request.fetchAll(db)
                let gone = paths.filter { !present.contains($0) }
                try Self.setStatus("withdrawn", of: gone, in: db)
                return gone.count
            }
        }
    }

    public var documentCount: Int {
        (try? queue.read { db in try IndexedDocument.fetchCount(db) }) ?? 0
    }

    /// What the corpus holds that bears on this batch (A-01 … ), one query per rule.
    func context(for batch: [DocumentProfile], asOf: SimpleDate, rules: AggregationRules) throws(IndexError) -> CorpusContext {
        let batchPaths = Set(batch.map(\.path))
        var context = CorpusContext()
        let keys = keys.keyer()
        for m in batch.flatMap(\.persons) {
            if let n = m.name { context.nameKeys[n] = keys.name(n) }
            context.personKeys[Self.identity(m)] = keys.person(m)
        }
        let names = Set(batch.flatMap { $0.persons.compactMap(\.name) }).map(keys.name)
        // The index stores 文号 as reports show them (a planted one with a long digit run masked).
        let numbers = Set(batch.compactMap { $0.documentNumber.map { ElementMasking.maskDigitRuns($0) } })
        let texts = Set(batch.compactMap(\.textHash))
        try access { queue in
            try queue.read { db in
                context.persons = try Self.publishedPersons(db, nameKeys: names).filter { !batchPaths.contains($0.path) }
                (context.recentPersons, context.recentPersonPaths) = try Self.recentPersons(
                    db, since: asOf.adding(days: -rules.bulk.windowDays), through: asOf, excluding: batchPaths)
                context.operations = try Self.operations(
                    db, on: Set(batch.flatMap { $0.operations.days }), since: asOf.adding(days: -rules.layout.windowDays)
                ).filter { !batchPaths.contains($0.path) }
                context.withdrawn = try Self.withdrawn(db, numbers: Array(numbers), texts: Array(texts))
            }
        }
        return context
    }

    /// Published persons sharing a name key with the batch.
    private static func publishedPersons(_ db: Database, nameKeys: [String]) throws -> [CorpusContext.Person] {
        var found: [CorpusContext.Person] = []
        for chunk in nameKeys.chunked(500) {
            let request: SQLRequest<PublishedPersonRow> = """
                SELECT d.path, p.name_key, p.person_key, p.visible, p.length, p.attributes FROM persons p
                JOIN documents d ON d.id = p.document_id WHERE d.status = 'published' AND p.name_key IN \(chunk)
                """
            for r in try request.fetchAll(db) {
                found.append(
                    .init(
                        path: r.path, nameKey: r.nameKey, personKey: r.personKey,
                        visible: Set(r.visible.split(separator: ",").compactMap { Int($0) }), length: r.length,
                        attributes: Set(r.attributes.split(separator: ",").compactMap { PersonMention.Attribute(rawValue: String($0)) })))
            }
        }
        return found
    }

    /// Distinct persons published in the bulk window, and the paths that published them.
    private static func recentPersons(
        _ db: Database, since: SimpleDate, through: SimpleDate, excluding batchPaths: Set<String>
    ) throws -> (count: Int, paths: [String]) {
        // One pass over the window's documents and their people: only the two columns it counts.
        let request: SQLRequest<Row> = """
            SELECT d.path, p.person_key FROM documents d LEFT JOIN persons p ON p.document_id = d.id
            WHERE d.status = 'published' AND d.publish_date >= \(since.description) AND d.publish_date <= \(through.description)
            ORDER BY d.path
            """
        var paths: [String] = []
        var personKeys: Set<String> = []
        for row in try request.fetchAll(db) {
            let path: String = row["path"]
            guard !batchPaths.contains(path) else { continue }
            if paths.last != path { paths.append(path) }
            if let key: String = row["person_key"] { personKeys.insert(key) }
        }
        return (personKeys.count, paths)
    }

    /// Published operations on the batch's days, from documents not older than the layout window.
    private static func operations(_ db: Database, on days: Set<String>, since: SimpleDate) throws -> [CorpusContext.Operation] {
        var found: [CorpusContext.Operation] = []
        for chunk in Array(days).chunked(500) {
            let request: SQLRequest<PublishedOperationRow> = """
                SELECT d.path, o.day, o.categories, o.places FROM operations o JOIN documents d ON d.id = o.document_id
                WHERE d.status = 'published' AND (d.publish_date IS NULL OR d.publish_date >= \(since.description))
                AND o.day IN \(chunk)
                """
            for r in try request.fetchAll(db) {
                var s = OperationalSummary()
                s.days = [r.day]
                s.categories = Set(r.categories.split(separator: ",").compactMap { OperationalSummary.Category(rawValue: String($0)) })
                s.places = Set(r.places.split(separator: "\u{1F}").map(String.init))
                found.append(.init(path: r.path, summary: s))
            }
        }
        return found
    }

    /// Withdrawn or purged documents with one of the batch's 文号 or texts.
    private static func withdrawn(_ db: Database, numbers: [String], texts: [String]) throws -> [CorpusContext.Withdrawn] {
        var found: [CorpusContext.Withdrawn] = []
        for chunk in (numbers + texts).chunked(400) {
            let documents = try IndexedDocument.filter(Column("status") != "published")
                .filter(chunk.contains(Column("document_number")) || chunk.contains(Column("text_hash"))).fetchAll(db)
            for d in documents {
                found.append(.init(path: d.path, status: d.status, documentNumber: d.documentNumber, textHash: d.textHash))
            }
        }
        return found
    }

    /// Runs `body` on the database, every failure an ``IndexError`` naming this index: the one
    /// place database errors are turned into messages.
    private func access<T>(_ body: (DatabaseQueue) throws -> T) throws(IndexError) -> T {
        do {
            return try body(queue)
        } catch {
            throw Self.indexError(error, path: path)
        }
    }

    /// What went wrong with the index at `path`, in the words the CLI prints.
    static func indexError(_ error: any Error, path: String) -> IndexError {
        switch error {
        case let e as IndexError: e
        case let e as DatabaseError: IndexError(path: path, message: describe(e))
        default: IndexError(path: path, message: "\(error)")
        }
    }
}

extension Array {
    func chunked(_ size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}

extension Data {
    init?(hexString: String) {
        var bytes: [UInt8] = []
        var chars = hexString.makeIterator()
        while let a = chars.next(), let b = chars.next() {
            guard let byte = UInt8(String([a, b]), radix: 16) else { return nil }
            bytes.append(byte)
        }
        self.init(bytes)
    }
}
