import Foundation
import Synchronization

/// Work distribution and result storage for the worker loop: hands out indices, keeps results in order.
final class ResultSlots<T: Sendable>: Sendable {
    private struct State {
        var next = 0
        var slots: [T?]
    }

    private let state: Mutex<State>

    init(count: Int) { state = Mutex(State(slots: Array(repeating: nil, count: count))) }

    func nextIndex() -> Int? {
        state.withLock { state in
            guard state.next < state.slots.count else { return nil }
            state.next += 1
            return state.next - 1
        }
    }

    func store(_ value: T, at index: Int) {
        state.withLock { $0.slots[index] = value }
    }

    var results: [T] {
        state.withLock { $0.slots.compactMap { $0 } }
    }

    /// The slots that were filled, with their indices.
    var indexedResults: [(Int, T)] {
        state.withLock { $0.slots.enumerated().compactMap { i, v in v.map { (i, $0) } } }
    }
}

/// Runs `body` for every index in `0..<count` on up to `workers` threads (the caller is one of
/// them), each taking the next index when it is free (documents differ widely in size, so static
/// chunks would idle cores). The other workers are threads of pubgate's own (``OwnThreads``), never
/// Swift's concurrency pool: a worker may wait for a child process, whose tasks need the pool. (On
/// Linux `DispatchQueue.concurrentPerform` runs on that very pool — libdispatch's default-QoS root
/// queue serves both — whoever calls it.)
func forEachConcurrently(_ count: Int, workers: Int, _ body: @escaping @Sendable (Int) -> Void) {
    let next = ResultSlots<Bool>(count: count)
    // Off the pool only if the caller is: a pool thread waits for these workers below.
    let offPool = OwnThreads.isOffPool
    let finished = DispatchGroup()
    for _ in 1..<min(max(1, workers), max(1, count)) {
        finished.enter()
        OwnThreads.start(offPool: offPool) {
            while let index = next.nextIndex() { body(index) }
            finished.leave()
        }
    }
    while let index = next.nextIndex() { body(index) }
    finished.wait()
}
