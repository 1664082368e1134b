import ArgumentParser
import CloudCLI
import OTCServices

/// `otc <service> <operation> [options]`: the command-line client of every service the generator emits, like
/// `aws`, `hcloud` or `openstack`. The services' command groups are generated (`Generated/<Service>CLI`) and listed
/// in `OTCServices`, so a service configured in `spec/services.json` appears here after `apiref generate`.
@main
struct OTC: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
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
        subcommands: OTCServices.commands)

    /// Runs the process's command line (see ``CommandLineEntry``).
    static func main() async {
        await CommandLineEntry.main(Self.self, arguments: Array(CommandLine.arguments.dropFirst()))
    }
}
