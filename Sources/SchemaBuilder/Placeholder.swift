import APISchema
import Foundation

// Placeholder until the SchemaBuilder stage lands; the signature is the contract the CLI codes against.
public enum SchemaBuilder {
    /// Reads every page in `docsDirectory` and builds the service's schema. Never throws for bad pages: what
    /// could not be read is in `ServiceSchema.diagnostics`. `overridesFile` is `spec/<service>.overrides.json`.
    public static func build(config: ServiceConfig, docsDirectory: URL, overridesFile: URL?) -> ServiceSchema {
        ServiceSchema(name: config.name, endpointPrefix: config.endpointPrefix)
    }
}
