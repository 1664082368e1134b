import ArgumentParser
import CloudCore
import Foundation
import Logging

/// The options every generated command shares: where the service is and how patiently to call it (the project, for
/// a project-scoped service's commands, is ``ProjectOption``).
///
/// Credentials come from the runtime's default chain (`HUAWEICLOUD_SDK_AK`/`SK`/`SECURITY_TOKEN`, `OS_*`,
/// `~/.huaweicloud/credentials`, `clouds.yaml`), so that no secret ever appears on a command line.
public struct ConnectionOptions: ParsableArguments, Sendable {
    @Option(help: "The service endpoint URL, e.g. https://modelarts.eu-de.otc.t-systems.com (default: derived from the region).")
    public var endpoint: String?

    @Option(help: "The region, e.g. eu-de (default: $HUAWEICLOUD_SDK_REGION or $OS_REGION_NAME).")
    public var region: String?

    @Option(help: "The cloud whose endpoints a region names: otc (Open Telekom Cloud) or huawei (Huawei Cloud).")
    public var cloud: CloudName = .otc

    @Option(
        name: .customLong("ca-file"),
        help: "A PEM file of certificate authorities to trust besides the system's (repeatable), e.g. a TLS-inspecting proxy's.")
    public var caFiles: [String] = []

    @Option(help: "Seconds each attempt may take, response body included.")
    public var timeout: Double = 60

    @Option(name: .customLong("max-attempts"), help: "Attempts per call, retries of throttled, unavailable and dropped requests included.")
    public var maxAttempts: Int = 3

    @Flag(help: "Log every request, attempt and response, with their headers, to standard error (secrets redacted).")
    public var verbose = false

    public init() {}

    /// The clouds `--cloud` accepts.
    public enum CloudName: String, ExpressibleByArgument, CaseIterable, Sendable {
        case otc, huawei

        var cloud: Cloud { self == .otc ? .openTelekomCloud : .huaweiCloud }
    }

    public func validate() throws {
        if let endpoint, URL(string: endpoint)?.host == nil {
            throw ValidationError("--endpoint must be an absolute URL such as https://host, not '\(endpoint)'")
        }
        guard timeout > 0 else { throw ValidationError("--timeout must be a positive number of seconds") }
        guard maxAttempts >= 1 else { throw ValidationError("--max-attempts must be at least 1") }
    }

    /// The region from the option or the environment.
    var resolvedRegion: Region? {
        let environment = ProcessInfo.processInfo.environment
        return (region ?? environment["HUAWEICLOUD_SDK_REGION"] ?? environment["OS_REGION_NAME"])
            .flatMap { $0.isEmpty ? nil : Region(rawValue: $0) }
    }

    /// A runtime client for the service whose endpoints start with `endpointPrefix`, whose calls are made in
    /// `scope` (in the project `projectID`, when given), with `middlewares` on every attempt.
    func serviceClient(
        endpointPrefix: String, scope: ServiceScope, projectID: String?, middlewares: [any Middleware]
    ) throws -> ServiceClient {
        var configuration = ClientConfiguration(
            projectID: projectID, retry: RetryPolicy(maxAttempts: maxAttempts),
            timeouts: Timeouts(request: .milliseconds(Int64(timeout * 1000))))
        configuration.middlewares = middlewares
        configuration.caCertificateFiles = caFiles
        if verbose {
            var logger = Logger(label: endpointPrefix) { StreamLogHandler.standardError(label: $0) }
            logger.logLevel = .trace
            configuration.logger = logger
        }
        if let endpoint, let url = URL(string: endpoint) {
            return try ServiceClient(endpoint: url, region: resolvedRegion, configuration: configuration, scope: scope)
        }
        guard let region = resolvedRegion else {
            throw UsageError("either --endpoint or --region (or $HUAWEICLOUD_SDK_REGION) is required")
        }
        return try ServiceClient(
            endpointPrefix: endpointPrefix, region: region, cloud: cloud.cloud, configuration: configuration,
            scope: scope)
    }
}

/// `--project-id`: the project a project-scoped service's calls are made in. A global service's commands do not
/// have it, so that an operation on a project (`otc iam delete-project --project-id <id>`) names that project.
public struct ProjectOption: ParsableArguments, Sendable {
    @Option(name: .customLong("project-id"), help: "The project ID (default: from the credentials, or looked up in IAM for the region).")
    public var projectID: String?

    public init() {}
}

/// A mistake in the command line found after parsing (a body that does not fit its model, a missing endpoint):
/// reported like ArgumentParser's own errors, with the usage, and exit status 64.
public struct UsageError: Error, CustomStringConvertible, Sendable {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
