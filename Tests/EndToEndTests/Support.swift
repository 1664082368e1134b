import CloudCore
import Foundation
import TestSupport

/// Where each service's pages are, relative to the package root.
enum Docs {
    static let modelArts = "../shared/docs/modelarts/site"
    static let ecs = "../shared/docs/ecs/site"
    static let iam = "../shared/docs/iam/site"
}

extension ClientConfiguration {
    /// The loopback cloud's keys and project; `attempts` and `timeout` for the fault tests.
    static func loopback(attempts: Int = 3, timeout: Duration = .seconds(20)) -> ClientConfiguration {
        ClientConfiguration(
            credentials: StaticCredentialProvider(accessKey: LoopbackCloud.accessKey, secretKey: LoopbackCloud.secretKey),
            projectID: LoopbackCloud.projectID,
            retry: RetryPolicy(maxAttempts: attempts, baseDelay: .milliseconds(50)),
            timeouts: Timeouts(connect: .seconds(5), request: timeout))
    }
}

/// A request model read from JSON written in the test (the values are ours, the field names the pages').
func model<Model: Decodable>(_ json: String, as type: Model.Type = Model.self) throws -> Model {
    try JSONDecoder().decode(Model.self, from: Data(json.utf8))
}

/// JSON text as a value, for comparing with what the server received.
func json(_ text: String) throws -> JSONValue {
    try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
}

/// Every request carried a signature the official signer agrees with.
func allSigned(_ requests: [ReceivedRequest]) -> Bool {
    !requests.isEmpty && requests.allSatisfy { $0.signature == "valid" }
}


/// A certificate for one host name, signed by its own key, with that key: what a TLS test server presents and a
/// client trusts explicitly. Made with the `openssl` command (`.ci/run` installs it where missing).
struct SelfSignedCertificate {
    var certificateFile: String
    var keyFile: String

    static func make(for host: String) async throws -> SelfSignedCertificate {
        let folder = FileManager.default.temporaryDirectory.appending(path: "e2e-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let certificate = SelfSignedCertificate(
            certificateFile: folder.appending(path: "certificate.pem").path, keyFile: folder.appending(path: "key.pem").path)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
            "-days", "1", "-subj", "/CN=\(host)", "-addext", "subjectAltName=DNS:\(host)",
            "-keyout", certificate.keyFile, "-out", certificate.certificateFile,
        ]
        process.standardError = FileHandle.nullDevice
        try process.run()
        await onOwnThread { process.waitUntilExit() }
        guard process.terminationStatus == 0 else {
            throw SetupError("openssl could not make a certificate for \(host) (exit \(process.terminationStatus))")
        }
        return certificate
    }
}
