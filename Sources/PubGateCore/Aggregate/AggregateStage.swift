/// Stage 4: judges the batch as a whole, from the per-document profiles (no document text).
///
/// 三同步 (``InterpretationLinkCheck``) and the aggregation rules A-01 … over the
/// batch and, through the corpus index, the published corpus; the published site's profiles
/// (`--published`) count for the 三同步 links. Each aggregation finding is a
/// ``BatchFinding`` naming all its documents and is copied onto each of them.
struct AggregateStage: Sendable {
    let rules: AggregationRules
    let interpretation: Settings.PublicationSettings.Interpretation
    let asOf: SimpleDate

    struct Result: Sendable {
        /// Findings per batch index.
        var perDocument: [Int: [Finding]] = [:]
        var batchFindings: [BatchFinding] = []
    }

    func run(batch: [DocumentProfile], published: [DocumentProfile], corpus: CorpusContext? = nil) -> Result {
        var result = Result()
        result.perDocument = InterpretationLinkCheck(settings: interpretation).findings(batch: batch, published: published)
        let context = corpus ?? CorpusContext()
        result.batchFindings =
            LinkageCheck(rules: rules, asOf: asOf).findings(batch)
            + CorpusLinkageCheck(rules: rules).findings(batch, context)
            + BulkCheck(rules: rules).findings(batch, corpusPersons: context.recentPersons, corpusPaths: context.recentPersonPaths)
            + LayoutCheck(rules: rules).findings(batch, corpus: context.operations)
        let index = Dictionary(uniqueKeysWithValues: batch.enumerated().map { ($1.path, $0) })
        for bf in result.batchFindings {
            for path in bf.paths { if let i = index[path] { result.perDocument[i, default: []].append(bf.finding(for: path)) } }
        }
        return result
    }
}
