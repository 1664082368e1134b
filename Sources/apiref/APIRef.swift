import APIRefCommands
import ArgumentParser

/// `apiref`: API reference pages → intermediate schema → OpenAPI 3.1 and Swift; `apiref fetch` mirrors the
/// published pages first.
@main
struct APIRef: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apiref",
        abstract: "Turns HTML API reference pages into an intermediate schema, OpenAPI 3.1 and a Swift SDK.",
        discussion: GeneratorCommands.discussion,
        subcommands: GeneratorCommands.all + [Fetch.self]
    )
}
