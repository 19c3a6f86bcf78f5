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
                try fm.createDirectory(atPath: (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent,
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
                guard applied.isSubset(of: known) else { throw IndexError(path: path, message: "made by a newer pubgate (schema \(applied.sorted().last!))") }
                guard applied == known else { throw IndexError(path: path, message: "schema is out of date; run `pubgate index migrate --index \(path)`") }
            }
            let salt = try queue.read { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'salt'") }
            guard let salt, let bytes = Data(hexString: salt) else { throw IndexError(path: path, message: "index has no salt") }
            self.queue = queue
            self.keys = EntityKeys(salt: Array(bytes))
        } catch let e as IndexError {
            throw e
        } catch let e as DatabaseError {
            throw IndexError(path: path, message: Self.describe(e))
        } catch {
            throw IndexError(path: path, message: "\(error)")
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
            try db.execute(sql: """
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
    public func add(
        _ docs: [(profile: DocumentProfile, sha256: String, attribute: String?, validity: String?, writtenDate: SimpleDate?)]
    ) throws(IndexError) {
        do {
            try queue.write { db in
                for d in docs {
                    let p = d.profile
                    try db.execute(sql: "DELETE FROM documents WHERE path = ?", arguments: [p.path])
                    try db.execute(
                        sql: """
                            INSERT INTO documents (path, sha256, text_hash, document_number, title, doc_type, attribute, validity,
                                written_date, publish_date, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'published')
                            """,
                        arguments: [
                            p.path, d.sha256, p.textHash, p.documentNumber.map { ElementMasking.maskDigitRuns($0) },
                            p.title.map(ElementMasking.maskText), p.docType.rawValue, d.attribute, d.validity,
                            d.writtenDate?.description, p.date?.description,
                        ])
                    let id = db.lastInsertedRowID
                    for m in p.persons {
                        try db.execute(
                            sql: "INSERT INTO persons (document_id, name_key, person_key, template, visible, length, attributes) VALUES (?, ?, ?, ?, ?, ?, ?)",
                            arguments: [
                                id, m.name.map(keys.name), keys.person(m), m.template, m.visible.sorted().map(String.init).joined(separator: ","),
                                m.digits.count, m.attributes.sorted().map(\.rawValue).joined(separator: ","),
                            ])
                    }
                    for day in p.operations.days.sorted() {
                        try db.execute(
                            sql: "INSERT INTO operations (document_id, day, categories, places) VALUES (?, ?, ?, ?)",
                            arguments: [
                                id, day, p.operations.categories.sorted().map(\.rawValue).joined(separator: ","),
                                p.operations.places.sorted().joined(separator: "\u{1F}"),
                            ])
                    }
                }
            }
        } catch let e as DatabaseError {
            throw IndexError(path: path, message: Self.describe(e))
        } catch {
            throw IndexError(path: path, message: "\(error)")
        }
    }

    /// Marks documents withdrawn or purged (the sweep's `--apply`), so re-publishing them is caught (A-08).
    public func mark(_ paths: [String], status: String) throws(IndexError) {
        do {
            try queue.write { db in
                for p in paths { try db.execute(sql: "UPDATE documents SET status = ? WHERE path = ?", arguments: [status, p]) }
            }
        } catch let e as DatabaseError {
            throw IndexError(path: path, message: Self.describe(e))
        } catch {
            throw IndexError(path: path, message: "\(error)")
        }
    }

    /// How a batch mention is looked up in ``CorpusContext/personKeys``.
    public static func identity(_ m: PersonMention) -> String {
        (m.name ?? "") + "|" + m.maskedNumber
    }

    /// Marks documents recorded under `prefix` that are no longer among `present` as withdrawn:
    /// a page gone from the site without a sweep was taken down, and must not come back unnoticed.
    public func markMissing(under prefix: String, present: Set<String>) throws(IndexError) -> Int {
        do {
            return try queue.write { db in
                let paths = try String.fetchAll(
                    db, sql: "SELECT path FROM documents WHERE status = 'published' AND path LIKE ? ESCAPE '\\'",
                    arguments: [prefix.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
                        .replacingOccurrences(of: "_", with: "\\_") + "%"])
                let gone = paths.filter { !present.contains($0) }
                for p in gone { try db.execute(sql: "UPDATE documents SET status = 'withdrawn' WHERE path = ?", arguments: [p]) }
                return gone.count
            }
        } catch let e as DatabaseError {
            throw IndexError(path: path, message: Self.describe(e))
        } catch {
            throw IndexError(path: path, message: "\(error)")
        }
    }

    public var documentCount: Int {
        (try? queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM documents") }) ?? 0
    }

    /// What the corpus holds that bears on this batch (A-01 … A-04, A-08).
    public func context(for batch: [DocumentProfile], asOf: SimpleDate, rules: AggregationRules) throws(IndexError) -> CorpusContext {
        let batchPaths = Set(batch.map(\.path))
        let names = Set(batch.flatMap { $0.persons.compactMap(\.name) }).map(keys.name)
        let days = Set(batch.flatMap { $0.operations.days })
        // The index stores 文号 as reports show them (a planted one with a long digit run masked).
        let numbers = Set(batch.compactMap { $0.documentNumber.map { ElementMasking.maskDigitRuns($0) } })
        let texts = Set(batch.map(\.textHash))
        var context = CorpusContext()
        for m in batch.flatMap(\.persons) {
            if let n = m.name { context.nameKeys[n] = keys.name(n) }
            context.personKeys[Self.identity(m)] = keys.person(m)
        }
        do {
            try queue.read { db in
                for chunk in names.chunked(500) {
                    let rows = try Row.fetchAll(
                        db,
                        sql: """
                            SELECT d.path, p.name_key, p.person_key, p.visible, p.length, p.attributes FROM persons p
                            JOIN documents d ON d.id = p.document_id WHERE d.status = 'published' AND p.name_key IN (\(chunk.map { _ in "?" }.joined(separator: ",")))
                            """, arguments: StatementArguments(chunk))
                    for r in rows where !batchPaths.contains(r["path"]) {
                        let visible: String = r["visible"]
                        let attributes: String = r["attributes"]
                        context.persons.append(
                            .init(
                                path: r["path"], nameKey: r["name_key"], personKey: r["person_key"],
                                visible: Set(visible.split(separator: ",").compactMap { Int($0) }), length: r["length"],
                                attributes: Set(attributes.split(separator: ",").compactMap { PersonMention.Attribute(rawValue: String($0)) })))
                    }
                }
                let since = asOf.adding(days: -rules.bulk.windowDays).description
                let recentDocuments = try Row.fetchAll(
                    db, sql: "SELECT id, path FROM documents WHERE status = 'published' AND publish_date BETWEEN ? AND ? ORDER BY path",
                    arguments: [since, asOf.description]
                ).filter { !batchPaths.contains($0[1]) }
                var recentKeys: Set<String> = []
                for chunk in recentDocuments.map({ $0[0] as Int64 }).chunked(500) {
                    let keys = try String.fetchAll(
                        db, sql: "SELECT person_key FROM persons WHERE document_id IN (\(chunk.map { _ in "?" }.joined(separator: ",")))",
                        arguments: StatementArguments(chunk))
                    recentKeys.formUnion(keys)
                }
                context.recentPersons = recentKeys.count
                context.recentPersonPaths = recentDocuments.map { $0[1] }
                let opsSince = asOf.adding(days: -rules.layout.windowDays).description
                for chunk in Array(days).chunked(500) {
                    let rows = try Row.fetchAll(
                        db,
                        sql: """
                            SELECT d.path, o.day, o.categories, o.places FROM operations o JOIN documents d ON d.id = o.document_id
                            WHERE d.status = 'published' AND (d.publish_date IS NULL OR d.publish_date >= ?)
                            AND o.day IN (\(chunk.map { _ in "?" }.joined(separator: ",")))
                            """, arguments: StatementArguments([opsSince] + chunk))
                    for r in rows where !batchPaths.contains(r["path"]) {
                        var s = OperationalSummary()
                        s.days = [r["day"]]
                        let categories: String = r["categories"]
                        let places: String = r["places"]
                        s.categories = Set(categories.split(separator: ",").compactMap { OperationalSummary.Category(rawValue: String($0)) })
                        s.places = Set(places.split(separator: "\u{1F}").map(String.init))
                        context.operations.append(.init(path: r["path"], summary: s))
                    }
                }
                let candidates = Array(numbers) + Array(texts)
                for chunk in candidates.chunked(400) {
                    let marks = chunk.map { _ in "?" }.joined(separator: ",")
                    let rows = try Row.fetchAll(
                        db,
                        sql: """
                            SELECT path, status, document_number, text_hash FROM documents WHERE status != 'published'
                            AND (document_number IN (\(marks)) OR text_hash IN (\(marks)))
                            """, arguments: StatementArguments(chunk + chunk))
                    for r in rows {
                        context.withdrawn.append(.init(path: r["path"], status: r["status"], documentNumber: r["document_number"], textHash: r["text_hash"]))
                    }
                }
            }
        } catch let e as DatabaseError {
            throw IndexError(path: path, message: Self.describe(e))
        } catch {
            throw IndexError(path: path, message: "\(error)")
        }
        return context
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
