import APISchema

// The command-line side of waiters and paginators: `wait-for-…` commands, `--wait` on the operations that start
// a change of state, and `--all` on paged lists. Each calls the SDK method of the same name, so the CLI waits and
// pages exactly as the library does.

extension SwiftCommandPlan {
    /// An option of a command and the statements it adds.
    struct Extension {
        var option: OptionContext
        var property: String
        var statements: [String]
    }

    /// Option values by wire name (`id` → `id`), as the command passes them to the SDK.
    typealias OptionValues = [String: (value: String, argument: ResolvedOperation.Argument)]

    /// The deprecation message of a waiter that a command's `--wait` may use after operation `id` (one it deletes
    /// or starts) and that polls a deprecated API: the command's `run()` is then deprecated too.
    static func deprecatedWait(after id: String, in module: SwiftModulePlan) -> String? {
        module.waiters.lazy.filter { waiter in
            waiter.waiter.deleteOperation == id || waiter.waiter.startedBy.contains { $0.operation == id }
        }.compactMap(\.show.deprecationMessage).first
    }

    /// `--wait` after an operation that starts a change of a waiter's state: `--wait RUNNING` (states, for a
    /// create, start, stop or update) or the flag `--wait` (for the waiter's delete operation). `needsResponse`:
    /// the created resource's id is read from the operation's response. A wait it cannot offer is reported to
    /// `diagnostics`.
    static func wait(
        after resolved: ResolvedOperation, values: OptionValues, names: inout CommandNames, module: SwiftModulePlan,
        _ diagnostics: inout DiagnosticCollector
    ) -> (Extension, needsResponse: Bool)? {
        let id = resolved.operation.id
        func report(_ waiter: ResolvedWaiter, _ why: String) {
            diagnostics.emit(
                .waitNotOffered, SourceLocation(page: resolved.operation.sourcePage),
                "\(id): no --wait for waiter \(waiter.waiter.name): \(why)")
        }
        let unmatched = "the waiter's arguments are not all options of the command"
        let deleting = module.waiters.first { $0.waiter.deleteOperation == id }
        let deletionArguments = deleting.flatMap { waiterArguments($0, values: values, createdId: nil) }
        if let deleting, deletionArguments == nil { report(deleting, unmatched) }
        if let waiter = deleting, let method = waiter.deletionMethod, let arguments = deletionArguments {
            let property = names.properties.claim("wait")
            let help =
                "Then wait until the \(waiter.waiter.name) is gone, as \(kebabCase(method)) does. What is printed is "
                + "this command's own answer."
            let statements =
                ["if \(property) {", "    output.keepLastResponse()"]
                + call("client.\(method)", arguments: arguments + ["options: waiting.options"], prefix: "try await")
                    .map { "    " + $0 } + ["}"]
            return (
                Extension(
                    option: flag(names.longNames.claim("wait"), help: help, property: property), property: property,
                    statements: statements), false
            )
        }
        for waiter in module.waiters {
            guard let trigger = waiter.waiter.startedBy.first(where: { $0.operation == id }) else { continue }
            var lookup: [String] = []
            var createdId: String?
            if let idField = trigger.idField {
                guard let responseType = resolved.responseSchemaType,
                    let chain = ResolvedWaiter.memberChain(idField, from: responseType, typeMap: module.typeMap),
                    let field = chain.siblings.first(where: { $0.name == idField.last })
                else {
                    report(waiter, "the created id `\(idField.joined(separator: "."))` is not a field of the response")
                    continue
                }
                lookup = [
                    "guard let createdId = \(resolved.bodyExpression("response"))\(chain.chain) else {",
                    "    throw ClientError(\"the response carries no \(idField.joined(separator: ".")) to wait for\")",
                    "}",
                ]
                createdId = field.type == .string ? "createdId" : "String(createdId)"
            }
            guard let arguments = waiterArguments(waiter, values: values, createdId: createdId) else {
                report(waiter, unmatched)
                continue
            }
            let property = names.properties.claim("wait")
            let help =
                "Then wait until the \(waiter.waiter.name)'s \(waiter.waiter.stateField.joined(separator: ".")) is one of "
                + "these states (repeatable, or comma-separated), as \(kebabCase(waiter.stateMethod)) does, and print "
                + "the resource as the last poll shows it. Values: \(waiter.statesListed)."
            let states = "WaitOptions.states(\(property), as: \(waiter.stateType).self)"
            let waitCall = call(
                "client.\(waiter.stateMethod)",
                arguments: arguments + ["\(waiter.statesLabel): \(states)", "options: waiting.options"],
                prefix: "try await")
            let option = OptionContext(
                attribute: "Option", longName: SwiftNames.literal(names.longNames.claim("wait")),
                help: SwiftNames.wrappedLiteral(help, column: 14, indent: 8),
                declaration: "var \(property): [String] = []", completion: completion(waiter.states))
            return (
                Extension(
                    option: option, property: property,
                    statements: ["if !\(property).isEmpty {"] + (lookup + waitCall).map { "    " + $0 } + ["}"]),
                createdId != nil
            )
        }
        return nil
    }

    /// The waiter's arguments from the command's options (same wire names and types), the created id filling
    /// the last path parameter; `nil` when an argument has no option to come from.
    private static func waiterArguments(_ waiter: ResolvedWaiter, values: OptionValues, createdId: String?) -> [String]? {
        var arguments: [String] = []
        for argument in waiter.arguments {
            let label = SwiftNames.unescaped(argument.name)
            if let createdId, argument.wireName == waiter.show.pathArguments.last?.wireName, argument.usage == .string {
                arguments.append("\(label): \(createdId)")
            } else if let option = values[argument.wireName], option.argument.usage == argument.usage {
                arguments.append("\(label): \(option.value)")
            } else {
                return nil
            }
        }
        return arguments
    }

    /// `--all` on an operation with a paginator: every page, printed as one JSON array. The paged parameters are
    /// the schema's (``Paginator``). The statements open an `if` that the caller closes with `} else {`, the plain
    /// call and `}`.
    static func listAll(
        _ resolved: ResolvedOperation, callArguments: [String], values: OptionValues, names: inout CommandNames,
        module: SwiftModulePlan
    ) -> Extension? {
        guard let paginator = resolved.operation.paginator, let method = module.paginators[resolved.operation.id]?.name,
            let limit = values[paginator.limit]
        else { return nil }
        let property = names.properties.claim("all")
        let pageSize = 100
        let limitValue: String
        switch (limit.argument.usage.name, limit.argument.usage.isOptional) {
        case ("Int", false): limitValue = limit.value
        case ("Int", true): limitValue = "\(limit.value) ?? \(pageSize)"
        case ("Int64", true): limitValue = "\(limit.value).flatMap { Int(exactly: $0) } ?? \(pageSize)"
        case ("String", true): limitValue = "\(limit.value).flatMap { Int($0) } ?? \(pageSize)"
        default: limitValue = "Int(\(limit.value)) ?? \(pageSize)"
        }
        var arguments: [String] = []
        for (argument, callArgument) in zip(resolved.arguments, callArguments)
        where !(argument.location == .query && [paginator.start, paginator.limit].contains(argument.wireName)) {
            arguments.append(callArgument)
        }
        var statements: [String] = []
        // A start position would be silently ignored: say so instead.
        for start in [paginator.start, paginator.otherStart].compactMap(\.self) {
            guard let option = values[start], !option.argument.required else { continue }
            statements += [
                "if \(property), \(option.value) != nil {",
                "    throw UsageError(\"--all lists every page from the first; leave out --\(kebabCase(start))\")",
                "}",
            ]
        }
        statements += ["if \(property) {"]
            + call("client.\(method)", arguments: arguments + ["limit: \(limitValue)"], prefix: "let pages =")
                .map { "    " + $0 }
            + ["    try await output.collect(pages)"]
        return Extension(
            option: flag(
                names.longNames.claim("all"),
                help: "List every page (--limit elements each, \(pageSize) by default) and print all the elements as one "
                    + "JSON array (the library's \(method)).",
                property: property),
            property: property, statements: statements)
    }

    /// `wait-for-notebook` and, for deletable resources, `wait-for-notebook-deletion`.
    static func waiterCommands(
        _ waiter: ResolvedWaiter, structNames: inout NameScope, rootName: String, module: SwiftModulePlan
    ) -> [CommandContext] {
        let name = waiter.waiter.name
        let field = waiter.waiter.stateField.joined(separator: ".")
        let show = waiter.show.operation
        let polls = "Polls \(kebabCase(show.id)) (\(show.method) \(show.path))"
        let exit = "the poll limit end the wait with exit status 3."
        func command(method: String, abstract: String, discussion: String, extra: (inout CommandNames) -> ([OptionContext], [String]))
            -> CommandContext
        {
            var names = CommandNames(global: module.isGlobal)
            var options: [OptionContext] = []
            var arguments: [String] = []
            for argument in waiter.arguments {
                let (option, value) = Self.option(for: argument, of: show, names: &names, module: module)
                options.append(option)
                arguments.append("\(SwiftNames.unescaped(argument.name)): \(value)")
            }
            let (more, moreArguments) = extra(&names)
            return CommandContext(
                structName: structNames.claim(module.typeMap.spelling.upperCamel(method) + "Command"), rootName: rootName,
                commandName: SwiftNames.literal(kebabCase(method)),
                abstract: SwiftNames.wrappedLiteral(abstract, column: 18, indent: 8),
                discussion: SwiftNames.wrappedLiteral(discussion, column: 20, indent: 8),
                options: options + more, body: nil, waits: true, deprecated: waiter.show.deprecationMessage,
                statements: call(
                    "client.\(method)", arguments: arguments + moreArguments + ["options: waiting.options"],
                    prefix: "try await"))
        }

        let failures = waiter.waiter.failureStates.joined(separator: ", ")
        var commands = [
            command(
                method: waiter.stateMethod, abstract: "Wait until a \(name)'s \(field) is one of the given states",
                discussion: "\(polls) until \(field) is one of the states given, then prints the resource as the last "
                    + "poll showed it. Throttled or failed polls are repeated. A failure state, the timeout or " + exit
            ) { names in
                let states = names.properties.claim(waiter.statesLabel)
                let failureStates = names.properties.claim("failureState")
                let options = [
                    OptionContext(
                        attribute: "Option", longName: SwiftNames.literal(names.longNames.claim(kebabCase(waiter.statesLabel))),
                        help: SwiftNames.wrappedLiteral(
                            "The states to wait for (repeatable, or comma-separated). Values: "
                                + "\(waiter.statesListed).", column: 14, indent: 8),
                        declaration: "var \(states): [String]", completion: completion(waiter.states)),
                    OptionContext(
                        attribute: "Option", longName: SwiftNames.literal(names.longNames.claim("failure-state")),
                        help: SwiftNames.wrappedLiteral(
                            "States that end the wait with an error (repeatable, or comma-separated; default: "
                                + (failures.isEmpty ? "none" : failures) + ").", column: 14, indent: 8),
                        declaration: "var \(failureStates): [String] = []", completion: completion(waiter.states)),
                ]
                let type = waiter.stateType
                return (
                    options,
                    [
                        "\(waiter.statesLabel): WaitOptions.states(\(states), as: \(type).self)",
                        "failureStates: WaitOptions.states(\(failureStates), orElse: [\(waiter.failureStates.joined(separator: ", "))])",
                    ]
                )
            }
        ]
        if let deletion = waiter.deletionMethod {
            let deleted = waiter.waiter.deletedStates.isEmpty ? "" : " or \(field) is \(waiter.waiter.deletedStates.joined(separator: ", "))"
            let deletionFailures = waiter.waiter.deletionFailureStates.joined(separator: ", ")
            commands.append(
                command(
                    method: deletion, abstract: "Wait until a \(name) is gone",
                    discussion: "\(polls) until it answers 404\(deleted). "
                        + (deletionFailures.isEmpty ? "The timeout or " : "The failure state \(deletionFailures), the timeout or ")
                        + exit
                ) { _ in ([], []) })
        }
        return commands
    }

    private static func flag(_ longName: String, help: String, property: String) -> OptionContext {
        OptionContext(
            attribute: "Flag", longName: SwiftNames.literal(longName),
            help: SwiftNames.wrappedLiteral(help, column: 14, indent: 8), declaration: "var \(property) = false")
    }
}
