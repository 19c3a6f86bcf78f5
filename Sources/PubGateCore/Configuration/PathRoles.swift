/// Decides from a file's path in the repository whether it is a document or a site asset, by the
/// `paths` settings: `hugo_assets` when the repository root is a Hugo site, `assets` otherwise.
/// Lines are gitignore-style: the last one that matches decides, `!` marks documents. A file with
/// no repository path (outside the root) is a document; so is every Word, spreadsheet, OFD and PDF
/// file (checked by the caller on the format read), which are never templates.
struct PathRoles: Sendable {
    private let lines: [(glob: PathGlob, isDocument: Bool)]

    init(settings: Settings.PathSettings, isHugo: Bool) {
        lines = (isHugo ? settings.hugoAssets : settings.assets).map { line in
            line.hasPrefix("!") ? (PathGlob(String(line.dropFirst())), true) : (PathGlob(line), false)
        }
    }

    /// The roles of files under `root`, whose layout (Hugo or not) the root's files tell.
    init(settings: Settings.PathSettings, root: RepositoryRoot?) {
        self.init(settings: settings, isHugo: root.map { SiteLayout(root: $0.path).isHugo } ?? false)
    }

    /// The role of the file at `repositoryPath`; nil path (outside the repository): a document.
    func role(of repositoryPath: String?) -> DocumentRole {
        guard let repositoryPath, !lines.isEmpty else { return .document }
        var role = DocumentRole.document
        for line in lines where line.glob.matches(repositoryPath) { role = line.isDocument ? .document : .asset }
        return role
    }
}
