import CloudCore
import Crypto
import Foundation

/// Measures `RequestSigner.sign` on a typical ModelArts request against a baseline measured in the same
/// run: the body SHA-256, the canonical-request SHA-256 and the HMAC alone over the same canonical request. Both are
/// timed warm (signatures per second in a loop) and right after the caches were evicted (median of single runs).
func runSigningBenchmark() async {
    let body = Data(
        #"{"name":"notebook-bench","flavor":"modelarts.vm.cpu.2u","image_id":"e1a07296-22a8-4f05-8bc8-e936c8e54090","volume":{"category":"EVS","ownership":"MANAGED","capacity":50}}"#
            .utf8)
    var query = QueryItems()
    query.append("limit", 50)
    query.append("offset", 100)
    query.append("status", ["RUNNING", "STOPPED"])
    query.append("name", "bench notebook/ü")
    let headers: [(name: String, value: String)] = [
        ("Host", "modelarts.eu-de.otc.t-systems.com"),
        ("Content-Type", "application/json;charset=UTF-8"),
        ("X-Project-Id", "0a1b2c3d4e5f"),
        ("X-Language", "en-us"),
    ]
    let path = "/v1/0a1b2c3d4e5f/notebooks"
    let date = Date(timeIntervalSince1970: 1_573_789_015)
    let signer = RequestSigner(accessKey: "QTWAOYTTINDUT2QVKYUC", secretKey: "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc")
    let canonical = Data(
        RequestSigner.canonicalRequest(method: "POST", path: path, query: query, headers: headers, body: body, date: date)
            .utf8)
    let key = SymmetricKey(data: Array("MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc".utf8))
    let dateString = "20191115T033655Z"

    func measure(_ iterations: Int, _ work: () -> Int) -> Double {
        var sink = 0
        let start = ContinuousClock.now
        for _ in 0..<iterations { sink &+= work() }
        let elapsed = ContinuousClock.now - start
        if sink == 42 { print("") }  // keep the work observable
        return Double(iterations) / elapsed.inSeconds
    }

    let baseline = {
        let bodyDigest = SHA256.hash(data: body)
        let requestDigest = SHA256.hash(data: canonical)
        var stringToSign = Data("SDK-HMAC-SHA256\n\(dateString)\n".utf8)
        stringToSign.append(contentsOf: requestDigest)
        let mac = HMAC<SHA256>.authenticationCode(for: stringToSign, using: key)
        return Int(bodyDigest.first { _ in true } ?? 0) &+ Int(mac.first { _ in true } ?? 0)
    }
    let full = {
        signer.sign(method: "POST", path: path, query: query, headers: headers, body: body, date: date)
            .authorization.utf8.count
    }

    let iterations = 50_000
    _ = measure(iterations / 10, baseline)
    _ = measure(iterations / 10, full)
    var baselineRates: [Double] = []
    var signerRates: [Double] = []
    for _ in 0..<3 {
        baselineRates.append(measure(iterations, baseline))
        signerRates.append(measure(iterations, full))
    }
    let baselineRate = baselineRates.max()!
    let signerRate = signerRates.max()!
    print("signing: full signer \(Int(signerRate)) signatures/s")
    print("signing: baseline (2×SHA-256 + HMAC) \(Int(baselineRate)) /s")
    print("signing: ratio baseline/signer \(String(format: "%.2f", baselineRate / signerRate))× (goal ≤ 3×)")

    var evictor = CacheEvictor()
    // Alternated, so that neither always runs with the other's lines in the caches.
    var coldSigner: [Double] = []
    var coldBaseline: [Double] = []
    for _ in 0..<5 {
        coldSigner.append(await evictor.medianMicroseconds(samples: 400) { _ = full() })
        coldBaseline.append(await evictor.medianMicroseconds(samples: 400) { _ = baseline() })
    }
    let (signerMicroseconds, baselineMicroseconds) = (coldSigner.min()!, coldBaseline.min()!)
    print(
        "signing after evicting the caches: full signer \(String(format: "%.1f", signerMicroseconds)) µs, baseline "
            + "\(String(format: "%.1f", baselineMicroseconds)) µs, ratio signer/baseline "
            + "\(String(format: "%.2f", signerMicroseconds / baselineMicroseconds))×")
}
