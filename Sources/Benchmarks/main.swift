// Benchmarks, run from the package root: `swift run -c release Benchmarks <case>`.
switch CommandLine.arguments.dropFirst().first {
case "parse":
    runParseBenchmark(iterations: CommandLine.arguments.dropFirst(2).first.flatMap { Int($0) } ?? 5)
default:
    print("usage: Benchmarks parse [iterations]")
}
