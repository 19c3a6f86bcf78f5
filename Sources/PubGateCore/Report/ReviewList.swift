import Foundation

/// A review's documents in input order, read from the ``ReviewStore`` one at a time.
///
/// Writers that need every field (manifest, SARIF, CSV, HTML) walk it once each; what the
/// summaries and decision lists need is in ``Manifest/digests`` and never touches the store.
public struct ReviewList: RandomAccessCollection, Sendable {
    private let store: ReviewStore
    private let slots: [ReviewStore.Slot]

    init(store: ReviewStore, slots: [ReviewStore.Slot]) {
        self.store = store
        self.slots = slots
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { slots.count }
    public subscript(position: Int) -> DocumentReview { store.load(at: slots[position]) }

    /// The document's manifest entry as stored, without decoding it.
    func entry(at position: Int) -> [UInt8] { store.entry(at: slots[position]) }
}
