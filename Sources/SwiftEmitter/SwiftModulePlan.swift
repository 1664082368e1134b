import APISchema

/// Which files make the module, and the template context of each: the client, one operations file per group,
/// the models of each group and those several groups share (``ModelFiles``); and, outside the module, the
/// example round-trip table the generated-SDK tests use.
struct SwiftModulePlan {
    struct File {
        var path: String
        var template: String
        var context: Any
    }

    private(set) var files: [File] = []
    /// The example round-trip table: test scaffolding, compiled into a target of its own that ships in no product.
    private(set) var exampleRoundTrips: File
    /// Every operation's client method, sorted by operation id: what the command-line plan calls.
    private(set) var operations: [ResolvedOperation] = []
    /// Paginators by the id of the operation they page through: what `--all` calls.
    private(set) var paginators: [String: PaginatorContext] = [:]
    /// The service's waiters, in schema order: what the command-line plan offers as waits.
    private(set) var waiters: [ResolvedWaiter] = []
    let clientName: String
    /// Whether the service is global (``ServiceSchema/isGlobal``).
    let isGlobal: Bool
    let typeMap: SwiftTypeMap
    let groups: Groups

    /// Plans the module; throws when the schema has no endpoint (neither its pages nor its configuration state
    /// one), since a client must not guess where to send its calls. What it leaves out goes to `diagnostics`.
    init(schema: ServiceSchema, diagnostics: inout DiagnosticCollector) throws {
        guard let endpoint = schema.endpoint else { throw SwiftEmitter.EmitterError.noEndpoint(schema.name) }
        let clientName = "\(schema.name)Client"
        var typeMap = SwiftTypeMap(schema: schema, clientName: clientName)
        let operations = schema.operations.sorted { $0.id < $1.id }

        // Wrapper names first, so no nested enum or later model can take them.
        var wrappers: [String: (request: String?, response: String?)] = [:]
        for operation in operations {
            let names = SwiftOperationBuilder.wrapperNames(for: operation, typeMap: typeMap)
            wrappers[operation.id] = (
                names.request.map { typeMap.claimTopLevel($0) }, names.response.map { typeMap.claimTopLevel($0) }
            )
        }
        var outputNames: [String: String] = [:]
        for operation in operations {
            if let name = SwiftOutputBuilder.outputName(for: operation, spelling: typeMap.spelling) { outputNames[operation.id] = typeMap.claimTopLevel(name) }
        }
        typeMap.shareEnums(in: schema)
        let errorCodeType = schema.errorCodes.isEmpty
            ? nil : typeMap.claimTopLevel(SwiftErrorCodes.typeName(service: schema.name))
        self.typeMap = typeMap
        // Parameter enums live inside the client; claim their names against the top-level names too.
        var methodNames = NameScope(reserved: ["client", "endpointPrefix", "init", "scope"])
        let methods = operations.map { methodNames.claim(typeMap.spelling.member($0.id)) }

        let groups = Self.groupNames(schema: schema, operations: operations, spelling: typeMap.spelling)
        self.clientName = clientName
        self.isGlobal = schema.isGlobal
        self.groups = groups
        let operationBuilder = SwiftOperationBuilder(typeMap: typeMap, clientName: clientName)
        let modelBuilder = SwiftModelBuilder(typeMap: typeMap)
        let outputBuilder = SwiftOutputBuilder(typeMap: typeMap, clientName: clientName, service: schema.name)

        // MARK: Operations, one file per group
        var enumScope = NameScope()
        var resolvedByID: [String: ResolvedOperation] = [:]
        var byGroup: [String: (members: [ClientMemberContext], enums: [EnumContext], declarations: [DeclarationContext])] = [:]
        for (index, operation) in operations.enumerated() {
            let group = groups.name(of: operation)
            var entry = byGroup[group] ?? ([], [], [])
            let wrapper = wrappers[operation.id]!
            let resolved = operationBuilder.resolve(
                operation, methodName: methods[index], requestWrapper: wrapper.request,
                responseWrapper: wrapper.response, enums: &entry.enums, enumScope: &enumScope)
            resolvedByID[operation.id] = resolved
            var method = operationBuilder.method(resolved)
            if let name = outputNames[operation.id], let output = outputBuilder.output(named: name, for: resolved) {
                method = outputBuilder.adapting(method, to: name, resolved: resolved, builder: operationBuilder)
                files.append(
                    File(
                        path: "\(group)/\(typeMap.spelling.typeName(operation.id))+Output.swift", template: "output",
                        context: output))
            }
            entry.members.append(ClientMemberContext(blankLine: !entry.members.isEmpty, method: method))
            if let name = wrapper.request, let body = operation.requestBody {
                entry.declarations.append(
                    Self.alias(
                        name, of: typeMap.swiftType(body.type),
                        doc: SwiftTypeDocs.requestRole(clientName: clientName, method: methods[index])))
            }
            if let name = wrapper.response, let type = operation.successResponse?.type {
                entry.declarations.append(
                    Self.alias(
                        name, of: typeMap.swiftType(type),
                        doc: SwiftTypeDocs.responseRole(clientName: clientName, method: methods[index])))
            }
            byGroup[group] = entry
        }
        for operation in operations {
            let resolved = resolvedByID[operation.id]!
            let name = methodNames.claim(SwiftNames.unescaped(resolved.name) + "Paginator")
            guard let paginator = operationBuilder.paginator(resolved, name: name) else { continue }
            paginators[operation.id] = paginator
            let group = groups.name(of: operation)
            let members = byGroup[group]!.members
            let position = (members.firstIndex { $0.method?.name == resolved.name } ?? members.count - 1) + 1
            byGroup[group]!.members.insert(
                ClientMemberContext(blankLine: true, paginator: paginator), at: position)
        }
        var waiters: [ResolvedWaiter] = []
        for waiter in schema.waiters {
            guard let show = resolvedByID[waiter.operation],
                let resolved = ResolvedWaiter(waiter, show: show, typeMap: typeMap, methodNames: &methodNames)
            else {
                ResolvedWaiter.reportDropped(waiter, show: resolvedByID[waiter.operation], typeMap, &diagnostics)
                continue
            }
            waiters.append(resolved)
            let group = groups.name(of: show.operation)
            let members = byGroup[group]!.members
            // After the polled method and its paginator.
            var position = (members.firstIndex { $0.method?.name == show.name } ?? members.count - 1) + 1
            while position < members.count, members[position].method == nil { position += 1 }
            byGroup[group]!.members.insert(
                contentsOf: operationBuilder.waiterMethods(resolved).map { ClientMemberContext(blankLine: true, waiter: $0) },
                at: position)
        }
        self.waiters = waiters
        self.operations = operations.map { resolvedByID[$0.id]! }
        for (group, entry) in byGroup {
            files.append(
                File(
                    path: "\(group)/\(clientName)+\(group).swift", template: "operations",
                    context: OperationsFileContext(
                        service: schema.name, clientName: clientName, groupTitle: groups.title(of: group),
                        declarations: entry.declarations, hasDeclarations: !entry.declarations.isEmpty,
                        enums: entry.enums, members: entry.members)))
        }

        // MARK: Client
        files.append(
            File(
                path: "\(clientName).swift", template: "client",
                context: ClientFileContext(
                    service: schema.name, serviceLiteral: SwiftNames.literal(schema.name), clientName: clientName,
                    endpointPrefix: SwiftNames.literal(endpoint.prefix),
                    endpointSource: endpoint.page.map { "stated on \($0)" } ?? "configured",
                    isGlobal: schema.isGlobal, operationCount: operations.count)))
        if let errorCodeType {
            files.append(
                File(
                    path: "\(errorCodeType).swift", template: "error-codes",
                    context: SwiftErrorCodes.context(
                        for: schema, typeName: errorCodeType, clientName: clientName, spelling: typeMap.spelling)))
        }

        // MARK: Models, with the one operation that uses them, or one file each when several do
        let usage = Self.typeUsage(schema: schema, operations: operations)
        let responseTypes = schema.responseTypeNames
        let methodsByID = Dictionary(uniqueKeysWithValues: zip(operations.map(\.id), methods))
        let typeDocs = SwiftTypeDocs(schema: schema, clientName: clientName, methods: methodsByID)
        let operationsByID = Dictionary(uniqueKeysWithValues: operations.map { ($0.id, $0) })
        var models = ModelFiles(clientName: clientName, groups: groups, methods: methodsByID)
        for type in schema.types {
            let declaration = modelBuilder.declaration(
                for: type, inResponse: responseTypes.contains(type.name), description: typeDocs.texts[type.name] ?? "")
            let users = (usage[type.name] ?? []).sorted().compactMap { operationsByID[$0] }
            models.add(declaration, named: typeMap.swiftType(.named(type.name)), users: users)
        }
        for shared in typeMap.sharedEnums.all {
            let users = Set(shared.users.flatMap { usage[$0] ?? [$0] }).sorted().compactMap { operationsByID[$0] }
            let declaration = DeclarationContext(
                openEnum: modelBuilder.openEnum(
                    named: shared.name,
                    doc: SwiftDocComment(
                        "Documented values of the `\(shared.key.field)` fields and parameters; other values decode as well."),
                    values: shared.values, indent: 0, queryValue: true))
            models.add(declaration, named: shared.name, users: users)
        }
        files += models.files(service: schema.name)

        // MARK: Example round trips
        var entries: [ExampleEntryContext] = []
        for operation in operations {
            let wrapper = wrappers[operation.id]!
            if let body = operation.requestBody {
                entries.append(
                    ExampleEntryContext(
                        key: SwiftNames.literal("\(operation.id) request"),
                        type: wrapper.request ?? typeMap.swiftType(body.type)))
            }
            let success = operation.successResponse
            for response in operation.responses where (200..<300).contains(response.status) {
                guard let type = response.type else { continue }
                let swiftType = response.status == success?.status ? (wrapper.response ?? typeMap.swiftType(type)) : typeMap.swiftType(type)
                entries.append(
                    ExampleEntryContext(key: SwiftNames.literal("\(operation.id) \(response.status)"), type: swiftType))
            }
        }
        let typeName = "\(schema.name)ExampleRoundTrips"
        exampleRoundTrips = File(
            path: "\(typeName).swift", template: "examples",
            context: ExamplesFileContext(
                service: schema.name, typeName: typeName,
                entries: ListItemContext.list(entries.map { "\($0.key): roundTrip(\($0.type).self)" }),
                hasEntries: !entries.isEmpty))
        files.sort { $0.path < $1.path }
    }

    private static func alias(_ name: String, of type: String, doc: String) -> DeclarationContext {
        DeclarationContext(
            typeAlias: TypeAliasContext(doc: SwiftDocComment(doc).lines(indent: 0), name: name, type: type))
    }

    // MARK: Groups

    struct Groups {
        var names: [String: String]
        var titles: [String: String]

        func name(of operation: Operation) -> String { names[operation.id] ?? "Other" }
        func title(of group: String) -> String { titles[group] ?? group }
    }

    /// File-name-safe group of every operation, and each group's title.
    static func groupNames(schema: ServiceSchema, operations: [Operation], spelling: SwiftSpelling) -> Groups {
        var titles: [String: String] = ["Other": "Other operations"]
        var fileNames: [String: String] = [:]
        for group in schema.groups {
            let name = spelling.upperCamel(group.name)
            fileNames[group.name] = name.isEmpty ? "Other" : name
            titles[fileNames[group.name]!] = group.title
        }
        var names: [String: String] = [:]
        for operation in operations {
            let name = fileNames[operation.group] ?? spelling.upperCamel(operation.group)
            names[operation.id] = name.isEmpty ? "Other" : name
        }
        return Groups(names: names, titles: titles)
    }

    /// The operations that use each named type, directly or through other types.
    static func typeUsage(schema: ServiceSchema, operations: [Operation]) -> [String: Set<String>] {
        var usage: [String: Set<String>] = [:]
        let types = schema.typesByName
        for operation in operations {
            let roots = operation.parameters.compactMap(\.type.referencedName)
                + [operation.requestBody?.type.referencedName].compactMap { $0 }
                + operation.responses.compactMap { $0.type?.referencedName }
            for name in ServiceSchema.typesReachable(from: roots, in: types) {
                usage[name, default: []].insert(operation.id)
            }
        }
        return usage
    }
}

struct ClientFileContext {
    var service: String
    /// The service's name as a Swift string literal, for ``RequestContext/service``.
    var serviceLiteral: String
    var clientName: String
    var endpointPrefix: String
    /// Where the endpoint was read: `stated on <page>` or `configured`.
    var endpointSource: String
    /// Whether the service is global (domain-level): its client signs with the domain and needs no project.
    var isGlobal: Bool
    var operationCount: Int
}

struct ModelsFileContext {
    var service: String
    var groupTitle: String
    var declarations: [DeclarationContext]
}

struct ExampleEntryContext {
    var key: String
    var type: String
}

struct ExampleIndexContext {
    var services: [ListItemContext]
}

struct ExamplesFileContext {
    var service: String
    var typeName: String
    var entries: [ListItemContext]
    var hasEntries: Bool
}
