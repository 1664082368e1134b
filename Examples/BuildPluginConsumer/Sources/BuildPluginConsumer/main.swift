// Lists the EVS disks of a project with a client the build plugin generated from evs.apiref.json: EVSClient and
// its models are part of this target, compiled from the plugin's output, so there is no `import EVS`.
//
//     swift run BuildPluginConsumer --endpoint https://evs.eu-de.otc.t-systems.com [--project-id ID]
//
// Credentials come from the SDK's default chain: HUAWEICLOUD_SDK_AK / HUAWEICLOUD_SDK_SK, OS_* variables,
// ~/.huaweicloud/credentials or clouds.yaml.
import CloudCore
import Foundation

let usage = "usage: BuildPluginConsumer --endpoint URL [--project-id ID]"

func options(_ arguments: [String]) -> (endpoint: URL, projectID: String?)? {
    var endpoint: URL?
    var projectID: String?
    var remaining = arguments[...]
    while let flag = remaining.popFirst() {
        guard let value = remaining.popFirst() else { return nil }
        switch flag {
        case "--endpoint": endpoint = URL(string: value).flatMap { $0.host == nil ? nil : $0 }
        case "--project-id": projectID = value
        default: return nil
        }
    }
    return endpoint.map { ($0, projectID) }
}

guard let (endpoint, projectID) = options(Array(CommandLine.arguments.dropFirst())) else {
    FileHandle.standardError.write(Data("\(usage)\n".utf8))
    exit(64)
}
do {
    let evs = try EVSClient(endpoint: endpoint, configuration: ClientConfiguration(projectID: projectID))
    // GET /v2/{project_id}/cloudvolumes/detail
    let disks = try await evs.listVolumes(limit: 10)
    print("disks: \(disks.volumes?.count ?? 0)")
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
