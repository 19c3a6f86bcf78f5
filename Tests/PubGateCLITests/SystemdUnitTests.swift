import Foundation
import Testing

/// The systemd units of docs/ops, checked with systemd's own tools when systemd is installed:
/// `systemd-analyze verify` must accept them (with the built binary in place of /usr/bin/pubgate,
/// which verify insists exists), and `systemd-analyze security --offline` must rate every service
/// 4.0 or better (`--threshold=40`: the exposure level times ten).
@Suite struct SystemdUnitTests {
    typealias CLI = ReviewCommandTests

    static let analyze = ["/usr/bin/systemd-analyze", "/bin/systemd-analyze"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let units = [
        "pubgate-sweep.service", "pubgate-sweep.timer", "pubgate-sweep-apply.service", "pubgate-sweep-apply.path",
        "pubgate-sweep-failure@.service",
    ]

    /// The units copied to a fresh folder, pointing at the binary this test suite built.
    static func installed() throws -> URL {
        let dir = try CLI.temporaryDirectory().appendingPathComponent("units")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let binary = CLI.binary.path
        for unit in units {
            let text = try String(contentsOf: CLI.root.appendingPathComponent("docs/ops/\(unit)"), encoding: .utf8)
            try Data(text.replacingOccurrences(of: "/usr/bin/pubgate", with: binary).utf8).write(to: dir.appendingPathComponent(unit))
        }
        return dir
    }

    @Test(.enabled(if: analyze != nil, "systemd is not installed")) func unitsVerify() throws {
        let dir = try Self.installed()
        let run = try CLI.run(URL(fileURLWithPath: Self.analyze!), ["verify", "--man=no"] + Self.units, in: dir, mergingOutput: true)
        #expect(run.status == 0 && run.stdout.isEmpty, "\(run.stdout)")
    }

    @Test(
        .enabled(if: analyze != nil, "systemd is not installed"),
        arguments: ["pubgate-sweep.service", "pubgate-sweep-apply.service", "pubgate-sweep-failure@.service"])
    func servicesAreHardened(unit: String) throws {
        let dir = try Self.installed()
        let run = try CLI.run(
            URL(fileURLWithPath: Self.analyze!), ["security", "--offline=true", "--threshold=40", "--no-pager", unit], in: dir, mergingOutput: true)
        let verdict = run.stdout.split(separator: "\n").last { $0.contains("Overall exposure level") } ?? ""
        #expect(run.status == 0, "\(unit): \(verdict)")
    }

    /// Every unit names its failure handler, its own user, and the docs.
    @Test func servicesAlertOnFailureAndRunAsTheirOwnUser() throws {
        for unit in ["pubgate-sweep.service", "pubgate-sweep-apply.service"] {
            let text = try String(contentsOf: CLI.root.appendingPathComponent("docs/ops/\(unit)"), encoding: .utf8)
            #expect(text.contains("OnFailure=pubgate-sweep-failure@%n.service") && text.contains("User=pubgate"), "\(unit)")
        }
        let plan = try String(contentsOf: CLI.root.appendingPathComponent("docs/ops/pubgate-sweep.service"), encoding: .utf8)
        #expect(plan.contains("ExecStart=/usr/bin/pubgate sweep /srv/site --out") && !plan.contains("--apply"))
    }
}
