import HTTPTypes

/// The header fields of a successful response, as an operation whose page documents response headers
/// (`X-Subject-Token`, `Content-Range`) reads them into its output.
///
/// Names are compared case-insensitively. ``description`` and ``customMirror`` hide the values ``Redaction`` calls
/// secret.
public struct ResponseHeaders: Sendable, Hashable, CustomStringConvertible, CustomReflectable {
    /// The fields as the service sent them.
    public var fields: HTTPFields

    /// Wraps the fields of a response.
    public init(_ fields: HTTPFields = [:]) {
        self.fields = fields
    }

    /// The value of the field `name`, the values of a repeated field joined with `, `; `nil` when the response
    /// has none (or `name` is no valid field name).
    public subscript(name: String) -> String? {
        guard let fieldName = HTTPField.Name(name) else { return nil }
        let values = fields[values: fieldName]
        return values.isEmpty ? nil : values.joined(separator: ", ")
    }

    /// The value of the field `name` as `T` (`String`, `Int`, `Int64`, `Double`, `Bool`); `nil` when the response
    /// has none or its text is no `T` (a header is documentation, not a contract the client enforces).
    public func value<T: LosslessStringConvertible>(_ name: String, as type: T.Type = T.self) -> T? {
        self[name].flatMap(T.init)
    }

    /// `name: value` per field, secrets hidden.
    public var description: String {
        fields.map { "\($0.name.rawName): \(Redaction.headerValueForDisplay(name: $0.name.rawName, value: $0.value))" }
            .joined(separator: ", ")
    }

    /// The mirror of an operation's output, which `dump(_:)`, debuggers and ``describe(_:)`` read: its body and
    /// each documented header's property, whose value is hidden when ``Redaction`` calls its field name secret.
    /// - Parameters:
    ///   - subject: The output.
    ///   - body: The decoded body, `nil` for a response documented without one.
    ///   - headers: Each documented header: its Swift property, its field name and its value.
    public static func mirror(
        of subject: Any, body: (any Sendable)?, headers: [(property: String, field: String, value: (any Sendable)?)]
    ) -> Mirror {
        var children: [Mirror.Child] = body.map { [(label: "body", value: $0)] } ?? []
        for header in headers {
            let shown = header.value.map { Redaction.headerValueForDisplay(name: header.field, value: "\($0)") }
            children.append((label: header.property, value: shown as Any))
        }
        return Mirror(subject, children: children)
    }

    /// The text of an output from its ``mirror(of:body:headers:)``: `TypeName(body: …, xSubjectToken: <redacted>)`.
    public static func describe(_ mirror: Mirror) -> String {
        let parts = mirror.children.map { child in
            let text = (child.value as? String?).map { $0 ?? "nil" } ?? String(describing: child.value)
            return "\(child.label ?? "_"): \(text)"
        }
        return "\(mirror.subjectType)(\(parts.joined(separator: ", ")))"
    }

    /// What `dump(_:)` and debuggers show: each field with its value, secrets hidden as in ``description``.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: fields.map { field in
                let name = field.name.rawName
                return (label: name, value: Redaction.headerValueForDisplay(name: name, value: field.value) as Any)
            },
            displayStyle: .dictionary)
    }
}
