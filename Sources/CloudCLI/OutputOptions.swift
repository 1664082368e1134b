import ArgumentParser

/// `--output`: how a command prints the response on success.
public struct OutputOptions: ParsableArguments, Sendable {
    /// The formats `--output` accepts.
    public enum Format: String, ExpressibleByArgument, CaseIterable, Sendable {
        /// The response body as the service sent it, pretty-printed with sorted keys.
        case json
        /// The listed elements as a table of their scalar fields; a response that lists nothing prints as JSON.
        case table
    }

    @Option(
        help: """
            How to print the response: json (the body, pretty-printed) or table (one row per listed element, one \
            column per scalar field; a response without a list prints as json).
            """)
    public var output: Format = .json

    @Option(
        name: .customLong("response-header"),
        help: ArgumentHelp(
            """
            Print the value of this response header field instead of the body (repeatable: one line per field, in \
            order); an answer without it exits 1. For scripts: TOKEN=$(otc iam … --response-header X-Subject-Token).
            """,
            valueName: "name"))
    public var responseHeaders: [String] = []

    public init() {}
}
