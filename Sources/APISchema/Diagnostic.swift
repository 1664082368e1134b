/// Something the builder could not read cleanly, and what it emitted instead. Never thrown: collected.
public struct Diagnostic: Codable, Sendable, Hashable, Comparable, CustomStringConvertible {
    public enum Severity: String, Codable, Sendable, Hashable, Comparable {
        /// The output is usable; something was guessed or left opaque (`--strict` fails on these too).
        case warning
        /// The output would be wrong or incomplete: `apiref generate` and `check` fail.
        case error

        public static func < (lhs: Self, rhs: Self) -> Bool { lhs == .warning && rhs == .error }
    }

    /// The kind of a diagnostic: a stable identifier (`unknown-type`), written as `id` in `spec/<service>.json`.
    public enum Code: String, Codable, Sendable, Hashable, Comparable, CaseIterable {
        // Errors: the run fails.
        /// A page could not be read (not a file, not readable); it is skipped.
        case unreadablePage = "unreadable-page"
        /// The export's table of contents (`CLASS.TXT.json`) could not be read; groups fall back to paths.
        case unreadableTOC = "unreadable-toc"
        /// The overrides file could not be read; none of it is applied.
        case unreadableOverrides = "unreadable-overrides"
        /// An override names a type, operation, property, parameter or waiter that no longer exists.
        case overrideTargetMissing = "override-target-missing"
        /// An override entry is incomplete or wrong (no reason, unknown action, a missing field, a clash).
        case invalidOverride = "invalid-override"
        /// A page with the marks of an API page (a URI section, an API name, a request or response parameter table)
        /// from which no operation was read; the message says why. An override may accept it as not an API page.
        case pageWithoutOperation = "page-without-operation"
        /// Neither the pages nor the configuration state the service's endpoint.
        case noEndpoint = "no-endpoint"
        // Warnings: something was guessed, made opaque or taken from the examples.
        /// A Type cell names several types (`Integer/Boolean`); the first is used.
        case severalTypes = "several-types"
        /// A row with content but no parameter name; skipped.
        case rowWithoutName = "row-without-name"
        /// A field listed twice in one table; the first is kept.
        case duplicateField = "duplicate-field"
        /// "see Table N" where the page has no table N.
        case unresolvedTableReference = "unresolved-table-reference"
        /// An empty Type cell; emitted as string.
        case missingType = "missing-type"
        /// An object type without a named table; the next unreferenced table was taken.
        case guessedTable = "guessed-table"
        /// A primitive type whose row also points at a table (an enum table, JSON in a string); the type is kept.
        case tableForPrimitive = "table-for-primitive"
        /// An object without a table that the examples show as a string map.
        case objectFromExample = "object-from-example"
        /// An object without a table or examples; emitted as any.
        case objectWithoutTable = "object-without-table"
        /// A named type without a table; emitted as any.
        case typeWithoutTable = "type-without-table"
        /// A type spelling that is not understood; emitted as any.
        case unknownType = "unknown-type"
        /// A table no row and no section uses; emitted as a type of its own.
        case unreferencedTable = "unreferenced-table"
        /// A query parameter only the example request uses; added as string.
        case exampleQueryParameter = "example-query-parameter"
        /// A query parameter the URI line names (`?limit={limit}`, `&image={image}`) but no table lists; added as
        /// string.
        case untypedQueryParameter = "untyped-query-parameter"
        /// A literal project id where the documented path has `{project_id}`'s place (`/v3/97b0…/backups`): read
        /// as the placeholder.
        case literalProjectID = "literal-project-id"
        /// A 2xx response without a table; its body type was read from the example.
        case responseFromExample = "response-from-example"
        /// The examples wrap a body in one key, or send a list of it; emitted as a wrapper type or an array.
        case bodyWrapper = "body-wrapper"
        /// A field only an example shows (a request example sends it, or a response example answers with it);
        /// added as optional.
        case exampleFieldAdded = "example-field-added"
        /// A field the table marks required but a request example of the page leaves out (or sends as `null`):
        /// emitted as optional, so that the page's own example can be sent.
        case exampleOmitsRequired = "example-omits-required"
        /// A value list of truth-value pairs (`0/false`, `1/true`): the field is typed as a boolean.
        case booleanValueList = "boolean-value-list"
        /// A numeric field's value list with a value that is not a number (a range, prose): no value list.
        case valueListNotOfType = "value-list-not-of-type"
        /// A field the examples show with another type than the table; emitted as the examples show.
        case exampleTypeCorrection = "example-type-correction"
        /// An example that is not JSON: left on the page; it cannot type or correct the tables.
        case unparsableExample = "unparsable-example"
        /// The official SDKs give a page's method and path several names that its request body does not tell
        /// apart; the page is named from its title.
        case ambiguousOfficialName = "ambiguous-official-name"
        /// A failure example without a status code on a page that documents no error response: not attached.
        case unattachedExample = "unattached-example"
        /// An error code listed again with another HTTP status; the first status is kept.
        case duplicateErrorCode = "duplicate-error-code"
        /// A page without an API name whose title is not English (the Chinese edition): named from its method and
        /// path.
        case nameFromPath = "name-from-path"
        /// A table in a parameter, request or response section whose column titles no language of the vocabulary
        /// knows; it is not read.
        case unrecognisedTable = "unrecognised-table"
        /// The pages state no endpoint of the service; the configured prefix is used.
        case endpointFromConfiguration = "endpoint-from-configuration"
        /// The endpoint the pages state is not the configured prefix's; the pages' is used.
        case endpointDisagreement = "endpoint-disagreement"
        /// The pages state several endpoints of the service; the configured prefix picks one when it is among them.
        case severalEndpoints = "several-endpoints"
        /// A list with a `limit` and a start position (`offset`, `marker`) whose response does not tell which array
        /// holds the elements, or (by marker) where the next page starts: no paginator.
        case unclearPaginator = "unclear-paginator"
        // Emitter warnings: what the OpenAPI export, the Swift SDK or its commands leave out of the schema, and why. They are not in
        // `spec/<service>.json`: the emitters report them to the run's collector.
        /// A waiter without SDK methods or commands: its polled operation is missing, or its state field is not
        /// in the operation's response or has no documented states the SDK declares.
        case waiterNotEmitted = "waiter-not-emitted"
        /// An operation that starts or ends a waiter's change of state whose command has no `--wait`: the created
        /// resource's id is not in its response, or the waiter's arguments are not all options of the command.
        case waitNotOffered = "wait-not-offered"
        /// A request body field without an option of its own (another option has its name): set through `--body`.
        case bodyFieldWithoutOption = "body-field-without-option"
        /// A parameter the OpenAPI export leaves out: a path parameter its path does not name, or a second
        /// parameter of one name in one place (OpenAPI allows one).
        case parameterNotExported = "parameter-not-exported"
        /// A `{name}` of a path that no parameter describes: the export declares it as a string.
        case placeholderWithoutParameter = "placeholder-without-parameter"
        /// A type name the schema does not define: the export writes `x-unresolved-type` in its place.
        case typeNotExported = "type-not-exported"
        /// A diagnostic from a schema written before diagnostics had ids (read by `apiref diff`); never emitted.
        case unclassified

        /// Errors make `apiref generate` and `check` fail; warnings do with `--strict`.
        public var severity: Severity {
            switch self {
            case .unreadablePage, .unreadableTOC, .unreadableOverrides, .overrideTargetMissing, .invalidOverride,
                .pageWithoutOperation,
                .noEndpoint:
                .error
            default: .warning
            }
        }

        public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// What kind of diagnostic this is.
    public var id: Code
    public var severity: Severity
    public var location: SourceLocation
    /// What was unclear and what was emitted instead
    /// (`unknown type "Array<Storage type>", emitted as JSONValue`).
    public var message: String

    /// A diagnostic of kind `id`, with that kind's severity.
    public init(_ id: Code, _ location: SourceLocation, _ message: String) {
        self.id = id
        self.severity = id.severity
        self.location = location
        self.message = message
    }

    private enum CodingKeys: String, CodingKey {
        case id, severity, location, message
    }

    /// Decodes a diagnostic; one written before diagnostics had ids is `unclassified`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decodeIfPresent(Code.self, forKey: .id) ?? .unclassified
        severity = try container.decode(Severity.self, forKey: .severity)
        location = try container.decode(SourceLocation.self, forKey: .location)
        message = try container.decode(String.self, forKey: .message)
    }

    public var description: String { "\(location): \(message)" }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.location, lhs.message, lhs.id) < (rhs.location, rhs.message, rhs.id)
    }
}
