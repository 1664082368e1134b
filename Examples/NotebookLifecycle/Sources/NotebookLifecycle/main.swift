// The ModelArts use case "creating a development environment instance", end to end: query the supported images,
// create a notebook instance, wait until it runs, prolong it, stop it, start it again, and delete it.
//
//     swift run NotebookLifecycle --region eu-de [--flavor modelarts.vm.cpu.2u] [--image-id ID] [--keep]
//     swift run NotebookLifecycle --endpoint http://127.0.0.1:8080 --project-id PROJECT
//
// Credentials come from the SDK's default chain: HUAWEICLOUD_SDK_AK / HUAWEICLOUD_SDK_SK (and
// HUAWEICLOUD_SDK_SECURITY_TOKEN), OS_* variables, ~/.huaweicloud/credentials or clouds.yaml.
import Foundation
import ModelArts

struct Options {
    var endpoint: URL?
    var region: Region?
    var projectID: String?
    var flavor = "modelarts.vm.cpu.2u"
    var imageID: String?
    var name = "sdk-lifecycle-\(Int(Date().timeIntervalSince1970))"
    var pollDelay: Duration = .seconds(5)
    var timeout: Duration = .seconds(1800)

    static let usage = """
        usage: NotebookLifecycle (--endpoint URL | --region REGION) [--project-id ID] [--flavor FLAVOR]
                                 [--image-id ID] [--name NAME] [--poll-delay SECONDS] [--wait-timeout SECONDS]
        """

    init(arguments: [String]) throws {
        let environment = ProcessInfo.processInfo.environment
        region = (environment["HUAWEICLOUD_SDK_REGION"] ?? environment["OS_REGION_NAME"]).map(Region.init(rawValue:))
        var remaining = arguments[...]
        func value(_ flag: String) throws -> String {
            guard let value = remaining.popFirst() else { throw ExampleError.usage("\(flag) needs a value") }
            return value
        }
        func seconds(_ flag: String) throws -> Duration {
            guard let seconds = Double(try value(flag)), seconds >= 0 else { throw ExampleError.usage("\(flag) takes seconds") }
            return .milliseconds(Int64(seconds * 1000))
        }
        while let flag = remaining.popFirst() {
            switch flag {
            case "--endpoint":
                guard let url = URL(string: try value(flag)), url.host != nil else { throw ExampleError.usage("--endpoint is a URL") }
                endpoint = url
            case "--region": region = Region(rawValue: try value(flag))
            case "--project-id": projectID = try value(flag)
            case "--flavor": flavor = try value(flag)
            case "--image-id": imageID = try value(flag)
            case "--name": name = try value(flag)
            case "--poll-delay": pollDelay = try seconds(flag)
            case "--wait-timeout": timeout = try seconds(flag)
            default: throw ExampleError.usage("unknown argument \(flag)")
            }
        }
        if endpoint == nil, region == nil { throw ExampleError.usage("either --endpoint or --region is required") }
    }
}

/// A failure the program reports in a sentence; `usage` ones are mistakes in the command line.
struct ExampleError: Error, CustomStringConvertible {
    let description: String
    var isUsage = false

    static func usage(_ description: String) -> Self { ExampleError(description: description, isUsage: true) }
}

func step(_ number: Int, _ text: String) {
    print("\(number). \(text)")
}

func run(_ options: Options) async throws {
    let configuration = ClientConfiguration(projectID: options.projectID)
    let modelArts: ModelArtsClient
    if let endpoint = options.endpoint {
        modelArts = try ModelArtsClient(endpoint: endpoint, region: options.region, configuration: configuration)
    } else if let region = options.region {
        modelArts = try ModelArtsClient(region: region, configuration: configuration)
    } else {
        throw ExampleError.usage("either --endpoint or --region is required")
    }
    let waiting = WaiterOptions(timeout: options.timeout, minDelay: options.pollDelay, maxDelay: max(options.pollDelay, .seconds(30)))

    // 1. The images a notebook can run: the one asked for, or the first built-in one.
    let images = try await modelArts.listImage(limit: 10, type: .buildIn).data ?? []
    guard let image = images.first(where: { options.imageID == nil || $0.id == options.imageID }), let imageID = image.id
    else { throw ExampleError(description: "no such built-in image among the \(images.count) listed") }
    step(1, "images: \(images.count) built in; using \(image.name ?? "?") (\(imageID))")

    // 2–3. Create the instance and wait until it runs.
    let created = try await modelArts.createNotebook(
        CreateNotebookRequest(
            description: "created by the NotebookLifecycle example", feature: .notebook, flavor: options.flavor,
            imageID: imageID, name: options.name, volume: VolumeReq(capacity: 50, category: .evs, ownership: .managed)))
    guard let id = created.id else { throw ExampleError(description: "the service answered without an instance id") }
    step(2, "created notebook \(id): \(created.status?.rawValue ?? "?")")
    do {
        try await continueLifecycle(of: id, modelArts: modelArts, waiting: waiting)
    } catch {
        // Leave nothing behind that bills: try to delete the instance, then report what went wrong.
        print("cleaning up: deleting notebook \(id) after: \(error)")
        _ = try? await modelArts.deleteNotebook(id: id)
        throw error
    }
}

func continueLifecycle(of id: String, modelArts: ModelArtsClient, waiting: WaiterOptions) async throws {
    let running = try await modelArts.waitForNotebook(id: id, status: [.running], options: waiting)
    step(3, "notebook \(id) is \(running.status?.rawValue ?? "?")")

    // 4. Prolong it by an hour.
    let lease = try await modelArts.renewLease(id: id, .init(duration: 3_600_000))
    step(4, "lease prolonged: \(lease.duration.map { "\($0 / 60_000) minutes" } ?? "?")")

    // 5–6. Stop it, and start it again.
    _ = try await modelArts.stopNotebook(id: id)
    let stopped = try await modelArts.waitForNotebook(id: id, status: [.stopped], options: waiting)
    step(5, "notebook \(id) is \(stopped.status?.rawValue ?? "?")")
    _ = try await modelArts.startNotebook(id: id)
    let restarted = try await modelArts.waitForNotebook(id: id, status: [.running], options: waiting)
    step(6, "notebook \(id) is \(restarted.status?.rawValue ?? "?")")

    // 7. Delete it.
    _ = try await modelArts.deleteNotebook(id: id)
    try await modelArts.waitForNotebookDeletion(id: id, options: waiting)
    step(7, "notebook \(id) is deleted")
}

do {
    try await run(Options(arguments: Array(CommandLine.arguments.dropFirst())))
} catch let error as ExampleError where error.isUsage {
    FileHandle.standardError.write(Data("error: \(error)\n\(Options.usage)\n".utf8))
    exit(64)
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
