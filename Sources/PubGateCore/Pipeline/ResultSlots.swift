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

/// Runs `body` for every index in `0..<count` on up to `workers` threads, each taking the next
/// index when it is free (documents differ widely in size, so static chunks would idle cores).
func forEachConcurrently(_ count: Int, workers: Int, _ body: @Sendable (Int) -> Void) {
    let next = ResultSlots<Bool>(count: count)
    DispatchQueue.concurrentPerform(iterations: min(workers, max(1, count))) { _ in
        while let index = next.nextIndex() { body(index) }
    }
}
