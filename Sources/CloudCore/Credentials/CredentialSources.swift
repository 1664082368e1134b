import Foundation

/// Where credential lookups read from; injectable so tests never depend on the machine.
public struct CredentialEnvironment: Sendable {
    /// Environment variables.
    public var variables: [String: String]
    /// The user's home directory (for `~/.huaweicloud/credentials` and `~/.config/openstack/clouds.yaml`).
    public var homeDirectory: String?
    /// The working directory (for `./clouds.yaml`).
    public var currentDirectory: String?
    /// System-wide configuration directory (for `/etc/openstack/clouds.yaml`); nil skips it.
    public var systemDirectory: String?
    /// The instance metadata service asked last (temporary keys of an ECS agency); nil skips it.
    public var metadataEndpoint: URL?
    /// How long each request to the metadata service may take, connect included.
    public var metadataTimeout: Duration = .seconds(2)

    /// Creates an environment.
    public init(
        variables: [String: String], homeDirectory: String? = nil, currentDirectory: String? = nil,
        systemDirectory: String? = nil, metadataEndpoint: URL? = nil
    ) {
        self.variables = variables
        self.homeDirectory = homeDirectory
        self.currentDirectory = currentDirectory
        self.systemDirectory = systemDirectory
        self.metadataEndpoint = metadataEndpoint
    }

    /// The real process environment, home and working directories, `/etc`, and the metadata service at
    /// `$HUAWEICLOUD_SDK_METADATA_ENDPOINT` (`none` skips it; default ``MetadataCredentialProvider/defaultEndpoint``).
    public static var process: CredentialEnvironment {
        let variables = ProcessInfo.processInfo.environment
        let metadata = variables["HUAWEICLOUD_SDK_METADATA_ENDPOINT"].flatMap { $0.isEmpty ? nil : $0 }
        return CredentialEnvironment(
            variables: variables, homeDirectory: variables["HOME"] ?? NSHomeDirectory(),
            currentDirectory: FileManager.default.currentDirectoryPath, systemDirectory: "/etc",
            metadataEndpoint: metadata == "none" ? nil : metadata.flatMap(URL.init(string:)) ?? MetadataCredentialProvider.defaultEndpoint)
    }

    /// A variable's value, treating empty as unset.
    func value(_ name: String) -> String? {
        guard let value = variables[name], !value.isEmpty else { return nil }
        return value
    }
}

/// Builds providers from the environment variables the Huawei Cloud SDKs and OpenStack tools use.
public enum EnvironmentCredentials {
    /// `HUAWEICLOUD_SDK_AK`/`_SK` (+ `_SECURITY_TOKEN`, `_PROJECT_ID`, `_DOMAIN_ID`), then `OS_ACCESS_KEY`/`OS_SECRET_KEY`
    /// (+ `OS_PROJECT_ID`), then `OS_USERNAME`/`OS_PASSWORD`/`OS_AUTH_URL` (+ `OS_USER_DOMAIN_NAME`,
    /// `OS_PROJECT_ID` or `OS_PROJECT_NAME`) for IAM tokens. Returns nil when none is set; throws when only half of
    /// a key pair is (an access key without its secret key, or the reverse), naming the missing variable.
    public static func provider(
        from environment: CredentialEnvironment, transport: (any HTTPTransport)? = nil
    ) throws -> (any CredentialProvider)? {
        for (access, secret) in [("HUAWEICLOUD_SDK_AK", "HUAWEICLOUD_SDK_SK"), ("OS_ACCESS_KEY", "OS_SECRET_KEY")] {
            switch (environment.value(access), environment.value(secret)) {
            case (_?, nil): throw ClientError.missingCredentials("\(access) is set but \(secret) is not")
            case (nil, _?): throw ClientError.missingCredentials("\(secret) is set but \(access) is not")
            default: continue
            }
        }
        if let ak = environment.value("HUAWEICLOUD_SDK_AK"), let sk = environment.value("HUAWEICLOUD_SDK_SK") {
            return StaticCredentialProvider(
                accessKey: ak, secretKey: sk, securityToken: environment.value("HUAWEICLOUD_SDK_SECURITY_TOKEN"),
                projectID: environment.value("HUAWEICLOUD_SDK_PROJECT_ID") ?? environment.value("OS_PROJECT_ID"),
                domainID: environment.value("HUAWEICLOUD_SDK_DOMAIN_ID"))
        }
        if let ak = environment.value("OS_ACCESS_KEY"), let sk = environment.value("OS_SECRET_KEY") {
            return StaticCredentialProvider(
                accessKey: ak, secretKey: sk, securityToken: environment.value("OS_SECURITY_TOKEN"),
                projectID: environment.value("OS_PROJECT_ID"))
        }
        if let user = environment.value("OS_USERNAME"), let password = environment.value("OS_PASSWORD"),
            let authURL = environment.value("OS_AUTH_URL").flatMap(URL.init(string:))
        {
            let scope: IAMTokenProvider.ProjectScope? =
                environment.value("OS_PROJECT_ID").map { .id($0) }
                ?? environment.value("OS_PROJECT_NAME").map { .name($0) }
                ?? environment.value("OS_REGION_NAME").map { .name($0) }
            return IAMTokenProvider(
                authURL: authURL, userName: user, password: password,
                domainName: environment.value("OS_USER_DOMAIN_NAME") ?? environment.value("OS_DOMAIN_NAME") ?? user,
                scope: scope, transport: transport)
        }
        return nil
    }
}

/// Reads `~/.huaweicloud/credentials`, an INI file whose `[basic]` section has `ak`, `sk`, `project_id`,
/// `security_token` and optionally `domain_id`.
public enum ProfileFileCredentials {
    /// The provider for the file under `environment.homeDirectory`, or nil when it is missing or incomplete.
    public static func provider(from environment: CredentialEnvironment) -> (any CredentialProvider)? {
        guard let home = environment.homeDirectory,
            let text = try? String(contentsOfFile: home + "/.huaweicloud/credentials", encoding: .utf8)
        else { return nil }
        return provider(parsing: text)
    }

    /// The provider for INI `text`, or nil when `[basic]` lacks `ak` or `sk`.
    public static func provider(parsing text: String) -> (any CredentialProvider)? {
        let basic = parseINI(text)["basic"] ?? [:]
        guard let ak = basic["ak"], !ak.isEmpty, let sk = basic["sk"], !sk.isEmpty else { return nil }
        return StaticCredentialProvider(
            accessKey: ak, secretKey: sk, securityToken: basic["security_token"].flatMap { $0.isEmpty ? nil : $0 },
            projectID: basic["project_id"].flatMap { $0.isEmpty ? nil : $0 },
            domainID: basic["domain_id"].flatMap { $0.isEmpty ? nil : $0 })
    }

    /// Sections → keys → values; `#` and `;` start comments, keys are lower-cased.
    static func parseINI(_ text: String) -> [String: [String: String]] {
        var result: [String: [String: String]] = [:]
        var section = ""
        for rawLine in text.split(whereSeparator: \.isNewline) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("["), line.hasSuffix("]") {
                section = String(line.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
                continue
            }
            guard let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            result[section, default: [:]][key] = value
        }
        return result
    }
}
