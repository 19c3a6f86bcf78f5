import Foundation

/// Work distribution and result storage for the worker loop: hands out indices, keeps results in order.
final class ResultSlots<T: Sendable>: @unchecked Sendable {
    // Safe: every access to `next` and `slots` holds `lock`.
    private var next = 0
    private var slots: [T?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func nextIndex() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < slots.count else { return nil }
        next += 1
        return next - 1
    }

    func store(_ value: T, at index: Int) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    var results: [T] {
        lock.lock()
        defer { lock.unlock() }
        return slots.compactMap { $0 }
    }

    /// The slots that were filled, with their indices.
    var indexedResults: [(Int, T)] {
        lock.lock()
        defer { lock.unlock() }
        return slots.enumerated().compactMap { i, v in v.map { (i, $0) } }
    }
}

/// Runs `body` for every index in `0..<count` on up to `workers` threads, each taking the next
/// index when it is free (documents differ widely in size, so static chunks would idle cores).
func forEachConcurrently(_ count: Int, workers: Int, _ body: @Sendable (Int) -> Void) {
    let next = ResultSlots<Bool>(count: count)
    DispatchQueue.concurrentPerform(iterations: min(workers, max(1, count))) { _ in
        while let index = next.nextIndex() { body(index) }
    }
}
