switch CommandLine.arguments.dropFirst().first {
case "signing": runSigningBenchmark()
default: runSigningBenchmark()
}
