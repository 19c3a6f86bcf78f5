/// Stage 4: judges the batch as a whole, from the per-document profiles (no document text).
///
/// 三同步 (``InterpretationLinkCheck``) and the aggregation rules A-01 … A-04 over the batch; the
/// published site's profiles (`--published`) count for the links. Each aggregation finding is a
/// ``BatchFinding`` naming all its documents and is copied onto each of them.
public struct AggregateStage: Sendable {
    public let rules: AggregationRules
    public let interpretation: Settings.PublicationSettings.Interpretation
    public let asOf: SimpleDate

    public init(rules: AggregationRules, interpretation: Settings.PublicationSettings.Interpretation, asOf: SimpleDate) {
        self.rules = rules
        self.interpretation = interpretation
        self.asOf = asOf
    }

    public struct Result: Sendable {
        /// Findings per batch index.
        public var perDocument: [Int: [Finding]] = [:]
        public var batchFindings: [BatchFinding] = []
    }

    public func run(batch: [DocumentProfile], published: [DocumentProfile]) -> Result {
        var result = Result()
        result.perDocument = InterpretationLinkCheck(settings: interpretation).findings(batch: batch, published: published)
        result.batchFindings = LinkageCheck(rules: rules, asOf: asOf).findings(batch) + BulkCheck(rules: rules).findings(batch)
            + LayoutCheck(rules: rules).findings(batch)
        let index = Dictionary(uniqueKeysWithValues: batch.enumerated().map { ($1.path, $0) })
        for bf in result.batchFindings {
            for path in bf.paths { if let i = index[path] { result.perDocument[i, default: []].append(bf.finding(for: path)) } }
        }
        return result
    }
}
