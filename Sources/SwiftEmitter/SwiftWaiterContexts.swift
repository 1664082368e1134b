import APISchema

/// A schema ``Waiter`` resolved against the Swift module: the methods it becomes and the Swift spelling of its
/// state. The command-line plan reads the same values, so the CLI's waits are the library's.
struct ResolvedWaiter {
    var waiter: Waiter
    /// The polled operation's client method.
    var show: ResolvedOperation
    /// `waitForNotebook`, and `waitForNotebookDeletion` when the resource can be deleted.
    var stateMethod: String
    var deletionMethod: String?
    /// The Swift type of the state field's open enum (`ShowNotebookResponse.StatusValue`), or of its integer codes
    /// (`Int`) where the page documents the states as numbers with meanings.
    var stateType: SwiftTypeUsage
    /// Whether the states are integer codes (`stateType` is `Int` or `Int64`).
    var isCode: Bool
    /// Every documented state, in page order.
    var states: [String]
    /// The documented states as a reader needs them: `CREATING, RUNNING`, or codes with their meanings
    /// (`0 (creating), 1 (running)`).
    var statesListed: String
    /// The argument label of the states to wait for: the state field's name (`status`).
    var statesLabel: String
    /// `$0.status`, `$0.server?.status`.
    var stateAccess: String
    /// The show method's arguments the waiter takes: path parameters and required query or header parameters.
    var arguments: [ResolvedOperation.Argument]
    /// The documented failure and deleted states as static members (`.createFailed`), or literals when a value
    /// is not a documented case (an override may name one).
    var failureStates: [String]
    var deletionFailureStates: [String]
    var deletedStates: [String]

    /// The call of the show method with the waiter's own arguments.
    var pollCall: String {
        show.bodyExpression("try await self.\(show.name)(\(arguments.map(\.passedOn).joined(separator: ", ")))")
    }

    init?(_ waiter: Waiter, show: ResolvedOperation, typeMap: SwiftTypeMap, methodNames: inout NameScope) {
        guard let responseType = show.responseSchemaType,
            let field = Self.memberChain(waiter.stateField, from: responseType, typeMap: typeMap)
        else { return nil }
        let model = SwiftModelBuilder(typeMap: typeMap).members(of: field.siblings, in: field.container)
        guard let last = waiter.stateField.last,
            let property = model.members.first(where: { $0.name == field.member }),
            let stateProperty = field.siblings.first(where: { $0.name == last })
        else { return nil }
        let values = stateProperty.enumValues ?? []
        self.isCode = stateProperty.type == .integer || stateProperty.type == .int64
        let enumContext: EnumContext?
        if isCode {
            enumContext = nil
            self.stateType = property.usage.wrapped
        } else if let nested = model.enums.first(where: { $0.name == property.usage.name }) {
            enumContext = nested
            self.stateType = .named("\(field.container).\(nested.name)")
        } else if let shared = typeMap.sharedEnums.name(field: last, values: stateProperty.enumValues) {
            enumContext = SwiftModelBuilder(typeMap: typeMap).openEnum(
                named: shared, doc: SwiftDocComment(""), values: values, indent: 0)
            self.stateType = .named(shared)
        } else {
            return nil
        }
        let caseNames = Dictionary(
            (enumContext?.cases ?? []).map { ($0.value, "." + $0.name) }, uniquingKeysWith: { first, _ in first })
        let isCode = self.isCode
        func member(_ value: String) -> String {
            isCode ? value : caseNames[SwiftNames.literal(value)] ?? SwiftNames.literal(value)
        }

        self.waiter = waiter
        self.show = show
        self.states = values.map(\.value)
        self.statesListed = values.map { value in
            isCode && !value.description.isEmpty ? "\(value.value) (\(value.description.replacingNewlines()))" : value.value
        }.joined(separator: ", ")
        self.statesLabel = typeMap.spelling.member(last)
        self.stateAccess = "$0" + field.chain
        self.arguments =
            show.pathArguments + (show.queryArguments + show.headerArguments).filter { $0.required && $0.defaultValue.isEmpty }
        self.failureStates = waiter.failureStates.map(member)
        self.deletionFailureStates = waiter.deletionFailureStates.map(member)
        self.deletedStates = waiter.deletedStates.map(member)
        self.stateMethod = methodNames.claim("waitFor" + typeMap.spelling.upperCamel(waiter.name))
        self.deletionMethod = waiter.deleteOperation.map { _ in
            methodNames.claim("waitFor" + typeMap.spelling.upperCamel(waiter.name) + "Deletion")
        }
    }
}

extension ResolvedWaiter {
    /// Reports `waiter`, which has no methods, and why: `show` is its polled operation's method, if there is one.
    static func reportDropped(
        _ waiter: Waiter, show: ResolvedOperation?, _ typeMap: SwiftTypeMap, _ diagnostics: inout DiagnosticCollector
    ) {
        let field = "`\(waiter.stateField.joined(separator: "."))`"
        let why: String
        let page: String
        if let show {
            page = show.operation.sourcePage
            let found = show.responseSchemaType.flatMap { memberChain(waiter.stateField, from: $0, typeMap: typeMap) }
            why = found == nil
                ? "its state field \(field) is not a field of \(waiter.operation)'s response"
                : "its state field \(field) is neither an enumeration of strings nor integer codes"
        } else {
            page = waiter.operation
            why = "the operation it polls, \(waiter.operation), is not in the schema"
        }
        diagnostics.emit(
            .waiterNotEmitted, SourceLocation(page: page),
            "waiter \(waiter.name) left out of the SDK and the commands: \(why)")
    }

    /// The Swift member chain along the wire names of `path` from a value of `root` (`.server?.id`), the member
    /// at its end, the Swift type that declares it, and that type's properties.
    static func memberChain(_ path: [String], from root: TypeRef, typeMap: SwiftTypeMap)
        -> (chain: String, member: String, container: String, siblings: [Property])?
    {
        var type = root
        var chain = ""
        for (depth, name) in path.enumerated() {
            guard case .named(let typeName) = type, case .object(let properties)? = typeMap.namedType(typeName)?.kind,
                let index = properties.firstIndex(where: { $0.name == name })
            else { return nil }
            let member = SwiftModelBuilder.memberNames(properties, spelling: typeMap.spelling)[index]
            chain += (depth == 0 ? "." : "?.") + member
            if depth == path.count - 1 {
                return (chain, member, typeMap.swiftType(type), properties)
            }
            type = properties[index].type
        }
        return nil
    }
}

/// A waiter method of the client, laid out as lines (indentation relative to the extension's members).
struct WaiterContext {
    var doc: [String]
    /// As ``OperationContext/deprecated``: a waiter that polls a deprecated API.
    var deprecated: String?
    var lines: [String]
}

extension SwiftOperationBuilder {
    /// `waitForNotebook(id:status:failureStates:options:)` and, for deletable resources,
    /// `waitForNotebookDeletion(id:options:)`.
    func waiterMethods(_ resolved: ResolvedWaiter) -> [WaiterContext] {
        let name = resolved.waiter.name
        let field = resolved.waiter.stateField.joined(separator: ".")
        let showLink = "``\(resolved.show.name)(\(resolved.show.arguments.map { SwiftNames.unescaped($0.name) + ":" }.joined()))``"
        let failures = resolved.waiter.failureStates.map { "`\($0)`" }.joined(separator: ", ")
        let argumentDocs = resolved.arguments.map { ($0.name, $0.doc) }
        let options = ("options", "Delays between polls, the timeout and the poll limit.")
        var methods: [WaiterContext] = []

        let states = "Set<\(resolved.stateType)>"
        var comment = SwiftDocComment("Waits until the \(name)'s `\(field)` is one of `states`, polling \(showLink).")
        comment.add(
            "The wait fails with ``WaiterError`` when `\(field)` becomes one of `failureStates` that is not waited for, "
                + "when `options.timeout` passes or after `options.maxPolls` polls. Throttled, failed or dropped polls "
                + "are repeated; any other error ends the wait.")
        let stateDocs = argumentDocs + [
            ("states", resolved.isCode ? "The states to wait for: \(resolved.statesListed)." : "The states to wait for."),
            ("failureStates", "States that end the wait with an error: by default the documented failure states"
                + (failures.isEmpty ? " (none)." : " (\(failures)).")),
            options,
        ]
        methods.append(
            WaiterContext(
                doc: waiterDoc(comment, parameters: stateDocs, returns: "The response of the last poll, whose `\(field)` is one of `states`."),
                deprecated: resolved.show.deprecationMessage,
                lines: ["@discardableResult"]
                    + signature(
                        resolved.stateMethod,
                        parameters: resolved.arguments.map(\.declaration) + [
                            "\(resolved.statesLabel) states: \(states)",
                            "failureStates: \(states) = [\(resolved.failureStates.joined(separator: ", "))]",
                            "options: WaiterOptions = .init()",
                        ], returns: " -> \(resolved.show.responseType ?? "Void")")
                    + [
                        "    try await Waiter.waitForState(",
                        "        \(SwiftNames.literal(name)), states: states, failureStates: failureStates, options: options,",
                        "        logger: client.configuration.logger, state: { \(resolved.stateAccess) }",
                        "    ) {",
                        "        \(resolved.pollCall)",
                        "    }",
                        "}",
                    ]))

        guard let deletionMethod = resolved.deletionMethod else { return methods }
        var deletion = SwiftDocComment("Waits until the \(name) is gone, polling \(showLink).")
        let deleted = resolved.waiter.deletedStates.map { "`\($0)`" }.joined(separator: ", ")
        let deletionFailures = resolved.waiter.deletionFailureStates.map { "`\($0)`" }.joined(separator: ", ")
        deletion.add(
            "The wait ends when the poll answers 404" + (deleted.isEmpty ? "" : " or `\(field)` is \(deleted)") + ". "
                + "It fails with ``WaiterError``"
                + (deletionFailures.isEmpty ? "" : " when `\(field)` becomes \(deletionFailures),")
                + " when `options.timeout` passes or after `options.maxPolls` polls.")
        methods.append(
            WaiterContext(
                doc: waiterDoc(deletion, parameters: argumentDocs + [options], returns: nil),
                deprecated: resolved.show.deprecationMessage,
                lines: signature(
                    deletionMethod, parameters: resolved.arguments.map(\.declaration) + ["options: WaiterOptions = .init()"],
                    returns: "")
                    + [
                        "    try await Waiter.waitForDeletion(",
                        "        \(SwiftNames.literal(name)), deletedStates: [\(resolved.deletedStates.joined(separator: ", "))] as \(states),",
                        "        failureStates: [\(resolved.deletionFailureStates.joined(separator: ", "))], options: options,",
                        "        logger: client.configuration.logger, state: { \(resolved.stateAccess) }",
                        "    ) {",
                        "        \(resolved.pollCall)",
                        "    }",
                        "}",
                    ]))
        return methods
    }

    private func signature(_ name: String, parameters: [String], returns: String) -> [String] {
        let inline = "public func \(name)(\(parameters.joined(separator: ", "))) async throws\(returns) {"
        if inline.count + 4 <= SwiftDocComment.lineWidth { return [inline] }
        return ["public func \(name)("] + SwiftLineWrap.lines(parameters, indent: 8, continued: true).map { "    " + $0 }
            + [") async throws\(returns) {"]
    }

    private func waiterDoc(_ comment: SwiftDocComment, parameters: [(String, String)], returns: String?) -> [String] {
        var lines = comment.lines(indent: 4)
        let width = SwiftDocComment.lineWidth - 4 - 4
        lines += ["///", "/// - Parameters:"]
        for (name, text) in parameters {
            let entry = "  - \(SwiftNames.unescaped(name)): \(SwiftDocComment.normalized(text.replacingNewlines()))"
            lines += SwiftDocComment.wrap(entry, width: width, continuationIndent: "    ").map { "/// " + $0 }
        }
        if let returns {
            lines += SwiftDocComment.wrap("- Returns: \(returns)", width: width, continuationIndent: "  ").map { "/// " + $0 }
        }
        return lines
    }
}
