import ArgumentParser
import CloudCore
import Foundation

/// A command whose request body has a template: `--generate-skeleton` prints it (like the aws CLI's
/// `--generate-cli-skeleton`) and exits without sending anything, whatever else the command line lacks.
public protocol BodySkeletonCommand: ParsableCommand {
    /// Every field of the request body, nested objects included, as JSON: strings empty, numbers 0, booleans
    /// false, documented values joined with `|`, one element per array.
    static var bodySkeleton: String { get }
}

/// `--generate-skeleton`, declared on every command with a request body so that help lists it; ``CommandLineEntry``
/// acts on it before the command line is parsed.
public struct BodySkeletonOption: ParsableArguments, Sendable {
    @Flag(
        name: .customLong("generate-skeleton"),
        help: "Print a template of the request body (for --body) and exit without sending a request.")
    public var generateSkeleton = false

    public init() {}

    /// The flag as written on a command line.
    public static let flag = "--generate-skeleton"

    /// `skeleton` (a command's ``BodySkeletonCommand/bodySkeleton``) pretty-printed with sorted keys.
    public static func text(_ skeleton: String) -> String {
        OperationRunner.prettyJSON(Data(skeleton.utf8))
    }
}
