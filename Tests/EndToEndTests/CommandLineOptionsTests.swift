import CloudCore
import Foundation
import ModelArts
import TestSupport
import Testing

/// The command line's connection options, credential sources and exit statuses, and the identity checks of the
/// loopback cloud (IAM tokens, the project lookup, temporary keys, the signing-time window) they meet.
@Suite struct CommandLineOptionsTests {
    static let datasets = "historical_apis/data_management_old_version/querying_the_dataset_list.html"

    /// No keys in the environment: the credentials must come from where the test puts them.
    static let withoutKeys = ["HUAWEICLOUD_SDK_AK": "", "HUAWEICLOUD_SDK_SK": ""]

    @Test func theEndpointFollowsRegionAndCloud() async throws {
        let modelarts = try CommandLineClient(service: "modelarts")
        for (options, environment, url) in [
            (["--region", "eu-de"], [:], "https://modelarts.eu-de.otc.t-systems.com/v2/p/datasets"),
            (["--region", "ap-southeast-1", "--cloud", "huawei"], [:], "https://modelarts.ap-southeast-1.myhuaweicloud.com/v2/p/datasets"),
            ([], ["HUAWEICLOUD_SDK_REGION": "eu-nl"], "https://modelarts.eu-nl.otc.t-systems.com/v2/p/datasets"),
            (["--region", "eu-de", "--endpoint", "http://127.0.0.1:9/base"], [:], "http://127.0.0.1:9/base/v2/p/datasets"),
        ] {
            // Whether the host answers does not matter (the sandbox has no DNS): the verbose log names the URL.
            let run = try await modelarts.run(
                ["list-datasets", "--project-id", "p", "--max-attempts", "1", "--timeout", "2", "--verbose"] + options,
                environment: environment)
            #expect(run.stderr.contains("sending GET \(url)"), "\(options) \(environment): \(run)")
        }
    }

    @Test func badConnectionOptionsExit64() async throws {
        let modelarts = try CommandLineClient(service: "modelarts")
        for (options, message) in [
            ([String](), "either --endpoint or --region (or $HUAWEICLOUD_SDK_REGION) is required"),
            (["--region", "eu-de", "--timeout", "0"], "--timeout must be a positive number of seconds"),
            (["--region", "eu-de", "--max-attempts", "0"], "--max-attempts must be at least 1"),
            (["--endpoint", "not a url"], "--endpoint must be an absolute URL"),
        ] {
            let run = try await modelarts.run(["list-datasets", "--project-id", "p"] + options)
            #expect(run.status == 64 && run.stderr.contains(message), "\(options): \(run)")
        }
    }

    @Test func aRefusedConnectionExits69AndSaysSo() async throws {
        let refusing = try RefusingPort()
        let run = try await CommandLineClient(service: "modelarts").run(
            ["list-datasets", "--endpoint", "http://127.0.0.1:\(refusing.port)", "--project-id", "p"])
        #expect(run.status == 69, "\(run)")
        #expect(run.stderr == "Error: no response from the service: could not connect to the service (connection refused)\n")
        withExtendedLifetime(refusing) {}
    }

    @Test func unusableCredentialsExit78() async throws {
        let modelarts = try CommandLineClient(service: "modelarts")
        let arguments = ["list-datasets", "--endpoint", "http://127.0.0.1:9", "--project-id", "p"]
        let none = try await modelarts.run(arguments, environment: Self.withoutKeys)
        #expect(none.status == 78 && none.stderr.hasPrefix("Error: no credentials found"), "\(none)")
        let half = try await modelarts.run(arguments, environment: ["HUAWEICLOUD_SDK_SK": ""])
        #expect(half.status == 78 && half.stderr.contains("HUAWEICLOUD_SDK_SK"), "\(half)")
        let unknownCloud = try await modelarts.run(arguments, environment: Self.withoutKeys.merging(["OS_CLOUD": "nowhere"]) { $1 })
        #expect(unknownCloud.status == 78 && unknownCloud.stderr.contains("OS_CLOUD names nowhere"), "\(unknownCloud)")
    }

    @Test func verboseShowsTheExchangeWithoutSecrets() async throws {
        let cloud = try await LoopbackCloud.start(docsFolder: Docs.modelArts)
        defer { cloud.stop() }
        let run = try await CommandLineClient(service: "modelarts").run(
            ["list-datasets", "--verbose"] + CommandLineFlowTests.connection(cloud))
        #expect(run.status == 0, "\(run)")
        #expect(run.stderr.contains("sending GET \(cloud.baseURL.absoluteString)/v2/\(LoopbackCloud.projectID)/datasets"))
        #expect(run.stderr.contains("Authorization: <redacted>") && run.stderr.contains("X-Sdk-Date: "), "\(run.stderr)")
        #expect(run.stderr.contains("received 200"))
        #expect(!run.stderr.contains(LoopbackCloud.secretKey) && !run.stderr.contains("Signature="))
    }

    @Test func credentialsFromTheProfileFileAndFromCloudsYAML() async throws {
        let cloud = try await LoopbackCloud.start(docsFolder: Docs.modelArts)
        defer { cloud.stop() }
        let home = FileManager.default.temporaryDirectory.appending(path: "e2e-home-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        try write("[basic]\nak = \(LoopbackCloud.accessKey)\nsk = \(LoopbackCloud.secretKey)\n", to: home.appending(path: ".huaweicloud/credentials"))
        let modelarts = try CommandLineClient(service: "modelarts")
        let options = ["list-datasets"] + CommandLineFlowTests.connection(cloud)
        let fromProfile = try await modelarts.run(options, environment: Self.withoutKeys.merging(["HOME": home.path]) { $1 })
        #expect(fromProfile.status == 0, "\(fromProfile)")

        try FileManager.default.removeItem(at: home.appending(path: ".huaweicloud"))
        let yaml = "clouds:\n  e2e:\n    auth:\n      ak: \(LoopbackCloud.accessKey)\n      sk: \(LoopbackCloud.secretKey)\n"
        try write(yaml, to: home.appending(path: ".config/openstack/clouds.yaml"))
        let fromYAML = try await modelarts.run(
            options, environment: Self.withoutKeys.merging(["HOME": home.path, "OS_CLOUD": "e2e"]) { $1 })
        #expect(fromYAML.status == 0, "\(fromYAML)")

        try write("clouds:\n  e2e: [not, a, cloud\n", to: home.appending(path: ".config/openstack/clouds.yaml"))
        let malformed = try await modelarts.run(
            options, environment: Self.withoutKeys.merging(["HOME": home.path, "OS_CLOUD": "e2e"]) { $1 })
        #expect(malformed.status == 78 && malformed.stderr.contains("clouds.yaml"), "\(malformed)")

        let received = try await cloud.requests()
        #expect(received.count == 2 && allSigned(received))
    }

    @Test func theProjectIdOfTheRegionIsLookedUpInIAM() async throws {
        let cloud = try await LoopbackCloud.start(docsFolder: Docs.modelArts)
        defer { cloud.stop() }
        let run = try await CommandLineClient(service: "modelarts").run(
            ["list-datasets", "--endpoint", cloud.baseURL.absoluteString, "--region", "eu-de"],
            environment: ["HUAWEICLOUD_SDK_IAM_ENDPOINT": cloud.baseURL.absoluteString])
        #expect(run.status == 0, "\(run)")
        let received = try await cloud.requests()
        #expect(received.map { "\($0.method) \($0.path)" } == ["GET /v3/projects", "GET /v2/\(LoopbackCloud.projectID)/datasets"])
        #expect(received.first?.sortedQuery == ["name=eu-de"])
        #expect(allSigned(received))
    }

    @Test func temporaryKeysSendTheirSecurityToken() async throws {
        let cloud = try await LoopbackCloud.start(docsFolder: Docs.modelArts, options: ["--security-token", "e2e-session-token"])
        defer { cloud.stop() }
        let modelarts = try CommandLineClient(service: "modelarts")
        let options = ["list-datasets"] + CommandLineFlowTests.connection(cloud)
        let withToken = try await modelarts.run(options, environment: ["HUAWEICLOUD_SDK_SECURITY_TOKEN": "e2e-session-token"])
        #expect(withToken.status == 0, "\(withToken)")
        let withoutToken = try await modelarts.run(options)
        #expect(withoutToken.status == 1 && withoutToken.stderr.contains("temporary keys need X-Security-Token"), "\(withoutToken)")
        let received = try await cloud.requests()
        #expect(received.map(\.signature) == ["valid", "invalid: temporary keys need X-Security-Token"])
        #expect(received[0].headers["x-security-token"] == "<redacted>")
    }

    @Test func passwordCredentialsGetAnIAMTokenFirst() async throws {
        let cloud = try await LoopbackCloud.start(docsFolder: Docs.modelArts, options: ["--iam-user", "e2e-user:e2e-password@e2e-domain"])
        defer { cloud.stop() }
        let run = try await CommandLineClient(service: "modelarts").run(
            ["list-datasets", "--verbose"] + CommandLineFlowTests.connection(cloud),
            environment: Self.withoutKeys.merging([
                "OS_USERNAME": "e2e-user", "OS_PASSWORD": "e2e-password", "OS_USER_DOMAIN_NAME": "e2e-domain",
                "OS_AUTH_URL": cloud.baseURL.appending(path: "v3").absoluteString,
            ]) { $1 })
        #expect(run.status == 0, "\(run)")
        #expect(!run.stderr.contains("e2e-password") && !run.stderr.contains("loopback-token-"))
        let received = try await cloud.requests()
        #expect(received.map { "\($0.method) \($0.path)" } == ["POST /v3/auth/tokens", "GET /v2/\(LoopbackCloud.projectID)/datasets"])
        #expect(received.map(\.signature) == ["none", "token"])
        #expect(received.map(\.status) == [201, 200])
    }

    /// The gateway rejects a signature made more than 15 minutes off its clock; the client learns the offset from
    /// that answer, signs again, and signs later calls with the corrected time.
    @Test func aSkewedClockIsCorrectedAfterOneRejection() async throws {
        let cloud = try await LoopbackCloud.start(docsFolder: Docs.modelArts)
        defer { cloud.stop() }
        for offset in [-16.0 * 60, 40.0 * 60] {
            try await cloud.reset()
            var configuration = ClientConfiguration.loopback(attempts: 1)
            configuration.clock = { Date().addingTimeInterval(offset) }
            let modelArts = try ModelArtsClient(endpoint: cloud.baseURL, configuration: configuration)
            _ = try await modelArts.listDatasets()
            _ = try await modelArts.listDatasets()
            let received = try await cloud.requests()
            #expect(received.map(\.status) == [401, 200, 200], "clock \(offset) s off")
            #expect(received.first?.signature?.hasPrefix("invalid: signature expired") == true)
            #expect(received.dropFirst().allSatisfy { $0.signature == "valid" })
        }
    }

    /// A token the service rejects (revoked, expired early) is replaced once and the call sent again; AK/SK calls
    /// are not repeated on a 401.
    @Test func aRejectedTokenIsReplacedOnce() async throws {
        let cloud = try await LoopbackCloud.start(docsFolder: Docs.modelArts, options: ["--iam-user", "u:pw@d"])
        defer { cloud.stop() }
        let tokens = IAMTokenProvider(
            authURL: cloud.baseURL.appending(path: "v3"), userName: "u", password: "pw", domainName: "d", scope: nil)
        var configuration = ClientConfiguration.loopback()
        configuration.credentials = tokens
        let modelArts = try ModelArtsClient(endpoint: cloud.baseURL, configuration: configuration)
        _ = try await modelArts.listDatasets()
        try await cloud.script([.status(401, page: Self.datasets)])
        _ = try await modelArts.listDatasets()
        let received = try await cloud.requests()
        #expect(received.map { "\($0.method) \($0.path) \($0.status ?? 0)" } == [
            "POST /v3/auth/tokens 201", "GET /v2/\(LoopbackCloud.projectID)/datasets 200",
            "GET /v2/\(LoopbackCloud.projectID)/datasets 401", "POST /v3/auth/tokens 201",
            "GET /v2/\(LoopbackCloud.projectID)/datasets 200",
        ])
        #expect(received[1].headers["x-auth-token"] == "<redacted>")

        try await cloud.reset()
        try await cloud.script([.status(401, page: Self.datasets)])
        let signed = try ModelArtsClient(endpoint: cloud.baseURL, configuration: .loopback())
        await #expect { _ = try await signed.listDatasets() } throws: { ($0 as? APIError)?.status == 401 }
        #expect(try await cloud.requests().count == 1)
    }

    /// A proxy set in the configuration, and `HTTP_PROXY` for the command line: the loopback cloud, answering
    /// requests in absolute form, stands in for the proxy (and the service behind it).
    @Test func requestsGoThroughTheProxy() async throws {
        let cloud = try await LoopbackCloud.start(docsFolder: Docs.modelArts)
        defer { cloud.stop() }
        let port = try #require(cloud.baseURL.port)
        let behindProxy = URL(string: "http://modelarts.behind-the-proxy.invalid")!
        var configuration = ClientConfiguration.loopback()
        configuration.proxy = .server(HTTPProxy(host: "127.0.0.1", port: port))
        _ = try await ModelArtsClient(endpoint: behindProxy, configuration: configuration).listDatasets()
        let run = try await CommandLineClient(service: "modelarts").run(
            ["list-datasets", "--endpoint", behindProxy.absoluteString, "--project-id", LoopbackCloud.projectID],
            environment: ["HTTP_PROXY": "http://127.0.0.1:\(port)"])
        #expect(run.status == 0, "\(run)")
        let received = try await cloud.requests()
        #expect(received.count == 2 && allSigned(received))
        #expect(received.allSatisfy { $0.headers["host"] == "modelarts.behind-the-proxy.invalid" })
    }

    /// HTTPS through a proxy: `HTTPS_PROXY` names the loopback cloud, which answers the `CONNECT` and then speaks TLS
    /// inside the tunnel with a certificate for the service's host, issued for this test. The SDK and the command
    /// line trust it only through `caCertificateFiles` / `--ca-file`; without it the handshake fails, once.
    @Test func httpsRequestsTunnelThroughTheProxyTheEnvironmentNames() async throws {
        let service = "modelarts.behind-the-proxy.invalid"
        let certificate = try await SelfSignedCertificate.make(for: service)
        let cloud = try await LoopbackCloud.start(
            docsFolder: Docs.modelArts,
            options: ["--tunnel-tls-cert", certificate.certificateFile, "--tunnel-tls-key", certificate.keyFile])
        defer { cloud.stop() }
        let port = try #require(cloud.baseURL.port)
        let endpoint = URL(string: "https://\(service)")!
        // The plain-HTTP proxy variable names a port nothing listens on: only HTTPS_PROXY may be used.
        let environment = ["HTTPS_PROXY": "http://127.0.0.1:\(port)", "HTTP_PROXY": "http://127.0.0.1:9"]

        var configuration = ClientConfiguration.loopback()
        configuration.proxy = .server(
            try #require(HTTPProxy.fromEnvironment(for: try Endpoint(url: endpoint), environment: environment)))
        configuration.caCertificateFiles = [certificate.certificateFile]
        _ = try await ModelArtsClient(endpoint: endpoint, configuration: configuration).listDatasets()

        configuration.caCertificateFiles = []
        await #expect {
            _ = try await ModelArtsClient(endpoint: endpoint, configuration: configuration).listDatasets()
        } throws: {
            ($0 as? TransportError)?.kind == .tlsFailed
        }

        let run = try await CommandLineClient(service: "modelarts").run(
            ["list-datasets", "--endpoint", endpoint.absoluteString, "--project-id", LoopbackCloud.projectID,
             "--ca-file", certificate.certificateFile],
            environment: environment)
        #expect(run.status == 0, "\(run)")
        let received = try await cloud.requests()
        #expect(received.count == 2 && allSigned(received))
        #expect(received.allSatisfy { $0.tunnel == .init(target: "\(service):443", tls: true) })
        #expect(received.allSatisfy { $0.headers["host"] == service })
    }

    private func write(_ text: String, to file: URL) throws {
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
    }
}
