import Foundation
import Testing

@testable import PubGateCore

@Suite struct PathRolesTests {
    @Test func globsMatchWithinAFolderOrAcrossFolders() {
        #expect(PathGlob("layouts/**").matches("layouts/_default/single.html"))
        #expect(PathGlob("**/_index.md").matches("_index.md") && PathGlob("**/_index.md").matches("content/a/b/_index.md"))
        #expect(!PathGlob("content/*.md").matches("content/a/b.md") && PathGlob("content/*.md").matches("content/b.md"))
        #expect(PathGlob("static/img?.html").matches("static/img1.html") && !PathGlob("static/img?.html").matches("static/img10.html"))
        #expect(!PathGlob("_index.md").matches("content/_index.md") && !PathGlob("**/_index.md").matches("content/my_index.md"))
        #expect(PathGlob("zwgk/**", anchor: .anyFolder).matches("/srv/site/content/zwgk/a.md") && !PathGlob("zwgk/**").matches("content/zwgk/a.md"))
    }

    @Test func hugoDefaultsMakeTheContentDocumentsAndEverythingElseAssets() {
        let roles = PathRoles(settings: shippedSettings.paths, isHugo: true)
        for path in [
            "layouts/_default/single.html", "themes/t/layouts/index.html", "static/robots.txt", "README.md", "content/_index.md",
            "content/tzgg/_index.md",
        ] {
            #expect(roles.role(of: path) == .asset, "\(path)")
        }
        for path in ["content/tzgg/notice.md", "content/tzgg/2025/bundle/index.md", "content/zcjd/a.html"] {
            #expect(roles.role(of: path) == .document, "\(path)")
        }
        // Outside a Hugo site, and outside the repository, everything is a document.
        #expect(PathRoles(settings: shippedSettings.paths, isHugo: false).role(of: "layouts/_default/single.html") == .document)
        #expect(roles.role(of: nil) == .document)
    }

    @Test func theLastMatchingLineDecides() {
        let settings = Settings.PathSettings(assets: ["docs/**", "!docs/published/**", "docs/published/_*"], hugoAssets: [])
        let roles = PathRoles(settings: settings, isHugo: false)
        #expect(roles.role(of: "docs/notes.md") == .asset)
        #expect(roles.role(of: "docs/published/a.md") == .document)
        #expect(roles.role(of: "docs/published/_list.md") == .asset)
    }

    @Test func anAssetIsScannedForLeaksButNotJudgedAsADocument() throws {
        var settings = shippedSettings
        settings.paths.assets = ["**/_index.md"]
        let configuration = ReviewConfiguration(
            rules: shippedRules, documentTypes: shippedConfiguration.documentTypes, settings: settings, aggregation: shippedConfiguration.aggregation,
            expiry: shippedConfiguration.expiry)
        let list = "---\ntitle: 通知公告\n---\n本栏目发布通知公告。\n"
        let leaking = "---\ntitle: 通知公告\n---\n咨询手机13912345678。\n"
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("roles-\(lettersOnlyName())")
        defer { try? FileManager.default.removeItem(at: root) }
        for (folder, text) in [("a", list), ("b", leaking)] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: root.appendingPathComponent("\(folder)/_index.md"))
        }
        let source = FileSource(paths: [root.path], root: RepositoryRoot(path: root.path, isGit: false))
        let manifest = try ReviewPipeline(configuration: configuration, options: ReviewOptions(asOf: reviewDate), version: "t").run(source: source)
            .manifest
        let clean = try #require(manifest.documents.first { $0.path.hasSuffix("a/_index.md") }, "\(manifest.documents.map(\.path))")
        #expect(clean.role == .asset && clean.decision == .approve && clean.attribute == nil, "no 公开属性 needed: \(clean.findings.map(\.ruleID))")
        let leak = try #require(manifest.documents.first { $0.path.hasSuffix("b/_index.md") })
        #expect(leak.role == .asset && leak.decision == .reject && leak.findings.map(\.ruleID) == ["pi_mobile"])
        // The same page as a document needs its 公开属性.
        let asDocument = try ReviewPipeline(configuration: shippedConfiguration, options: ReviewOptions(asOf: reviewDate), version: "t").run(
            source: source
        ).manifest
        #expect(asDocument.documents.allSatisfy { $0.role == nil && $0.findings.contains { $0.kind == .attributeMissing } })
    }
}
