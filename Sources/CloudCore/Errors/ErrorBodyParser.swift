import Foundation

/// Extracts error code and message from the JSON error bodies the services return.
enum ErrorBodyParser {
    private static let keyPairs: [(code: String, message: String)] = [
        ("error_code", "error_msg"),
        ("errorCode", "errorMsg"),
        ("code", "message"),
        ("error_code", "error_message"),
    ]

    /// Returns code and message, either of which may be missing.
    static func parse(_ body: Data) -> (code: String?, message: String?) {
        guard !body.isEmpty, let value = try? JSONModelDecoder().decode(JSONValue.self, from: body),
            case .object(let object) = value
        else { return (nil, nil) }
        if let found = extract(from: object) { return found }
        // Nested: {"error": {...}}, {"badRequest": {...}}, {"itemNotFound": {...}} ...
        let nestedKeys = object.keys.sorted { ($0 == "error" ? 0 : 1, $0) < ($1 == "error" ? 0 : 1, $1) }
        for key in nestedKeys {
            if case .object(let inner) = object[key]!, let found = extract(from: inner) { return found }
        }
        if let message = object["message"].flatMap(text) ?? object["error"].flatMap(text) {
            return (nil, message)
        }
        return (nil, nil)
    }

    private static func extract(from object: [String: JSONValue]) -> (code: String?, message: String?)? {
        for pair in keyPairs {
            let code = object[pair.code].flatMap(text)
            let message = object[pair.message].flatMap(text)
            if code != nil || message != nil { return (code, message) }
        }
        return nil
    }

    private static func text(_ value: JSONValue) -> String? {
        switch value {
        case .string(let text): return text
        case .integer(let number): return String(number)
        case .double(let number): return String(number)
        default: return nil
        }
    }
}
