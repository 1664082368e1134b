import APIRefCommands
import ArgumentParser

/// `apiref-generate`: the generator's `generate` and `generate-swift` alone, for the SwiftPM plugins. SwiftPM builds
/// a plugin's tool a second time, for the host; this one links no HTTP client, so that costs seconds, not minutes.
@main
struct APIRefGenerate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apiref-generate",
        abstract: "Regenerate spec/ and Generated/ (generate), or render a schema into Swift (generate-swift).",
        discussion: GeneratorCommands.discussion,
        subcommands: GeneratorCommands.plugins
    )
}
