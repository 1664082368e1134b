import APISchema

/// The command-line commands of a service (`Generated/<Service>CLI/`, a library `otc` links): a command group
/// named after the service (`otc modelarts`) with one subcommand per operation (`otc modelarts list-datasets`),
/// grouped like the table of contents. Every subcommand turns its options into the arguments of the SDK method the module plan resolved,
/// so the CLI and the library cannot disagree about an operation.
struct SwiftCommandPlan {
    /// Options every command has (``ConnectionOptions`` and ``OutputOptions`` in CloudCLI, `--body` and
    /// `--generate-skeleton`, ArgumentParser's own); a project-scoped service's commands also have `--project-id`
    /// (``ProjectOption``), which a global service's leave to the project an operation acts on.
    static func reservedOptionNames(global: Bool) -> Set<String> {
        let shared: Set<String> = [
            "body", "cloud", "endpoint", "generate-skeleton", "help", "max-attempts", "max-polls", "output",
            "poll-delay", "region", "timeout", "verbose", "version", "wait-timeout",
        ]
        return global ? shared : shared.union(["project-id"])
    }

    private(set) var files: [SwiftModulePlan.File] = []

    /// Plans the commands; the waits and options it leaves out go to `diagnostics`.
    init(schema: ServiceSchema, module: SwiftModulePlan, diagnostics: inout DiagnosticCollector) {
        let rootName = "\(schema.name)Command"
        var structNames = NameScope(reserved: [rootName])
        var byGroup: [String: [CommandContext]] = [:]
        for resolved in module.operations {
            let stem = module.typeMap.spelling.typeName(resolved.operation.id)
            var name = "\(stem)Command"
            if module.typeMap.isTopLevel(name) { name = "\(stem)Subcommand" }
            let command = Self.command(
                resolved, structName: structNames.claim(name), rootName: rootName, module: module,
                diagnostics: &diagnostics)
            byGroup[module.groups.name(of: resolved.operation), default: []].append(command)
        }
        for waiter in module.waiters {
            for command in Self.waiterCommands(waiter, structNames: &structNames, rootName: rootName, module: module) {
                byGroup[module.groups.name(of: waiter.show.operation), default: []].append(command)
            }
        }
        let titles = Self.distinctTitles(of: Array(byGroup.keys), module.groups)
        let groups = byGroup.keys.sorted { (titles[$0]!, $0) < (titles[$1]!, $1) }
        for group in groups {
            files.append(
                SwiftModulePlan.File(
                    path: "Commands+\(group).swift", template: "cli-commands",
                    context: CommandsFileContext(
                        service: schema.name, module: schema.name, groupTitle: module.groups.title(of: group),
                        isGlobal: module.isGlobal, commands: byGroup[group]!)))
        }
        files.append(
            SwiftModulePlan.File(
                path: "\(rootName).swift", template: "cli-root",
                context: RootCommandContext(
                    service: schema.name, module: schema.name, rootName: rootName,
                    executable: Self.commandName(forService: schema.name),
                    clientName: module.clientName, isGlobal: module.isGlobal, operationCount: module.operations.count,
                    groups: groups.map { group in
                        CommandGroupContext(
                            title: SwiftNames.literal(titles[group]!),
                            commands: ListItemContext.list(byGroup[group]!.map { "\($0.structName).self" }))
                    })))
        files.sort { $0.path < $1.path }
    }

    /// Each group's title in the help, made unique: where two groups share a title (ECS has a native and an
    /// OpenStack "Disk Management"), the words of the group's name that the title lacks are added.
    static func distinctTitles(of groups: [String], _ names: SwiftModulePlan.Groups) -> [String: String] {
        var byTitle: [String: [String]] = [:]
        for group in groups { byTitle[names.title(of: group), default: []].append(group) }
        var titles: [String: String] = [:]
        for (title, sharing) in byTitle {
            for group in sharing {
                let titleWords = Set(SwiftNames.words(title).map { $0.lowercased() })
                let extra = SwiftNames.words(group).filter { !titleWords.contains($0.lowercased()) }
                titles[group] = sharing.count == 1 || extra.isEmpty ? title : "\(title) (\(extra.joined(separator: " ")))"
            }
        }
        return titles
    }

    /// `ModelArts` → `modelarts`, `ECS` → `ecs`: the service's command (`otc modelarts`).
    static func commandName(forService service: String) -> String { service.lowercased() }

    /// `CreateNotebook` → `create-notebook`, `dataset_id` → `dataset-id`, `X-Language` → `x-language`.
    static func kebabCase(_ text: String) -> String {
        SwiftNames.words(text).map { $0.lowercased() }.joined(separator: "-")
    }

    // MARK: One subcommand

    private static func command(
        _ resolved: ResolvedOperation, structName: String, rootName: String, module: SwiftModulePlan,
        diagnostics: inout DiagnosticCollector
    ) -> CommandContext {
        let operation = resolved.operation
        var names = CommandNames(global: module.isGlobal)
        var options: [OptionContext] = []
        var callArguments: [String] = []
        /// Option values by wire name, for the waits and the paginator.
        var values: [String: (value: String, argument: ResolvedOperation.Argument)] = [:]

        // Properties are claimed body first, so that the body is always `body`; call arguments keep the SDK
        // method's order (path, body, query, header).
        let bodyProperty = resolved.body.map { _ in names.properties.claim("body") }
        var body: BodyContext?
        for argument in resolved.arguments {
            if argument.unlabelled, let property = bodyProperty {
                let local = names.properties.claim("requestBody")
                let model = argument.usage.wrapped.description
                let decode = "RequestBodyArgument.decode(\(model).self, from: $0)"
                body = BodyContext(
                    property: property, required: argument.required,
                    help: SwiftNames.wrappedLiteral(bodyHelp(operation, model: model, module: module), column: 12, indent: 8),
                    decode: "let \(local) = "
                        + (argument.required
                            ? "try RequestBodyArgument.decode(\(model).self, from: \(property))"
                            : "try \(property).map { try \(decode) }"),
                    local: local, model: model,
                    skeleton: SwiftNames.rawLiteral(
                        operation.requestBody.map { SwiftBodySkeleton.json(for: $0.type, module: module) } ?? "{}",
                        column: 29, indent: 4))
                callArguments.append(local)
                continue
            }
            let (option, value) = Self.option(for: argument, of: operation, names: &names, module: module)
            options.append(option)
            values[argument.wireName] = (value, argument)
            callArguments.append("\(SwiftNames.unescaped(argument.name)): \(value)")
        }

        var statements = body.map { [$0.decode] } ?? []
        let plainPrefix = resolved.responseType == nil && !resolved.returnsOutput ? "try await" : "_ = try await"
        var call = Self.call("client.\(resolved.name)", arguments: callArguments, prefix: plainPrefix)
        var waits = false
        if let (wait, needsResponse) = Self.wait(after: resolved, values: values, names: &names, module: module, &diagnostics) {
            options.append(wait.option)
            if needsResponse {
                call = Self.call("client.\(resolved.name)", arguments: callArguments, prefix: "let response = try await")
            }
            call += wait.statements
            waits = true
        }
        if let all = Self.listAll(resolved, callArguments: callArguments, values: values, names: &names, module: module) {
            options.append(all.option)
            statements += all.statements + ["} else {"] + call.map { "    " + $0 } + ["}"]
        } else {
            statements += call
        }
        if var given = body {
            let fields = fieldOptions(operation, names: &names, module: module, &diagnostics)
            if !fields.entries.isEmpty {
                statements.replaceSubrange(0..<1, with: fieldDecode(given, entries: fields.entries, required: given.required))
                given.required = false
                body = given
                options += fields.options
            }
        }
        if let headers = operation.successResponse?.headers, !headers.isEmpty {
            statements.append("output.showResponseHeaders([\(headers.map { SwiftNames.literal($0.name) }.joined(separator: ", "))])")
        }
        return CommandContext(
            structName: structName, rootName: rootName,
            commandName: SwiftNames.literal(kebabCase(operation.id)),
            abstract: SwiftNames.wrappedLiteral(
                SwiftDocComment.normalized(operation.title.isEmpty ? operation.id : operation.title), column: 18, indent: 8),
            discussion: SwiftNames.wrappedLiteral(discussion(operation), column: 20, indent: 8),
            options: options, body: body, waits: waits,
            deprecated: resolved.deprecationMessage ?? Self.deprecatedWait(after: operation.id, in: module),
            statements: statements)
    }

    /// The option of one SDK argument, and the expression that turns the option into the argument.
    static func option(
        for argument: ResolvedOperation.Argument, of operation: Operation, names: inout CommandNames,
        module: SwiftModulePlan
    ) -> (OptionContext, value: String) {
        let property = names.properties.claim(argument.name)
        var longName = kebabCase(argument.wireName)
        if names.longNames.contains(longName), let location = argument.location {
            longName = "\(location.rawValue)-\(longName)"
        }
        longName = names.longNames.claim(longName)
        let option = optionShape(argument, property: property, module: module)
        var help = SwiftDocComment.normalized(argument.doc.replacingNewlines())
        let parameter = operation.parameters.first { $0.name == argument.wireName && $0.location == argument.location }
        let values = documentedValues(argument, parameter: parameter, module: module)
        if !values.isEmpty, !argument.docStatesValues { help.appendSentence(SwiftModelBuilder.valuesSentence(values)) }
        return (
            OptionContext(
                attribute: "Option", longName: SwiftNames.literal(longName),
                help: SwiftNames.wrappedLiteral(help, column: 14, indent: 8), declaration: "var \(property): \(option.type)",
                completion: completion(values.map(\.value))),
            option.value
        )
    }

    /// A call as statement lines: on one line when it fits, else one argument per line.
    static func call(_ function: String, arguments: [String], prefix: String) -> [String] {
        let inline = "\(prefix) \(function)(\(arguments.joined(separator: ", ")))"
        if 12 + inline.count <= SwiftDocComment.lineWidth { return [inline] }
        return ["\(prefix) \(function)("] + ListItemContext.list(arguments).map { "    \($0.text)\($0.separator)" } + [")"]
    }

    /// The property type of an option and the expression that turns it into the SDK argument. Enums are read
    /// as strings (every value is accepted, as the SDK's open enums do); arrays are repeatable options.
    private static func optionShape(
        _ argument: ResolvedOperation.Argument, property: String, module: SwiftModulePlan
    ) -> (type: String, value: String) {
        let optional = argument.usage.isOptional
        let isArray = argument.usage.arrayElement != nil
        let element = (argument.usage.arrayElement ?? argument.usage.wrapped).description
        let enumType = argument.isEnum ? "\(module.clientName).\(element)" : element
        let name = SwiftNames.unescaped(property) == property ? property : "self.\(SwiftNames.unescaped(property))"
        let optionElement = argument.isOpenEnum ? "String" : element
        if isArray {
            let converted = argument.isOpenEnum ? "\(name).map(\(enumType).init(rawValue:))" : name
            return ("[\(optionElement)] = []", optional ? "\(name).isEmpty ? nil : \(converted)" : converted)
        }
        if argument.isOpenEnum {
            let value = optional ? "\(name).map(\(enumType).init(rawValue:))" : "\(enumType)(rawValue: \(name))"
            return (optionElement + (optional ? "?" : ""), value)
        }
        return (optionElement + (optional ? "?" : ""), name)
    }

    /// The wire values documented for an enum argument (the parameter's own list, or its named enum's).
    private static func documentedValues(
        _ argument: ResolvedOperation.Argument, parameter: Parameter?, module: SwiftModulePlan
    ) -> [EnumValue] {
        if let values = parameter?.enumValues, !values.isEmpty { return values }
        if case .named(let name) = SwiftTypeMap.leaf(of: argument.schemaType),
            case .enumeration(_, let values)? = module.typeMap.namedType(name)?.kind
        {
            return values
        }
        return []
    }

    /// `--body` help: where the JSON may come from, the model's top-level fields (required ones marked), and
    /// that the options named after fields win over it.
    private static func bodyHelp(_ operation: Operation, model: String, module: SwiftModulePlan) -> String {
        var help = "The request body (\(model)) as JSON, @file.json, or - for standard input."
        let properties = bodyFields(operation.requestBody?.type, module: module)
        guard !properties.isEmpty else { return help }
        let fields = properties.map { $0.name + ($0.required ? "*" : "") }
        help += " Fields (* required): \(fields.joined(separator: ", "))."
        help += " An option named after a field overrides that field of --body. --generate-skeleton prints a template."
        return help
    }

    /// The HTTP line, the summary and the source page, as paragraphs.
    private static func discussion(_ operation: Operation) -> String {
        var paragraphs = ["\(operation.method.uppercased()) \(operation.path)"]
        let summary = SwiftDocComment.normalized(operation.summary.replacingNewlines())
        if !summary.isEmpty, summary != operation.title { paragraphs.append(summary) }
        paragraphs.append("Documented in \(operation.sourcePage).")
        return paragraphs.joined(separator: "\n\n")
    }
}

// MARK: Template contexts

struct RootCommandContext {
    var service: String
    var module: String
    var rootName: String
    /// The service's command (`modelarts`): lower-case letters only, so the template quotes it as it is.
    var executable: String
    var clientName: String
    /// Whether the service is global: its commands have no `--project-id` of the connection's.
    var isGlobal: Bool
    var operationCount: Int
    var groups: [CommandGroupContext]
}

/// `Generated/OTCServices/OTCServices.swift`: literals and list items, rendered as they are.
struct CommandIndexContext {
    var generatorVersion: String
    var modules: [String]
    var commands: [ListItemContext]
    var sources: [ListItemContext]
}

struct CommandGroupContext {
    var title: String
    var commands: [ListItemContext]
}

struct CommandsFileContext {
    var service: String
    var module: String
    var groupTitle: String
    /// As ``RootCommandContext/isGlobal``.
    var isGlobal: Bool
    var commands: [CommandContext]
}

struct CommandContext {
    var structName: String
    var rootName: String
    var commandName: String
    var abstract: String
    var discussion: String
    var options: [OptionContext]
    var body: BodyContext?
    /// Whether the command has the ``WaitOptions`` group (`--wait-timeout`, `--max-polls`, `--poll-delay`).
    var waits: Bool
    /// As ``OperationContext/deprecated``, on `run()`: the command calls a deprecated API or waits on one.
    var deprecated: String?
    /// The body of the command's closure, one line each, indented relative to it.
    var statements: [String]
}

struct OptionContext {
    /// `Option` or `Flag`.
    var attribute: String
    var longName: String
    var help: String
    var declaration: String
    /// `.list([...])`: the values shells complete, for an option with documented values.
    var completion: String? = nil
}

struct BodyContext {
    var property: String
    var required: Bool
    var help: String
    /// `let requestBody = try RequestBodyArgument.decode(…)`.
    var decode: String
    /// The local the body is decoded into (`requestBody`) and its model's name.
    var local: String
    var model: String
    /// The Swift literal of the body's template (``SwiftBodySkeleton``), for `--generate-skeleton`.
    var skeleton: String
}

/// The Swift properties and the option names of one command, claimed as its options are made.
struct CommandNames {
    var properties = NameScope(reserved: [
        "bodySkeleton", "client", "configuration", "connection", "output", "printing", "response", "run", "skeleton",
        "project", "validate", "waiting",
    ])
    var longNames: NameScope

    init(global: Bool) {
        longNames = NameScope(reserved: SwiftCommandPlan.reservedOptionNames(global: global))
    }
}
