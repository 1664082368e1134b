/// What a service's reference says of one of its error codes.
public struct ErrorCodeDocumentation: Sendable, Hashable {
    /// The HTTP status the reference pairs the code with, when it gives one.
    public var status: Int?
    /// The message the service sends with the code.
    public var message: String
    /// What the code means, when the reference says more than the message.
    public var description: String
    /// What to do about it.
    public var solution: String

    /// Creates the documentation of a code.
    public init(status: Int?, message: String, description: String = "", solution: String = "") {
        self.status = status
        self.message = message
        self.description = description
        self.solution = solution
    }
}

/// The error codes a service documents, as an open enum: each generated SDK has one (`ECSErrorCode`), with a
/// static member per documented code and the reference's text for each.
public protocol DocumentedErrorCode: OpenEnum {
    /// The reference's text of every documented code, by code.
    static var documentedCodes: [String: ErrorCodeDocumentation] { get }
}

extension DocumentedErrorCode {
    /// What the reference says of this code; nil for a code it does not list.
    public var documentation: ErrorCodeDocumentation? { Self.documentedCodes[rawValue] }
}

/// A service client whose service documents its error codes: what a command-line client prints under a failure.
public protocol DocumentsErrorCodes {
    /// The reference's text of every documented code of the service, by code.
    static var documentedErrorCodes: [String: ErrorCodeDocumentation] { get }
}

extension APIError {
    /// The error's code as one service's error-code type (`error.code(as: ECSErrorCode.self) == .ecs0005`); nil
    /// when the body carried no code.
    public func code<Code: OpenEnum>(as type: Code.Type) -> Code? {
        code.map(Code.init(rawValue:))
    }
}
