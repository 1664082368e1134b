import APISchema
import Foundation
import OpenAPIKit

/// Turns a `ServiceSchema` into an OpenAPI 3.1 document, built as OpenAPIKit's typed model so that what the export
/// states is checked by the types (and by `OpenAPI.Document.validate()` in the tests) rather than by hand: one
/// operation per API page, every named type under `components/schemas`, page examples attached where they parse.
public enum OpenAPIEmitter {
    /// The OpenAPI 3.1 document for `schema`. Throws when a type name cannot be a component key
    /// (`^[a-zA-Z0-9.\-_]+$`).
    /// What the document leaves out of the schema or fills in for it is reported to `diagnostics`.
    public static func document(for schema: ServiceSchema, diagnostics: inout DiagnosticCollector) throws
        -> OpenAPI.Document
    {
        let builder = DocumentBuilder(schema: schema)
        let document = try builder.build()
        for diagnostic in builder.report.diagnostics {
            diagnostics.emit(diagnostic.id, diagnostic.location, diagnostic.message)
        }
        return document
    }

    /// ``document(for:diagnostics:)`` without its diagnostics.
    public static func document(for schema: ServiceSchema) throws -> OpenAPI.Document {
        var ignored = DiagnosticCollector()
        return try document(for: schema, diagnostics: &ignored)
    }

    /// The document for `schema` as `spec/<service>.openapi.json` holds it: canonical JSON
    /// (`SpecFiles.canonicalJSON`: sorted keys), so the same schema always gives the same bytes.
    public static func documentJSON(for schema: ServiceSchema, diagnostics: inout DiagnosticCollector) throws -> Data {
        try SpecFiles.canonicalJSON(document(for: schema, diagnostics: &diagnostics))
    }

    /// ``documentJSON(for:diagnostics:)`` without its diagnostics.
    public static func documentJSON(for schema: ServiceSchema) throws -> Data {
        var ignored = DiagnosticCollector()
        return try documentJSON(for: schema, diagnostics: &ignored)
    }

    /// What the export is held to (its tests validate every document with it): OpenAPIKit's defaults (operation
    /// ids unique, parameters unique per operation, every reference resolvable, …) and the stricter checks a client
    /// generator relies on: every `{name}` of a path declared as a parameter, every operation with a response, every
    /// path with an operation, server variables defined, schema references internal and found.
    public static var validator: Validator {
        Validator().validating(
            \.pathParametersAreDefined, \.operationsContainResponses, \.pathsContainOperations,
            \.serverVariablesAreDefined, \.schemaReferencesFoundInComponents, \.jsonSchemaReferencesFoundInComponents)
    }

    /// The path key under `paths` for an API path as the schema records it: query strings and RFC 6570 query
    /// expansions (`{?marker,limit}`) dropped, a leading `/` guaranteed.
    public static func pathKey(_ path: String) -> String {
        var key = path.trimmingCharacters(in: .whitespaces)
        if let query = key.firstIndex(of: "?") {
            // `/servers{?limit}` → `/servers`; `/servers?limit={limit}` → `/servers`.
            if query > key.startIndex, key[key.index(before: query)] == "{" {
                key = String(key[..<key.index(before: query)])
            } else {
                key = String(key[..<query])
            }
        }
        // The placeholders as `PathTemplate` reads them; a brace left over is stray, and dropped with the spaces: a
        // stray brace makes the path unusable as a template.
        let (open, close): (Character, Character) = ("\u{1}", "\u{2}")
        let marked = PathTemplate.replacingPlaceholders(in: key) { name in
            name.isEmpty ? "" : String(open) + name + String(close)
        }
        var balanced = String(
            marked.compactMap { character -> Character? in
                switch character {
                case "{", "}", " ": nil
                case open: "{"
                case close: "}"
                default: character
                }
            })
        while balanced.count > 1, balanced.hasSuffix("/") { balanced.removeLast() }
        if !balanced.hasPrefix("/") { balanced = "/" + balanced }
        return balanced
    }
}

/// Builds the document in one pass over the schema; all ordering comes from the schema (the encoder sorts keys).
struct DocumentBuilder {
    let schema: ServiceSchema
    /// The name each type name is exported as: its own, or for an alias the type it names (the export refers to
    /// one schema per shape; aliases are the Swift SDK's names for signatures).
    let exportedNames: [String: String]
    /// Types a response contains: every property optional and nullable, as the Swift SDK decodes them.
    let responseTypes: Set<String>
    /// What the document leaves out or fills in, reported from wherever the build meets it.
    let report = ExportReport()

    init(schema: ServiceSchema) {
        self.schema = schema
        self.exportedNames = schema.definitionsByName.mapValues(\.name)
        self.responseTypes = schema.responseTypeNames
    }

    func build() throws -> OpenAPI.Document {
        OpenAPI.Document(
            openAPIVersion: .v3_1_0, info: info, servers: try servers, paths: paths, components: try components,
            security: [[.component(named: "token"): []], [.component(named: "akSk"): []]], tags: tags)
    }

    // MARK: Document header

    var info: OpenAPI.Document.Info {
        OpenAPI.Document.Info(
            title: schema.name,
            description: "\(schema.name) API, generated by apiref from the published API reference pages. "
                + "Every operation names its page in `x-source-page`.",
            version: "1.0.0")
    }

    /// The service's endpoint on each cloud, as the schema has it (read from the pages, else configured); none
    /// when the schema has none.
    var servers: [OpenAPI.Server] {
        get throws {
            guard let endpoint = schema.endpoint else { return [] }
            let source = endpoint.page.map { "stated on \($0)" } ?? "configured prefix"
            return [
                try Self.server(
                    "https://\(endpoint.prefix).{region}.otc.t-systems.com", "Open Telekom Cloud (\(source))",
                    region: "eu-de", regions: "Region ID (eu-de, eu-nl)."),
                try Self.server(
                    "https://\(endpoint.prefix).{region}.myhuaweicloud.com", "Huawei Cloud",
                    region: "ap-southeast-1", regions: "Region ID (ap-southeast-1, …)."),
            ]
        }
    }

    static func server(_ template: String, _ description: String, region: String, regions: String) throws
        -> OpenAPI.Server
    {
        OpenAPI.Server(
            urlTemplate: try URLTemplate(templateString: template), description: description,
            variables: ["region": OpenAPI.Server.Variable(default: region, description: regions)])
    }

    /// The groups of the table of contents in their order, then any group an operation names that it lacks.
    var tags: [OpenAPI.Tag] {
        var seen = Set<String>()
        var tags: [OpenAPI.Tag] = []
        for group in schema.groups where seen.insert(group.name).inserted {
            tags.append(OpenAPI.Tag(name: group.name, description: group.title))
        }
        for operation in schema.operations where !operation.group.isEmpty && seen.insert(operation.group).inserted {
            tags.append(OpenAPI.Tag(name: operation.group))
        }
        return tags
    }

    var components: OpenAPI.Components {
        get throws {
            var schemas = OpenAPI.ComponentDictionary<JSONSchema>()
            for type in schema.types where exportedNames[type.name] == type.name {
                report.page = type.source.page
                schemas[try OpenAPI.ComponentKey.forceInit(rawValue: type.name)] = namedTypeSchema(type)
            }
            return OpenAPI.Components.direct(
                schemas: schemas,
                securitySchemes: [
                    "token": .apiKey(
                        name: "X-Auth-Token", location: .header,
                        description: "IAM token, obtained from IAM with user name, password and domain."),
                    "akSk": .apiKey(
                        name: "Authorization", location: .header,
                        description: "AK/SK signature: `SDK-HMAC-SHA256 Access=<AK>, SignedHeaders=<headers>, "
                            + "Signature=<HMAC-SHA256 of the canonical request>`, computed over method, URI, "
                            + "query, signed headers (including `Host` and `X-Sdk-Date`) and the body hash. "
                            + "Temporary keys also send `X-Security-Token`."),
                ])
        }
    }
}

/// The diagnostics of one document's build. A reference, so that the builder's many small functions that meet a
/// gap report it where they are; one build uses it on one thread.
final class ExportReport {
    private(set) var diagnostics: [Diagnostic] = []
    /// The page of the operation or type being exported: where a gap found deeper down is reported.
    var page = ""

    func emit(_ id: Diagnostic.Code, _ message: String) {
        diagnostics.append(Diagnostic(id, SourceLocation(page: page), message))
    }
}
