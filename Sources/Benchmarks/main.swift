// Benchmarks, run from the package root: `swift run -c release Benchmarks [parse [iterations] | signing | decode | client]`,
// and `compile [runs]` (minutes; never in CI, not run with the others).
// Each case prints its figures next to a baseline measured in the same run; with no case, all run.
let arguments = CommandLine.arguments.dropFirst()
let parseIterations = arguments.dropFirst().first.flatMap { Int($0) } ?? 5

switch arguments.first {
case "parse":
    runParseBenchmark(iterations: parseIterations)
case "signing":
    await runSigningBenchmark()
case "decode":
    runDecodeBenchmark()
case "client":
    try await runClientBenchmark()
case "compile":
    try runCompileBenchmark(runs: arguments.dropFirst().first.flatMap { Int($0) } ?? 3)
case nil:
    runParseBenchmark(iterations: parseIterations)
    await runSigningBenchmark()
    runDecodeBenchmark()
    try await runClientBenchmark()
case let other?:
    print("unknown benchmark \(other); usage: Benchmarks [parse [iterations] | signing | decode | client | compile [runs]]")
}
