import CloudCore
import Foundation

/// Measures `JSONModelDecoder`, which decodes every response body, against Foundation's `JSONDecoder` decoding the
/// same bodies into the same models in the same run: a one-field body (the client benchmark's) and a list of 200
/// notebooks shaped as ModelArts answers `ListNotebooks` (nested objects, arrays, optional and open-enum fields).
func runDecodeBenchmark() {
    let small = Data(#"{"id":"t"}"#.utf8)
    let list = notebookList(count: 200)
    compare("one-field body", small, as: SmallBody.self, iterations: 200_000)
    compare("list of 200 notebooks (\(list.count / 1024) KiB)", list, as: NotebookList.self, iterations: 200)
}

private func compare<T: Decodable & Equatable>(_ label: String, _ body: Data, as type: T.Type, iterations: Int) {
    let foundation = JSONDecoder()
    let ours = JSONModelDecoder()
    precondition(try! ours.decode(T.self, from: body) == foundation.decode(T.self, from: body), "decoders disagree")
    var foundationTime = Double.infinity
    var ourTime = Double.infinity
    // Five rounds each, taking turns; the fastest round of each counts (the least disturbed by other work).
    for _ in 0..<5 {
        foundationTime = min(foundationTime, timePerCall(iterations) { try foundation.decode(T.self, from: body) })
        ourTime = min(ourTime, timePerCall(iterations) { try ours.decode(T.self, from: body) })
    }
    print(
        "decode \(label): JSONModelDecoder \(format(ourTime)), JSONDecoder \(format(foundationTime)) per body; "
            + "ratio \(String(format: "%.2f", ourTime / foundationTime))×")
}

private func timePerCall<T>(_ iterations: Int, _ decode: () throws -> T) -> Double {
    let start = ContinuousClock.now
    for _ in 0..<iterations { _ = try! decode() }
    let elapsed = ContinuousClock.now - start
    return elapsed.inSeconds / Double(iterations)
}

private func format(_ seconds: Double) -> String {
    seconds < 1e-3 ? String(format: "%.2f µs", seconds * 1e6) : String(format: "%.2f ms", seconds * 1e3)
}

private struct SmallBody: Decodable, Equatable {
    var id: String
}

private struct Status: OpenEnum {
    let rawValue: String
    init(rawValue: String) { self.rawValue = rawValue }
}

private struct NotebookList: Decodable, Equatable {
    struct Notebook: Decodable, Equatable {
        struct Flavor: Decodable, Equatable {
            var name: String?
            var cpu: Int?
            var memory: Int?
            var gpu: Double?
        }
        struct Volume: Decodable, Equatable {
            var category: String?
            var ownership: String?
            var capacity: Int?
            var mountPath: String?
            enum CodingKeys: String, CodingKey {
                case category, ownership, capacity
                case mountPath = "mount_path"
            }
        }
        var id: String
        var name: String?
        var description: String?
        var status: Status?
        var flavor: Flavor?
        var volume: Volume?
        var tags: [String]?
        var endpoints: [[String: String]]?
        var createAt: Int64?
        var updateAt: Int64?
        var autoStop: Bool?
        var duration: Int?
        var userID: String?
        var workspaceID: String?
        enum CodingKeys: String, CodingKey {
            case id, name, description, status, flavor, volume, tags, endpoints, duration
            case createAt = "create_at"
            case updateAt = "update_at"
            case autoStop = "auto_stop"
            case userID = "user_id"
            case workspaceID = "workspace_id"
        }
    }
    var current: Int?
    var data: [Notebook]?
    var pages: Int?
    var size: Int?
    var total: Int?
}

/// A `ListNotebooks` answer with `count` notebooks, written in the order the service writes its fields.
private func notebookList(count: Int) -> Data {
    let notebooks = (0..<count).map { index in
        """
        {"auto_stop":\(index % 2 == 0),"create_at":16358\(index)00000,"description":"notebook number \(index), \
        with a longer description \\"quoted\\"","duration":3600000,"endpoints":[{"service":"NOTEBOOK",\
        "uri":"https://authoring.eu-de.otc.t-systems.com/\(index)/lab"},{"service":"SSH","key_pair_names":"kp-\(index)"}],\
        "flavor":{"name":"modelarts.vm.cpu.2u","cpu":2,"memory":8,"gpu":0.5},\
        "id":"3f2c8d6e-\(index)-4a1b-9c7d-1e2f3a4b5c6d","name":"notebook-\(index)","status":"RUNNING",\
        "tags":["team-a","env:test","owner-\(index)"],"update_at":16358\(index)99999,\
        "user_id":"a9b8c7d6e5f4","volume":{"capacity":50,"category":"EFS","mount_path":"/home/ma-user/work/",\
        "ownership":"MANAGED"},"workspace_id":"0"}
        """
    }
    let page = #"{"current":0,"data":[\#(notebooks.joined(separator: ","))],"pages":1,"size":\#(count),"total":\#(count)}"#
    return Data(page.utf8)
}
