import Foundation
import Yams

/// Reads OpenStack `clouds.yaml` (`./clouds.yaml`, `~/.config/openstack/clouds.yaml`,
/// `/etc/openstack/clouds.yaml`, first found wins) and picks the cloud named by `OS_CLOUD`, or the only one.
public enum CloudsYAMLCredentials {
    /// The provider for the selected cloud, or nil when no file or cloud matches. Throws when `OS_CLOUD` names a
    /// cloud that no file defines, or when the file found is not YAML.
    public static func provider(
        from environment: CredentialEnvironment, transport: (any HTTPTransport)? = nil
    ) throws -> (any CredentialProvider)? {
        var paths: [String] = []
        if let current = environment.currentDirectory { paths.append(current + "/clouds.yaml") }
        if let home = environment.homeDirectory { paths.append(home + "/.config/openstack/clouds.yaml") }
        if let system = environment.systemDirectory { paths.append(system + "/openstack/clouds.yaml") }
        let cloudName = environment.value("OS_CLOUD")
        for path in paths {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { continue }
            do {
                return try provider(parsing: text, cloudName: cloudName, transport: transport)
            } catch let error as YamlError {
                throw ClientError("\(path) is not valid YAML\(Self.position(of: error))")
            }
        }
        if let cloudName {
            throw ClientError.missingCredentials(
                "OS_CLOUD names \(cloudName), but there is no clouds.yaml (looked for \(paths.joined(separator: ", ")))")
        }
        return nil
    }

    /// Where a YAML error is, without the text around it (the file holds passwords and keys).
    private static func position(of error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return " (line \(mark.line), column \(mark.column): \(problem))"
        default:
            return ""
        }
    }

    /// The provider for `cloudName` (or the only cloud) in YAML `text`; throws when `cloudName` is not in it.
    public static func provider(
        parsing text: String, cloudName: String?, transport: (any HTTPTransport)? = nil
    ) throws -> (any CredentialProvider)? {
        guard let root = try Yams.load(yaml: text) as? [String: Any],
            let clouds = root["clouds"] as? [String: Any]
        else { return nil }
        let selected: Any?
        if let cloudName {
            guard let cloud = clouds[cloudName] else {
                let known = clouds.keys.sorted().joined(separator: ", ")
                throw ClientError.missingCredentials("OS_CLOUD names \(cloudName), which clouds.yaml does not define (it has: \(known))")
            }
            selected = cloud
        } else {
            selected = clouds.count == 1 ? clouds.values.first : nil
        }
        guard let cloud = selected as? [String: Any] else { return nil }
        let auth = cloud["auth"] as? [String: Any] ?? [:]
        func string(_ key: String, in dictionary: [String: Any]) -> String? {
            switch dictionary[key] {
            case let value as String where !value.isEmpty: return value
            case let value as Int: return String(value)
            default: return nil
            }
        }
        let projectID = string("project_id", in: auth)
        if let ak = string("ak", in: auth) ?? string("access_key", in: auth),
            let sk = string("sk", in: auth) ?? string("secret_key", in: auth)
        {
            return StaticCredentialProvider(
                accessKey: ak, secretKey: sk, securityToken: string("security_token", in: auth), projectID: projectID)
        }
        guard let user = string("username", in: auth), let password = string("password", in: auth),
            let authURL = string("auth_url", in: auth).flatMap(URL.init(string:))
        else { return nil }
        let scope: IAMTokenProvider.ProjectScope? =
            projectID.map { .id($0) } ?? string("project_name", in: auth).map { .name($0) }
            ?? string("region_name", in: cloud).map { .name($0) }
        let domain =
            string("user_domain_name", in: auth) ?? string("domain_name", in: auth)
            ?? string("user_domain_id", in: auth) ?? user
        return IAMTokenProvider(
            authURL: authURL, userName: user, password: password, domainName: domain, scope: scope,
            transport: transport)
    }
}
