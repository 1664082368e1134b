/// One row of a service's error-code table: an `error_code` a failed call may carry, as the reference explains it.
public struct ErrorCode: Codable, Sendable, Hashable {
    /// The code as the service sends it (`ModelArts.0101`, `Ecs.0005`).
    public var code: String
    /// The HTTP status the table pairs it with, when it gives one.
    public var status: Int?
    /// The error message the service sends with it.
    public var message: String
    /// What it means, when the table says more than the message.
    public var description: String
    /// What to do about it (the table's Solution, Handling Measure or Measure column).
    public var solution: String
    /// Where the table lists it.
    public var source: SourceLocation

    public init(
        code: String, status: Int?, message: String, description: String, solution: String, source: SourceLocation
    ) {
        self.code = code
        self.status = status
        self.message = message
        self.description = description
        self.solution = solution
        self.source = source
    }
}
