import Foundation
import TestSupport
import Testing

@testable import CloudCore

/// A throw-away directory tree for file-based providers.
struct TemporaryDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "cloudcore-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func write(_ relativePath: String, _ text: String) throws {
        let url = URL(fileURLWithPath: path + "/" + relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

@Suite("Credential providers")
struct CredentialProviderTests {
    @Test("HUAWEICLOUD_SDK_* variables give temporary AK/SK and a project id")
    func huaweiEnvironment() async throws {
        let environment = CredentialEnvironment(variables: [
            "HUAWEICLOUD_SDK_AK": "AK", "HUAWEICLOUD_SDK_SK": "SK", "HUAWEICLOUD_SDK_SECURITY_TOKEN": "T",
            "HUAWEICLOUD_SDK_PROJECT_ID": "P", "HUAWEICLOUD_SDK_DOMAIN_ID": "D",
        ])
        let credentials = try await #require(try EnvironmentCredentials.provider(from: environment)).credentials()
        #expect(credentials.authentication == .accessKey(.init(accessKey: "AK", secretKey: "SK", securityToken: "T")))
        #expect(credentials.projectID == "P")
        #expect(credentials.domainID == "D")
    }

    @Test("OS_ACCESS_KEY / OS_SECRET_KEY / OS_PROJECT_ID")
    func openStackKeys() async throws {
        let environment = CredentialEnvironment(variables: [
            "OS_ACCESS_KEY": "AK", "OS_SECRET_KEY": "SK", "OS_PROJECT_ID": "P", "HUAWEICLOUD_SDK_AK": "",
        ])
        let credentials = try await #require(try EnvironmentCredentials.provider(from: environment)).credentials()
        #expect(credentials.authentication == .accessKey(.init(accessKey: "AK", secretKey: "SK")))
        #expect(credentials.projectID == "P")
    }

    @Test("OS_USERNAME / OS_PASSWORD / OS_AUTH_URL give an IAM token provider")
    func openStackPassword() throws {
        let environment = CredentialEnvironment(variables: [
            "OS_USERNAME": "u", "OS_PASSWORD": "p", "OS_AUTH_URL": "https://iam.eu-de.otc.t-systems.com/v3",
            "OS_USER_DOMAIN_NAME": "OTC0001", "OS_PROJECT_NAME": "eu-de",
        ])
        #expect(try EnvironmentCredentials.provider(from: environment) is IAMTokenProvider)
        #expect(try EnvironmentCredentials.provider(from: CredentialEnvironment(variables: ["OS_USERNAME": "u"])) == nil)
    }

    @Test("~/.huaweicloud/credentials [basic] section")
    func profileFile() async throws {
        let home = try TemporaryDirectory()
        defer { home.remove() }
        try home.write(
            ".huaweicloud/credentials",
            "# comment\n[other]\nak = X\n\n[basic]\nak = AKF\nsk = SKF\nproject_id = PF\nsecurity_token =\n")
        let provider = try #require(ProfileFileCredentials.provider(from: CredentialEnvironment(variables: [:], homeDirectory: home.path)))
        let credentials = try await provider.credentials()
        #expect(credentials.authentication == .accessKey(.init(accessKey: "AKF", secretKey: "SKF")))
        #expect(credentials.projectID == "PF")
        #expect(ProfileFileCredentials.provider(parsing: "[basic]\nak = A\n") == nil)
    }

    @Test("clouds.yaml: cloud chosen by OS_CLOUD, AK/SK or password auth")
    func cloudsYAML() async throws {
        let yaml = """
            clouds:
              otc:
                region_name: eu-de
                auth:
                  auth_url: https://iam.eu-de.otc.t-systems.com/v3
                  username: alice
                  password: secret
                  project_name: eu-de
                  user_domain_name: OTC00000000001000000001
              keys:
                auth:
                  ak: AKY
                  sk: SKY
                  project_id: PY
            """
        let byKeys = try #require(try CloudsYAMLCredentials.provider(parsing: yaml, cloudName: "keys"))
        let credentials = try await byKeys.credentials()
        #expect(credentials.authentication == .accessKey(.init(accessKey: "AKY", secretKey: "SKY")))
        #expect(credentials.projectID == "PY")
        #expect(try CloudsYAMLCredentials.provider(parsing: yaml, cloudName: "otc") is IAMTokenProvider)
        #expect(try CloudsYAMLCredentials.provider(parsing: yaml, cloudName: nil) == nil)
        let missing = #expect(throws: ClientError.self) {
            try CloudsYAMLCredentials.provider(parsing: yaml, cloudName: "missing")
        }
        #expect(missing?.message.hasPrefix("no credentials found: OS_CLOUD names missing, which clouds.yaml does not define") == true)
    }

    @Test("half a key pair in the environment is an error naming the missing variable")
    func halfAKeyPair() {
        let cases: [([String: String], String)] = [
            (["HUAWEICLOUD_SDK_AK": "A"], "HUAWEICLOUD_SDK_AK is set but HUAWEICLOUD_SDK_SK is not"),
            (["HUAWEICLOUD_SDK_SK": "S", "OS_ACCESS_KEY": "A", "OS_SECRET_KEY": "S"], "HUAWEICLOUD_SDK_SK is set but HUAWEICLOUD_SDK_AK is not"),
            (["OS_SECRET_KEY": "S"], "OS_SECRET_KEY is set but OS_ACCESS_KEY is not"),
        ]
        for (variables, message) in cases {
            let error = #expect(throws: ClientError.self) {
                try EnvironmentCredentials.provider(from: CredentialEnvironment(variables: variables))
            }
            #expect(error?.message == "no credentials found: \(message)")
        }
    }

    @Test("clouds.yaml search order: ./ before ~/.config/openstack before /etc/openstack")
    func cloudsYAMLSearchOrder() async throws {
        let root = try TemporaryDirectory()
        defer { root.remove() }
        let cloud = { (ak: String) in "clouds:\n  c:\n    auth:\n      ak: \(ak)\n      sk: S\n" }
        try root.write("home/.config/openstack/clouds.yaml", cloud("HOME"))
        try root.write("etc/openstack/clouds.yaml", cloud("ETC"))
        var environment = CredentialEnvironment(
            variables: ["OS_CLOUD": "c"], homeDirectory: root.path + "/home", currentDirectory: root.path + "/cwd",
            systemDirectory: root.path + "/etc")
        var credentials = try await #require(try CloudsYAMLCredentials.provider(from: environment)).credentials()
        #expect(credentials.authentication == .accessKey(.init(accessKey: "HOME", secretKey: "S")))
        try root.write("cwd/clouds.yaml", cloud("CWD"))
        credentials = try await #require(try CloudsYAMLCredentials.provider(from: environment)).credentials()
        #expect(credentials.authentication == .accessKey(.init(accessKey: "CWD", secretKey: "S")))
        environment.currentDirectory = nil
        environment.homeDirectory = nil
        credentials = try await #require(try CloudsYAMLCredentials.provider(from: environment)).credentials()
        #expect(credentials.authentication == .accessKey(.init(accessKey: "ETC", secretKey: "S")))
    }

    @Test("default chain: environment first, then the profile file, then clouds.yaml; nothing throws")
    func defaultChain() async throws {
        let home = try TemporaryDirectory()
        defer { home.remove() }
        try home.write(".huaweicloud/credentials", "[basic]\nak = FILE\nsk = S\n")
        try home.write(".config/openstack/clouds.yaml", "clouds:\n  c:\n    auth:\n      ak: YAML\n      sk: S\n")
        let withEnv = DefaultCredentialChain(
            environment: CredentialEnvironment(
                variables: ["HUAWEICLOUD_SDK_AK": "ENV", "HUAWEICLOUD_SDK_SK": "S"], homeDirectory: home.path))
        #expect(try await withEnv.credentials().authentication == .accessKey(.init(accessKey: "ENV", secretKey: "S")))
        let fileOnly = DefaultCredentialChain(environment: CredentialEnvironment(variables: [:], homeDirectory: home.path))
        #expect(try await fileOnly.credentials().authentication == .accessKey(.init(accessKey: "FILE", secretKey: "S")))
        try FileManager.default.removeItem(atPath: home.path + "/.huaweicloud/credentials")
        let yamlOnly = DefaultCredentialChain(environment: CredentialEnvironment(variables: [:], homeDirectory: home.path))
        #expect(try await yamlOnly.credentials().authentication == .accessKey(.init(accessKey: "YAML", secretKey: "S")))
        let nothing = DefaultCredentialChain(environment: CredentialEnvironment(variables: [:]))
        await #expect(throws: ClientError.self) { try await nothing.credentials() }
    }

    @Test("both HUAWEICLOUD_SDK_* and OS_* set: the Huawei variables win, whole (no mixing of the two pairs)")
    func precedence() async throws {
        let environment = CredentialEnvironment(variables: [
            "HUAWEICLOUD_SDK_AK": "HAK", "HUAWEICLOUD_SDK_SK": "HSK", "OS_ACCESS_KEY": "OAK", "OS_SECRET_KEY": "OSK",
            "OS_SECURITY_TOKEN": "OT", "OS_USERNAME": "u", "OS_PASSWORD": "p", "OS_AUTH_URL": "https://iam.example/v3",
        ])
        let credentials = try await #require(try EnvironmentCredentials.provider(from: environment)).credentials()
        #expect(credentials.authentication == .accessKey(.init(accessKey: "HAK", secretKey: "HSK")))
    }

    @Test("a malformed clouds.yaml, or OS_CLOUD without any, is an error naming the file or the variable")
    func malformedCloudsYAML() throws {
        let home = try TemporaryDirectory()
        defer { home.remove() }
        let environment = CredentialEnvironment(variables: ["OS_CLOUD": "c"], homeDirectory: home.path)
        let none = #expect(throws: ClientError.self) { try CloudsYAMLCredentials.provider(from: environment) }
        #expect(none?.message.hasPrefix("no credentials found: OS_CLOUD names c, but there is no clouds.yaml") == true)
        try home.write(".config/openstack/clouds.yaml", "clouds:\n  c:\n    auth: {ak: A, sk: \"S3CRET\n")
        let malformed = #expect(throws: ClientError.self) { try CloudsYAMLCredentials.provider(from: environment) }
        #expect(malformed?.message.contains("/.config/openstack/clouds.yaml is not valid YAML (line ") == true, "\(String(describing: malformed))")
        #expect(malformed?.message.contains("S3CRET") == false)
    }
}

@Suite("Instance metadata credentials")
struct MetadataCredentialTests {
    @Test("the chain's last link: temporary keys and the project id from the metadata service, refreshed near expiry")
    func metadataService() async throws {
        let expiry = Locked(Date().addingTimeInterval(3600))
        let server = try await LoopbackServer.start { request, _ in
            switch request.path {
            case "/openstack/latest/securitykey":
                let formatter = ISO8601DateFormatter()
                let expires = formatter.string(from: expiry.current)
                return .respond(
                    status: 200,
                    body: #"{"credential": {"access": "TMPAK", "secret": "TMPSK", "securitytoken": "TOKEN", "expires_at": "\#(expires)"}}"#)
            case "/openstack/latest/meta_data.json":
                return .respond(status: 200, body: #"{"project_id": "meta-project", "name": "ecs-1"}"#)
            default:
                return .respond(status: 404, body: "{}")
            }
        }
        defer { Task { await server.shutdown() } }
        var environment = CredentialEnvironment(variables: [:], metadataEndpoint: server.baseURL)
        environment.metadataTimeout = .seconds(600)
        let chain = DefaultCredentialChain(environment: environment)
        let credentials = try await chain.credentials()
        #expect(credentials.authentication == .accessKey(.init(accessKey: "TMPAK", secretKey: "TMPSK", securityToken: "TOKEN")))
        #expect(credentials.projectID == "meta-project")
        _ = try await chain.credentials()
        #expect(server.requests.count == 2, "cached until close to its expiry")
        await chain.invalidate(credentials)
        _ = try await chain.credentials()
        #expect(server.requests.map(\.path).last == "/openstack/latest/securitykey")
        #expect(server.requests.count == 3, "the project id is read once")
    }

    @Test("no metadata service: the error lists every source")
    func noMetadataService() async throws {
        let refusing = try RefusingPort()
        var environment = CredentialEnvironment(
            variables: [:], metadataEndpoint: URL(string: "http://127.0.0.1:\(refusing.port)")!)
        // A refusal is immediate; the far deadline keeps a starved test task (the whole suite on two cores) from
        // reporting a timeout instead.
        environment.metadataTimeout = .seconds(600)
        let chain = DefaultCredentialChain(environment: environment)
        let error = await #expect(throws: ClientError.self) { try await chain.credentials() }
        #expect(error?.message.hasPrefix("no credentials found: set HUAWEICLOUD_SDK_AK") == true)
        #expect(error?.message.contains("or run on an ECS with an agency (the metadata service: could not connect") == true, "\(String(describing: error))")
        withExtendedLifetime(refusing) {}
    }
}
