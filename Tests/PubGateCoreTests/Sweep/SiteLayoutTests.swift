import Foundation
import Testing

@testable import PubGateCore

@Suite struct SiteLayoutTests {
    /// A fresh site folder holding `files` (path → text).
    func site(_ files: [String: String]) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("pubgate-site-\(lettersOnlyName())")
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return root.path
    }

    @Test func aConfigurationFolderMakesAHugoSite() throws {
        let root = try site(["config/_default/hugo.toml": "title = \"示例市\"\n", "content/a/b.md": "x", "public/index.xml": "x"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let layout = SiteLayout(root: root)
        #expect(layout.isHugo && layout.title == "示例市" && layout.publishDir == "public" && layout.contentDirs == ["content"])
        #expect(layout.isPage("content/a/b.md"))
        #expect(!layout.isPage("public/index.xml") && !layout.isPage("public/a/b/index.html"))
        #expect(!layout.isPage("content/a/_index.md") && !layout.isPage("content/_index.md"))
        #expect(!layout.isPage("README.md") && !layout.isPage("layouts/_default/list.html") && !layout.isPage("config/_default/menus.xml"))
    }

    /// Folders are set by `contentDir` and `publishDir` (any case, any of the three syntaxes), in the
    /// root file or in `config/_default/` and `config/production/`; languages add theirs.
    @Test func foldersComeFromTheConfigurationAsHugoReadsIt() throws {
        let yaml = try site([
            "hugo.yaml": "title: 站点\ncontentdir: pages\npublishDir: ./site/\nlanguages:\n  en:\n    contentDir: pages-en\n"
        ])
        defer { try? FileManager.default.removeItem(atPath: yaml) }
        let a = SiteLayout(root: yaml)
        #expect(a.contentDirs == ["pages", "pages-en"] && a.publishDir == "site" && a.title == "站点")
        #expect(a.isPage("pages-en/x.md") && !a.isPage("content/x.md") && !a.isPage("site/x/index.html"))

        let json = try site([
            "config/_default/config.json": "{\"title\": \"J\", \"publishDir\": \"out\"}", "config/production/hugo.toml": "publishDir = \"dist\"\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: json) }
        let b = SiteLayout(root: json)
        #expect(b.isHugo && b.title == "J" && b.publishDir == "dist")

        let plain = try site(["a/b.md": "x", "c.html": "x"])
        defer { try? FileManager.default.removeItem(atPath: plain) }
        let c = SiteLayout(root: plain)
        #expect(!c.isHugo && c.isPage("a/b.md") && c.isPage("c.html"))
    }

    /// The site of `Tests/Fixtures/HugoSite` is laid out with `config/_default/`: its expired page is
    /// purged with its rendered output, and none of `public/`'s list pages, feeds or sitemap are
    /// judged (they list the expired page, 有效性：失效, and were purged when the site was not
    /// recognised).
    @Test func theFixtureSiteIsSweptWithoutItsRenderedListPages() async throws {
        // The plan asks git for the site's state, waited for off Swift's pool.
        let plan = await OwnThreads.run {
            SweepRun(configuration: shippedConfiguration, asOf: reviewDate).plan(SiteLayout(root: HugoSiteTests.site.path), runID: "test")
        }
        #expect(plan.purge.map(\.sitePath) == ["content/tzgg/expired-notice.md"])
        #expect(plan.purge.first?.rendered == ["public/tzgg/expired-notice/index.html"])
        #expect(plan.relabel.isEmpty)
    }
}
