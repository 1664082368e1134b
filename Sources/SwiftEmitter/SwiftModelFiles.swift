import APISchema

/// The models files: a type the operations of one group use lives in `<Group>/<Group>+Models.swift`, under a mark
/// of the one operation that uses it (or of several operations); a type operations of several groups use (or none)
/// lives in `Models.swift`. A type moves only when the set of operations that use it changes, never because a
/// neighbour grew. One file per group rather than per type: the files' header lines were 7% of a module.
struct ModelFiles {
    let clientName: String
    let groups: SwiftModulePlan.Groups
    /// Client method names by operation id.
    let methods: [String: String]
    private var byPath: [String: (title: String, isGroupFile: Bool, declarations: [Entry])] = [:]

    private struct Entry {
        /// The mark the declaration is under: an operation's method name, else empty for several or none.
        var section: String
        var name: String
        var declaration: DeclarationContext
    }

    init(clientName: String, groups: SwiftModulePlan.Groups, methods: [String: String]) {
        self.clientName = clientName
        self.groups = groups
        self.methods = methods
    }

    /// Adds the declaration of the type `name`, which the operations `users` use.
    mutating func add(_ declaration: DeclarationContext, named name: String, users: [Operation]) {
        let userGroups = Set(users.map(groups.name(of:)))
        if userGroups.count == 1, let group = userGroups.first {
            let section = users.count == 1 ? methods[users[0].id] ?? users[0].id : ""
            byPath["\(group)/\(group)+Models.swift", default: ("used by the operations of \(groups.title(of: group))", true, [])]
                .declarations.append(Entry(section: section, name: name, declaration: declaration))
        } else {
            byPath["Models.swift", default: ("used by operations of several groups, or by none", false, [])]
                .declarations.append(Entry(section: "", name: name, declaration: declaration))
        }
    }

    func files(service: String) -> [SwiftModulePlan.File] {
        byPath.map { path, entry in
            // Each operation's own types in method order, then the types several operations use.
            let sorted = entry.declarations.sorted {
                ($0.section.isEmpty ? 1 : 0, $0.section, $0.name) < ($1.section.isEmpty ? 1 : 0, $1.section, $1.name)
            }
            var declarations: [DeclarationContext] = []
            var section: String?
            for item in sorted {
                var declaration = item.declaration
                if item.section != section, entry.isGroupFile {
                    declaration.mark = item.section.isEmpty
                        ? "Used by several operations" : "\(clientName).\(item.section)"
                }
                section = item.section
                declarations.append(declaration)
            }
            return SwiftModulePlan.File(
                path: path, template: "models",
                context: ModelsFileContext(service: service, groupTitle: entry.title, declarations: declarations))
        }
    }
}
