import Foundation
import TestSupport

/// A generated command-line client (`modelarts`, `ecs`) run as a child process, as a user's shell would run it.
struct CommandLineClient: Sendable {
    struct Run: Sendable, CustomStringConvertible {
        var status: Int32
        var stdout: String
        var stderr: String

        var description: String { "exit \(status)\nstdout: \(stdout.prefix(2000))\nstderr: \(stderr.prefix(2000))" }
    }

    let executable: URL

    /// The client built next to the test bundle (`swift build` builds every product before `swift test` runs).
    init(named name: String) throws {
        let buildFolder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [
            buildFolder.appending(path: name),
            LoopbackCloud.packageRoot.appending(path: ".build/debug/\(name)"),
        ]
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw SetupError("\(name) not built: run `swift build --product \(name)` (or `swift build`) first")
        }
        executable = found
    }

    /// Credentials for the loopback cloud and nothing else: no profile from the developer's home folder.
    static let environment: [String: String] = [
        "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
        "HOME": FileManager.default.temporaryDirectory.appending(path: "e2e-empty-home").path,
        "HUAWEICLOUD_SDK_AK": LoopbackCloud.accessKey,
        "HUAWEICLOUD_SDK_SK": LoopbackCloud.secretKey,
    ]

    /// Runs the client with `arguments` and waits for it to exit.
    func run(_ arguments: [String], standardInput: String? = nil, environment: [String: String] = [:]) async throws -> Run {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = Self.environment.merging(environment) { _, override in override }
        let stdout = Pipe()
        let stderr = Pipe()
        let stdin = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = stdin
        try process.run()
        if let standardInput { stdin.fileHandleForWriting.write(Data(standardInput.utf8)) }
        try stdin.fileHandleForWriting.close()
        // Read both pipes to their end while the process runs, so that a full pipe cannot block it.
        async let out = onOwnThread { stdout.fileHandleForReading.readDataToEndOfFile() }
        async let err = onOwnThread { stderr.fileHandleForReading.readDataToEndOfFile() }
        let (outData, errData) = await (out, err)
        await onOwnThread { process.waitUntilExit() }
        return Run(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}
