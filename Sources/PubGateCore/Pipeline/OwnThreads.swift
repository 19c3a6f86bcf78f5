import Foundation

/// pubgate's own threads: the document workers, and the thread an asynchronous caller hands the
/// synchronous pipeline to. They exist so that a synchronous wait never holds a thread of Swift's
/// concurrency pool.
///
/// Why it matters: a child process is run by swift-subprocess (``ChildProcess``), whose tasks
/// need the pool — every run starts an unstructured `Task` on the global executor — and a
/// synchronous worker waits for them. If every pool thread (two on a two-core machine) is such a
/// waiter, the tasks never get a thread and the waiters wait forever. So a thread may wait for a
/// child process only when no pool thread waits for it in turn: it is *off the pool*. Off the pool
/// are the main thread (the command line's synchronous commands), a thread ``run(_:)`` starts,
/// and the workers `forEachConcurrently` starts from an off-pool thread. Workers started from a
/// pool thread are not: their caller holds the pool while it waits for them.
enum OwnThreads {
    /// The mark an off-pool thread carries in its thread dictionary.
    private static let offPoolKey = "pubgate.offPool"

    /// Whether the current thread may wait for work that needs Swift's concurrency pool.
    static var isOffPool: Bool {
        Thread.isMainThread || Thread.current.threadDictionary[offPoolKey] as? Bool == true
    }

    /// Runs the synchronous `body` on a thread of its own, off the pool, and returns its result
    /// without holding a pool thread meanwhile: the way for asynchronous code (tests, a server) to
    /// call the pipeline.
    static func run<T: Sendable, E: Error>(_ body: @escaping @Sendable () throws(E) -> T) async throws(E) -> T {
        try await withCheckedContinuation { (continuation: CheckedContinuation<Result<T, E>, Never>) in
            start(offPool: true) { continuation.resume(returning: Result { () throws(E) -> T in try body() }) }
        }.get()
    }

    /// Starts a thread running `body`, marked off the pool when `offPool`.
    static func start(offPool: Bool, _ body: @escaping @Sendable () -> Void) {
        let thread = Thread {
            if offPool { Thread.current.threadDictionary[offPoolKey] = true }
            body()
        }
        // The parsers recurse: the room of a main thread (8 MiB), whatever the platform's default.
        thread.stackSize = 8 << 20
        thread.start()
    }
}
