/// Who added each inline suppression and when: the audit trail a `pubgate:allow` line needs,
/// read from `blame` (git blame where the document is in git; ``DocumentSource/blame(_:line:)``).
enum SuppressionBlame {
    static func attributed(
        _ suppressed: [SuppressedFinding], blame: (Int) -> (author: String, date: String)?
    ) -> [SuppressedFinding] {
        suppressed.map { s in
            guard s.suppression.source == .inline, let line = s.suppression.line, let (author, date) = blame(line) else { return s }
            var suppression = s.suppression
            suppression.author = author
            suppression.date = date
            return SuppressedFinding(finding: s.finding, suppression: suppression)
        }
    }
}
