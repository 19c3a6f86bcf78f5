import Foundation
import Synchronization

/// The run's message catalogues, one per language, loaded once from the messages folder beside the
/// rules (``ReviewConfiguration/load(rulesPath:site:tree:fallbackFolder:)`` points it there).
///
/// Process-wide because a finding's English text is rendered where the finding is made, deep in a
/// stage that knows its rule but not the configuration; the catalogues are read-only once loaded.
/// Until a folder is set (library tests), the `Rules/messages` of the source tree is used.
enum MessageCatalogues {
    /// The folder name under the rules folder.
    static let folderName = "messages"

    private struct State: Sendable {
        var folder: String?
        var loaded: [Language: MessageCatalogue] = [:]
    }

    private static let state = Mutex(State())

    /// Loads every language from `folder` and uses it from now on; a broken file stops the run.
    static func use(folder: String) throws(ConfigurationError) {
        var loaded: [Language: MessageCatalogue] = [:]
        for language in Language.allCases {
            loaded[language] = try MessageCatalogue.load(file: (folder as NSString).appendingPathComponent(language.fileName), language: language)
        }
        state.withLock { $0 = State(folder: folder, loaded: loaded) }
    }

    /// The catalogue of `language` (empty when the folder has none: texts then fall back).
    static func catalogue(_ language: Language) -> MessageCatalogue {
        if let c = state.withLock({ $0.loaded[language] }) { return c }
        let folder = state.withLock { $0.folder } ?? sourceFolder
        let c =
            (try? MessageCatalogue.load(file: (folder as NSString).appendingPathComponent(language.fileName), language: language))
            ?? .empty(language)
        state.withLock { $0.loaded[language] = $0.loaded[language] ?? c }
        return c
    }

    /// English, the language findings are recorded in (the manifest's `message`).
    static var english: MessageCatalogue { catalogue(.en) }

    /// `Rules/messages` of the source tree this file was compiled from.
    static var sourceFolder: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Rules").appendingPathComponent(folderName).path
    }
}
