import Foundation
import TestSupport

/// `otc <service>` (`otc modelarts`, `otc ecs`) run as a child process, as a user's shell would run it.
struct CommandLineClient: Sendable {
    typealias Run = ChildProcess

    let executable: URL
    /// The words before each call's arguments: the service's command (`modelarts`), or none for `otc` itself.
    let prefix: [String]

    /// `otc <service>` for the service whose command is `service`, or `otc` itself when `service` is `nil`; `otc` is
    /// the one built next to the test bundle (`swift build` builds every product before `swift test` runs).
    init(service: String?) throws {
        let buildFolder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [
            buildFolder.appending(path: "otc"),
            LoopbackCloud.packageRoot.appending(path: ".build/debug/otc"),
        ]
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw SetupError("otc not built: run `swift build --product otc` (or `swift build`) first")
        }
        executable = found
        prefix = service.map { [$0] } ?? []
    }

    /// Credentials for the loopback cloud and nothing else: no profile from the developer's home folder.
    static let environment: [String: String] = [
        "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
        "HOME": FileManager.default.temporaryDirectory.appending(path: "e2e-empty-home").path,
        "HUAWEICLOUD_SDK_AK": LoopbackCloud.accessKey,
        "HUAWEICLOUD_SDK_SK": LoopbackCloud.secretKey,
        // A test machine that is an ECS must not find its own agency's keys.
        "HUAWEICLOUD_SDK_METADATA_ENDPOINT": "none",
    ]

    /// Runs `otc <service>` with `arguments` and waits for it to exit.
    func run(_ arguments: [String], standardInput: String? = nil, environment: [String: String] = [:]) async throws -> Run {
        try await ChildProcess.run(
            executable, prefix + arguments, environment: Self.environment.merging(environment) { _, override in override },
            standardInput: standardInput)
    }
}
