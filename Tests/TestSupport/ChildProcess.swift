import Foundation

/// A program run as a child process, as a user's shell or CI would run it, and what it printed.
public struct ChildProcess: Sendable, CustomStringConvertible {
    public var status: Int32
    public var stdout: String
    public var stderr: String

    public var description: String { "exit \(status)\nstdout: \(stdout.prefix(3000))\nstderr: \(stderr.prefix(3000))" }

    /// Runs `executable` and waits for it to exit. `environment` nil inherits this process's; `standardInput` is
    /// written and closed (no input: an empty one).
    public static func run(
        _ executable: URL, _ arguments: [String], environment: [String: String]? = nil, in directory: URL? = nil,
        standardInput: String? = nil
    ) async throws -> ChildProcess {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let directory { process.currentDirectoryURL = directory }
        let stdout = Pipe()
        let stderr = Pipe()
        let stdin = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = stdin
        try process.run()
        if let standardInput { stdin.fileHandleForWriting.write(Data(standardInput.utf8)) }
        try stdin.fileHandleForWriting.close()
        // Both pipes are drained while the process runs (a full pipe would block it), off the cooperative pool.
        async let out = onOwnThread { stdout.fileHandleForReading.readDataToEndOfFile() }
        async let err = onOwnThread { stderr.fileHandleForReading.readDataToEndOfFile() }
        let (outData, errData) = await (out, err)
        await onOwnThread { process.waitUntilExit() }
        return ChildProcess(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}
