import Yams

extension Node {
    /// Values a YAML document read from a user's file may expand to. Aliases let a few hundred bytes
    /// stand for billions of values (a "billion laughs" block): the parsed tree shares them, but
    /// building values from it, or walking it, would not end.
    static let maxExpandedValues = 10_000

    /// Whether this node stands for more than `limit` values once its aliases are followed; stops
    /// counting there.
    func expands(beyond limit: Int = Node.maxExpandedValues) -> Bool {
        var count = 0
        var pending = [self]
        while let next = pending.popLast() {
            count += 1
            if count > limit { return true }
            switch next {
            case .mapping(let mapping):
                for (key, value) in mapping {
                    pending.append(key)
                    pending.append(value)
                }
            case .sequence(let sequence): pending.append(contentsOf: sequence)
            case .scalar, .alias: break
            }
        }
        return false
    }
}
