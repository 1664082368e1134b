import ArgumentParser
import CloudCore
import Foundation
import HTTPTypes

/// Runs one operation for a generated command: builds the client from the ``ConnectionOptions``, calls the
/// typed SDK method, prints the response, and turns failures into messages on standard error and exit statuses.
///
/// | exit status | meaning |
/// |---|---|
/// | 0 | success; the response body, pretty-printed JSON, on standard output (with a warning on standard error when it does not fit the documented model), the response headers the page documents on standard error; or, with `--response-header`, those fields' values |
/// | 1 | the service answered with an error (status, `error_code`, `error_msg`, request id on standard error), or its answer lacks a field `--response-header` asks for |
/// | 3 | a wait ended without the state it waited for: a failure state, its timeout or its poll limit |
/// | 64 | bad arguments (usage on standard error) |
/// | 69 | no response: connection refused or dropped, a failed TLS handshake, or timed out after every attempt |
/// | 70 | anything else (an internal error) |
/// | 78 | the client cannot be configured: no credentials, half a key pair, an unknown `OS_CLOUD`, no project for the region, an unreadable `--ca-file` |
public enum OperationRunner {
    /// Calls `operation` on the service client `makeClient` wraps, made in `scope` (in the project `projectID`,
    /// when given), and prints the response in `format`; `usage` (the command's, below `otc`) is printed with
    /// argument errors.
    ///
    /// The SDK method decodes the response into its model, which proves the response fits; what is printed is
    /// the body as the service sent it, so fields the documentation does not list are not lost (see
    /// ``CommandOutput`` for the exceptions).
    public static func run<Client>(
        _ connection: ConnectionOptions, projectID: String? = nil, format: OutputOptions.Format = .json,
        responseHeaders: [String] = [], endpointPrefix: String, scope: ServiceScope = .project, usage: String,
        makeClient: (ServiceClient) -> Client, operation: (Client, CommandOutput) async throws -> Void
    ) async throws {
        let recorder = ResponseRecorder()
        let output = CommandOutput(recorder: recorder)
        do {
            let client = makeClient(
                try connection.serviceClient(
                    endpointPrefix: endpointPrefix, scope: scope, projectID: projectID, middlewares: [recorder]))
            try await operation(client, output)
        } catch let error as UsageError {
            writeError("Error: \(error.description)\nUsage: \(CommandLineEntry.executableName) \(usage)\n")
            throw ExitCode(64)
        } catch let error as APIError {
            writeError(describe(error, documented: (Client.self as? any DocumentsErrorCodes.Type)?.documentedErrorCodes))
            throw ExitCode(1)
        } catch let error as TransportError {
            writeError("Error: no response from the service: \(error.description)\n")
            throw ExitCode(69)
        } catch let error as ClientError {
            writeError("Error: \(error.description)\n")
            throw ExitCode(78)
        } catch let error as WaiterError {
            writeError("Error: \(error.description)\n")
            throw ExitCode(3)
        } catch let error as ResponseDecodingError {
            // The service did what was asked: reporting a failure would invite a retry of a call that succeeded.
            writeError("Warning: \(error.description); printed as the service sent it\n")
        } catch let error as ExitCode {
            throw error
        } catch {
            writeError("Error: \(error)\n")
            throw ExitCode(70)
        }
        if !responseHeaders.isEmpty {
            try printHeaderValues(responseHeaders, of: recorder.lastHeaders)
            return
        }
        if let elements = output.elements {
            print(format == .table ? rendered(encoded(elements), as: format) : prettyJSON(elements))
        } else if let body = recorder.lastBody, !body.isEmpty {
            print(rendered(body, as: format))
        }
        writeError(documentedHeaderLines(output.documentedHeaders, of: recorder.lastHeaders))
    }

    /// `--response-header`: the value of each named field, one line each, in the order asked; a field the response
    /// does not carry is an error (exit status 1), so that a script never goes on with an empty token.
    static func printHeaderValues(_ names: [String], of headers: ResponseHeaders) throws {
        let missing = names.filter { headers[$0] == nil }
        guard missing.isEmpty else {
            writeError("Error: the response has no header field \(missing.joined(separator: ", "))\n")
            throw ExitCode(1)
        }
        for name in names { print(headers[name]!) }
    }

    /// The response headers the operation's page documents, one `name: value` line each (standard error, beside
    /// the body on standard output), secret values hidden with a pointer to `--response-header`.
    static func documentedHeaderLines(_ names: [String], of headers: ResponseHeaders) -> String {
        names.compactMap { name in
            guard let value = headers[name] else { return nil }
            guard Redaction.isSensitiveHeader(name) else { return "\(name): \(value)\n" }
            return "\(name): \(Redaction.placeholder) (secret: --response-header \(name) prints it)\n"
        }.joined()
    }

    /// `body` as `format` asks: a table when it is one and JSON otherwise (pretty-printed, or as text when it is
    /// not JSON).
    static func rendered(_ body: Data, as format: OutputOptions.Format) -> String {
        if format == .table, let value = try? JSONModelDecoder().decode(JSONValue.self, from: body),
            let table = TableOutput.render(value)
        {
            return table
        }
        return prettyJSON(body)
    }

    /// Status, `error_code`, `error_msg` and request id, one per line; then what the service's reference says the
    /// code means and what to do about it, when `documented` (the service's error codes) lists it.
    static func describe(_ error: APIError, documented: [String: ErrorCodeDocumentation]? = nil) -> String {
        var lines = ["Error: the service answered HTTP \(error.status)"]
        if let code = error.code { lines.append("error_code: \(code)") }
        if let message = error.message { lines.append("error_msg: \(Redaction.redactSecrets(in: message))") }
        if let requestID = error.requestID { lines.append("request id: \(requestID)") }
        if let code = error.code, let documentation = documented?[code] {
            let meaning = documentation.description.isEmpty ? documentation.message : documentation.description
            if !meaning.isEmpty { lines.append("meaning: " + meaning.replacingOccurrences(of: "\n", with: "; ")) }
            if !documentation.solution.isEmpty {
                lines.append("solution: " + documentation.solution.replacingOccurrences(of: "\n", with: "; "))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `body` pretty-printed with sorted keys when it is JSON, else as text.
    static func prettyJSON(_ body: Data) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let value = try? JSONModelDecoder().decode(JSONValue.self, from: body),
            let text = try? encoder.encode(value)
        else {
            return String(decoding: body, as: UTF8.self)
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Listed elements as one pretty-printed JSON array with sorted keys.
    static func prettyJSON(_ elements: [any Encodable]) -> String {
        prettyJSON(encoded(elements))
    }

    /// Listed elements as one JSON array.
    static func encoded(_ elements: [any Encodable]) -> Data {
        (try? JSONEncoder().encode(elements.map(AnyEncodable.init))) ?? Data("[]".utf8)
    }

    static func writeError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}

/// A middleware that remembers the body of the last successful response, so the command can print it unchanged.
///
/// `@unchecked Sendable`: the mutable fields are only touched under `lock` (`Mutex` needs macOS 15).
final class ResponseRecorder: Middleware, @unchecked Sendable {
    private let lock = NSLock()
    private var last: Data?
    private var lastFields: HTTPFields = [:]
    private var frozen = false

    var lastBody: Data? { lock.withLock { last } }

    /// The header fields of the response whose body is ``lastBody``.
    var lastHeaders: ResponseHeaders { lock.withLock { ResponseHeaders(lastFields) } }

    /// Stops recording: the body recorded so far is the one printed.
    func freeze() { lock.withLock { frozen = true } }

    func handle(_ request: PreparedRequest, next: MiddlewareNext) async throws -> TransportResponse {
        let response = try await next(request)
        lock.withLock {
            if !frozen { (last, lastFields) = (response.body, response.head.headerFields) }
        }
        return response
    }
}

/// Encodes any `Encodable` (the elements of a paginator, whatever their model).
private struct AnyEncodable: Encodable {
    let value: any Encodable

    func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
}
