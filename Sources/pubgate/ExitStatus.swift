import ArgumentParser

/// pubgate's exit codes (sysexits where one fits); Pipeline.md lists them.
enum ExitStatus {
    static let approved = ExitCode(0)
    static let rejected = ExitCode(1)
    static let usage = ExitCode(64)
    static let unreadableInput = ExitCode(65)
    /// An output (manifest, archive) cannot be written.
    static let cannotWrite = ExitCode(73)
    /// The corpus index cannot be read or written (corrupt, locked).
    static let ioError = ExitCode(74)
    /// Another sweep holds the lock: try again later.
    static let locked = ExitCode(75)
    static let badConfiguration = ExitCode(78)
}
