import ArgumentParser
import Foundation
import CloudCLI
import OTCServices

/// `otc <service> <operation> [options]`: the command-line client of every service the generator emits, like
/// `aws`, `hcloud` or `openstack`. The services' command groups are generated (`Generated/<Service>CLI`) and listed
/// in `OTCServices`, so a service configured in `spec/services.json` appears here after `apiref generate`.
@main
struct OTC: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: CommandLineEntry.executableName,
            abstract: "Call the APIs of Open Telekom Cloud (and Huawei Cloud): otc <service> <operation> [options].",
            discussion: """
                `otc <service>` lists the service's operations, grouped like its API reference; \
                `otc <service> <operation> --help` describes one. Credentials come from the environment \
                (HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK, HUAWEICLOUD_SDK_SECURITY_TOKEN, HUAWEICLOUD_SDK_PROJECT_ID; \
                OS_*), ~/.huaweicloud/credentials or clouds.yaml. Shell completion: \
                otc --generate-completion-script bash|zsh|fish.
                """,
            version: ServiceSource.versionText(generator: OTCServices.generatorVersion, sources: OTCServices.sources),
            subcommands: serviceCommands)
    }

    /// The service the command line names (`ecs` in `otc ecs list-servers-details`), or every service (`otc --help`,
    /// completion scripts, a word that names none). ArgumentParser builds and searches the tree of every command
    /// under the root before it parses: with all services' 2,600 operations that took half a second of CPU per
    /// run, with one service's commands a few milliseconds.
    private static var serviceCommands: [any ParsableCommand.Type] {
        let services = OTCServices.commands
        guard let word = namedService.value, let service = services.first(where: { $0._commandName == word }) else {
            return services
        }
        return [service]
    }

    private static let namedService = FirstWord()

    /// Runs the process's command line (see ``CommandLineEntry``).
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let first = arguments.first, !first.hasPrefix("-") { namedService.set(first) }
        await CommandLineEntry.main(Self.self, arguments: arguments)
    }
}

/// The command line's first word, read by `OTC.configuration` whenever ArgumentParser asks for it.
///
/// `@unchecked Sendable`: `word` is only touched under `lock` (`Mutex` needs macOS 15).
private final class FirstWord: @unchecked Sendable {
    private let lock = NSLock()
    private var word: String?

    var value: String? { lock.withLock { word } }

    func set(_ newValue: String) { lock.withLock { word = newValue } }
}
