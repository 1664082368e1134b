import Foundation
import PackagePlugin

/// `swift package generate-sdk [--service <name>]`: runs `apiref generate` (as `apiref-generate generate`, the
/// generator without `fetch` and its HTTP client) in the package root, rewriting `spec/` and `Generated/` from the
/// pages (only files whose content changes are written).
@main
struct GenerateSDKCommand: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let apiref = try context.tool(named: "apiref-generate")
        let process = Process()
        process.executableURL = apiref.url
        process.arguments = ["generate"] + arguments
        process.currentDirectoryURL = context.package.directoryURL
        try process.run()
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            throw GenerateSDKError(status: process.terminationStatus)
        }
    }
}

struct GenerateSDKError: Error, CustomStringConvertible {
    let status: Int32
    var description: String { "apiref generate failed (exit status \(status))" }
}
