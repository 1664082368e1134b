import APISchema
import DocReader

/// The service's endpoint: the host its pages state (``EndpointStatements``), preferring the pages about
/// endpoints; else the configured prefix, with a diagnostic; else none, with an error. Never a guess: hosts the
/// pages state that the configuration does not tell apart are a diagnostic too.
enum EndpointReader {
    /// Where `spec/services.json`'s prefix is reported.
    static let configuration = SourceLocation(page: "spec/services.json")

    static func resolve(_ schema: inout ServiceSchema, pages: [DocPage], configuredPrefix: String?) {
        let found = EndpointStatements(
            pages: pages, operationPaths: schema.operations.map(\.path), service: schema.name
        ).statements
        let preferred = found.contains(where: \.onEndpointPage) ? found.filter(\.onEndpointPage) : found
        var byPrefix: [String: EndpointStatements.Statement] = [:]
        for statement in preferred where byPrefix[statement.prefix] == nil { byPrefix[statement.prefix] = statement }
        var diagnostics: [Diagnostic] = []
        defer { schema.diagnostics = (schema.diagnostics + diagnostics).sorted() }

        var stated: EndpointStatements.Statement?
        if byPrefix.count == 1 {
            stated = byPrefix.values.first
        } else if byPrefix.count > 1 {
            let listed = byPrefix.values.sorted { $0.prefix < $1.prefix }.map { "\($0.host) (\($0.page))" }
            stated = configuredPrefix.flatMap { byPrefix[$0] }
            let outcome = stated.map { "the configured prefix \($0.prefix) is one of them" } ?? "none is configured"
            diagnostics.append(
                Diagnostic(
                    .severalEndpoints, configuration,
                    "the pages state several endpoints, \(listed.joined(separator: ", ")): \(outcome)"))
        }
        if let stated {
            schema.endpoint = ServiceEndpoint(host: stated.host, prefix: stated.prefix, page: stated.page)
            if let configuredPrefix, configuredPrefix != stated.prefix {
                diagnostics.append(
                    Diagnostic(
                        .endpointDisagreement, SourceLocation(page: stated.page),
                        "the page states the endpoint \(stated.host), the configured prefix is \(configuredPrefix): "
                            + "using the page's"))
            }
        } else if let configuredPrefix {
            schema.endpoint = .configured(prefix: configuredPrefix)
            if byPrefix.isEmpty {
                diagnostics.append(
                    Diagnostic(
                        .endpointFromConfiguration, configuration,
                        "endpoint not stated in the pages; using configured prefix \(configuredPrefix)"))
            }
        } else {
            schema.endpoint = nil
            diagnostics.append(
                Diagnostic(
                    .noEndpoint, configuration,
                    "the pages state no endpoint of the service and none is configured: no endpoint"))
        }
    }
}
