import ArgumentParser
import Foundation

/// How `otc` runs a command line: names that match no service or operation are reported with the nearest ones
/// (exit status 64), `--generate-skeleton` prints its template before anything else is checked, and the rest is
/// ArgumentParser's (unknown options with their nearest spelling, help, `--version`, completion scripts).
public enum CommandLineEntry {
    /// The executable's name, which every usage starts with.
    public static let executableName = "otc"

    /// Where a command line leads in the tree of commands: the commands it names, root first, and the first word
    /// that names none of the last one's subcommands where one was expected.
    struct Resolution {
        var path: [any ParsableCommand.Type]
        var unknown: String?
    }

    /// Follows the words of `arguments` down from `root` until an option, `help`, or a command without
    /// subcommands (whose words are its arguments).
    static func resolve(_ arguments: [String], root: any ParsableCommand.Type) -> Resolution {
        var path: [any ParsableCommand.Type] = [root]
        for argument in arguments {
            let subcommands = path.last!.configuration.subcommands
            if argument.hasPrefix("-") || argument == "help" || subcommands.isEmpty { break }
            guard let next = subcommands.first(where: { $0._commandName == argument }) else {
                return Resolution(path: path, unknown: argument)
            }
            path.append(next)
        }
        return Resolution(path: path, unknown: nil)
    }

    /// The error for a word of `arguments` that names no service (or no operation of the service named), with
    /// the nearest names; `nil` when every word names one.
    public static func unknownCommandMessage(_ arguments: [String], root: any ParsableCommand.Type) -> String? {
        let resolution = resolve(arguments, root: root)
        guard let unknown = resolution.unknown else { return nil }
        let parent = resolution.path.last!
        let names = parent.configuration.subcommands.map { $0._commandName }
        let parentLine = resolution.path.map { $0._commandName }.joined(separator: " ")
        var message = resolution.path.count == 1
            ? "unknown service '\(unknown)'" : "unknown operation '\(unknown)' of \(parentLine)"
        message += "; " + (Suggestions.hint(Suggestions.nearest(to: unknown, among: names))
            ?? "'\(parentLine) --help' lists them")
        return message
    }

    /// The pretty-printed body template when `arguments` ask for one (`--generate-skeleton`, before any `--`) of
    /// a command that has one.
    public static func skeleton(for arguments: [String], root: any ParsableCommand.Type) -> String? {
        let options = arguments.prefix { $0 != "--" }
        guard options.contains(BodySkeletonOption.flag),
            let command = resolve(arguments, root: root).path.last as? any BodySkeletonCommand.Type
        else { return nil }
        return BodySkeletonOption.text(command.bodySkeleton)
    }

    /// Runs the command line `arguments` (without the executable's name) with `Root` as the root command, and
    /// exits with the command's status.
    public static func main<Root: AsyncParsableCommand>(_ root: Root.Type, arguments: [String]) async -> Never {
        if let message = unknownCommandMessage(arguments, root: root) {
            let usage = Root.usageString(for: resolve(arguments, root: root).path.last!)
            OperationRunner.writeError("Error: \(message)\nUsage: \(usage)\n")
            exit(ExitCode.validationFailure.rawValue)
        }
        if let skeleton = skeleton(for: arguments, root: root) {
            print(skeleton)
            exit(0)
        }
        do {
            var command = try Root.parseAsRoot(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            Root.exit(withError: error)
        }
        exit(0)
    }
}
