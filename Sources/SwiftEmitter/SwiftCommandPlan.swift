import APISchema

/// The command-line client of a service (`Generated/<Service>CLI/`): a root command named after the service
/// (`modelarts`) with one subcommand per operation (`modelarts list-datasets`), grouped like the table of
/// contents. Every subcommand turns its options into the arguments of the SDK method the module plan resolved,
/// so the CLI and the library cannot disagree about an operation.
struct SwiftCommandPlan {
    /// Options every command has (``ConnectionOptions`` in CloudCLI, `--body`, ArgumentParser's own).
    static let reservedOptionNames: Set<String> = [
        "body", "cloud", "endpoint", "help", "max-attempts", "project-id", "region", "timeout", "verbose", "version",
    ]

    private(set) var files: [SwiftModulePlan.File] = []

    init(schema: ServiceSchema, module: SwiftModulePlan) {
        let rootName = "\(schema.name)Command"
        var structNames = NameScope(reserved: [rootName])
        var byGroup: [String: [CommandContext]] = [:]
        for resolved in module.operations {
            var name = "\(resolved.operation.id)Command"
            if module.typeMap.isTopLevel(name) { name = "\(resolved.operation.id)Subcommand" }
            let command = Self.command(
                resolved, structName: structNames.claim(name), rootName: rootName, module: module)
            byGroup[module.groups.name(of: resolved.operation), default: []].append(command)
        }
        let titles = Self.distinctTitles(of: Array(byGroup.keys), module.groups)
        let groups = byGroup.keys.sorted { (titles[$0]!, $0) < (titles[$1]!, $1) }
        for group in groups {
            files.append(
                SwiftModulePlan.File(
                    path: "Commands+\(group).swift", template: "cli-commands",
                    context: CommandsFileContext(
                        service: schema.name, module: schema.name, groupTitle: module.groups.title(of: group),
                        commands: byGroup[group]!)))
        }
        files.append(
            SwiftModulePlan.File(
                path: "\(rootName).swift", template: "cli-root",
                context: RootCommandContext(
                    service: schema.name, module: schema.name, rootName: rootName,
                    executable: Self.commandName(forService: schema.name),
                    clientName: module.clientName, operationCount: module.operations.count,
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

    /// `ModelArts` → `modelarts`, `ECS` → `ecs`: the executable's name.
    static func commandName(forService service: String) -> String { service.lowercased() }

    /// `CreateNotebook` → `create-notebook`, `dataset_id` → `dataset-id`, `X-Language` → `x-language`.
    static func kebabCase(_ text: String) -> String {
        SwiftNames.words(text).map { $0.lowercased() }.joined(separator: "-")
    }

    // MARK: One subcommand

    private static func command(
        _ resolved: ResolvedOperation, structName: String, rootName: String, module: SwiftModulePlan
    ) -> CommandContext {
        let operation = resolved.operation
        var properties = NameScope(reserved: ["connection", "configuration", "run", "validate"])
        var longNames = NameScope(reserved: reservedOptionNames)
        var options: [OptionContext] = []
        var callArguments: [String] = []
        let parameters = Dictionary(
            operation.parameters.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })

        // Properties are claimed body first, so that the body is always `body`; call arguments keep the SDK
        // method's order (path, body, query, header).
        let bodyProperty = resolved.body.map { _ in properties.claim("body") }
        var body: BodyContext?
        for argument in resolved.arguments {
            if argument.unlabelled, let property = bodyProperty {
                let local = properties.claim("requestBody")
                let model = argument.type.hasSuffix("?") ? String(argument.type.dropLast()) : argument.type
                let decode = "RequestBodyArgument.decode(\(model).self, from: $0)"
                body = BodyContext(
                    property: property, local: local, required: argument.required,
                    help: SwiftNames.wrappedLiteral(bodyHelp(operation, model: model, module: module), column: 12, indent: 8),
                    decode: argument.required
                        ? "try RequestBodyArgument.decode(\(model).self, from: \(property))"
                        : "try \(property).map { try \(decode) }")
                callArguments.append(local)
                continue
            }
            let property = properties.claim(argument.name)
            var longName = kebabCase(argument.wireName)
            if longNames.contains(longName), let location = argument.location {
                longName = "\(location.rawValue)-\(longName)"
            }
            longName = longNames.claim(longName)
            let option = optionShape(argument, property: property, module: module)
            var help = SwiftDocComment.normalized(argument.doc.replacingNewlines())
            let values = documentedValues(argument, parameter: parameters[argument.wireName], module: module)
            if !values.isEmpty { help += (help.isEmpty ? "" : " ") + "Values: \(values.joined(separator: ", "))." }
            options.append(
                OptionContext(
                    longName: SwiftNames.literal(longName), help: SwiftNames.wrappedLiteral(help, column: 14, indent: 8),
                    declaration: "var \(property): \(option.type)"))
            callArguments.append("\(SwiftNames.unescaped(argument.name)): \(option.value)")
        }

        let prefix = resolved.responseType == nil ? "try await" : "_ = try await"
        let inline = "\(prefix) client.\(resolved.name)(\(callArguments.joined(separator: ", ")))"
        let fits = 12 + inline.count <= SwiftDocComment.lineWidth
        return CommandContext(
            structName: structName, rootName: rootName,
            commandName: SwiftNames.literal(kebabCase(operation.id)),
            abstract: SwiftNames.wrappedLiteral(
                SwiftDocComment.normalized(operation.title.isEmpty ? operation.id : operation.title), column: 18, indent: 8),
            discussion: SwiftNames.wrappedLiteral(discussion(operation), column: 20, indent: 8),
            options: options, body: body,
            call: fits ? inline : "\(prefix) client.\(resolved.name)(",
            wrapCall: !fits, wrappedCallArguments: fits ? [] : ListItemContext.list(callArguments))
    }

    /// The property type of an option and the expression that turns it into the SDK argument. Enums are read
    /// as strings (every value is accepted, as the SDK's open enums do); arrays are repeatable options.
    private static func optionShape(
        _ argument: ResolvedOperation.Argument, property: String, module: SwiftModulePlan
    ) -> (type: String, value: String) {
        var type = argument.type
        let optional = type.hasSuffix("?")
        if optional { type.removeLast() }
        let isArray = type.hasPrefix("[")
        let element = isArray ? String(type.dropFirst().dropLast()) : type
        let isEnum = argument.isEnum || module.typeMap.isOpenEnum(element)
        let enumType = argument.isEnum ? "\(module.clientName).\(element)" : element
        let name = SwiftNames.unescaped(property) == property ? property : "self.\(SwiftNames.unescaped(property))"
        let optionElement = isEnum ? "String" : element
        if isArray {
            let converted = isEnum ? "\(name).map(\(enumType).init(rawValue:))" : name
            return ("[\(optionElement)] = []", optional ? "\(name).isEmpty ? nil : \(converted)" : converted)
        }
        if isEnum {
            let value = optional ? "\(name).map(\(enumType).init(rawValue:))" : "\(enumType)(rawValue: \(name))"
            return (optionElement + (optional ? "?" : ""), value)
        }
        return (optionElement + (optional ? "?" : ""), name)
    }

    /// The wire values documented for an enum argument (the parameter's own list, or its named enum's).
    private static func documentedValues(
        _ argument: ResolvedOperation.Argument, parameter: Parameter?, module: SwiftModulePlan
    ) -> [String] {
        if let values = parameter?.enumValues, !values.isEmpty { return values.map(\.value) }
        if case .named(let name) = SwiftTypeMap.leaf(of: argument.schemaType),
            case .enumeration(_, let values)? = module.typeMap.namedType(name)?.kind
        {
            return values.map(\.value)
        }
        return []
    }

    /// `--body` help: where the JSON may come from, and the model's top-level fields (required ones marked).
    private static func bodyHelp(_ operation: Operation, model: String, module: SwiftModulePlan) -> String {
        var help = "The request body (\(model)) as JSON, @file.json, or - for standard input."
        guard case .named(let name)? = operation.requestBody?.type,
            case .object(let properties)? = module.typeMap.namedType(name)?.kind, !properties.isEmpty
        else { return help }
        let fields = properties.map { $0.name + ($0.required ? "*" : "") }
        help += " Fields (* required): \(fields.joined(separator: ", "))."
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
    /// The executable's name (`modelarts`): lower-case letters only, so the template quotes it as it is.
    var executable: String
    var clientName: String
    var operationCount: Int
    var groups: [CommandGroupContext]
}

struct CommandGroupContext {
    var title: String
    var commands: [ListItemContext]
}

struct CommandsFileContext {
    var service: String
    var module: String
    var groupTitle: String
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
    /// The SDK call, or its first line when the arguments follow one per line.
    var call: String
    var wrapCall: Bool
    var wrappedCallArguments: [ListItemContext]
}

struct OptionContext {
    var longName: String
    var help: String
    var declaration: String
}

struct BodyContext {
    var property: String
    var local: String
    var required: Bool
    var help: String
    var decode: String
}
