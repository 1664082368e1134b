/// A resource whose lifecycle state can be waited for: a "show" operation whose response carries a state field
/// with documented values (a notebook's `status`: `CREATING`, `RUNNING`, `ERROR`, …).
///
/// The schema builder finds waiters by a rule (`WaiterRule` in SchemaBuilder); overrides add, remove or correct
/// them. Emitters turn each into "wait until one of these states" and, when `deleteOperation` is set, "wait until
/// deleted".
public struct Waiter: Codable, Sendable, Hashable {
    /// What the resource is called in waiter names (`Notebook` → `waitForNotebook`), unique in the service.
    public var name: String
    /// The operation that is polled (`ShowNotebook`).
    public var operation: String
    /// Property names from the response body to the state field: `["status"]`, `["server", "status"]`.
    public var stateField: [String]
    /// Documented states that end a wait with an error unless they are waited for, in page order.
    public var failureStates: [String]
    /// Documented states that mean the resource is gone (`DELETED`); a deletion wait also ends on them.
    public var deletedStates: [String]
    /// The operation that deletes the resource (same path, `DELETE`), when there is one.
    public var deleteOperation: String?
    /// Operations that start a change of the state, with where the resource's identity comes from.
    public var startedBy: [Trigger]

    /// An operation after which a caller typically waits (create, start, stop, update, delete).
    public struct Trigger: Codable, Sendable, Hashable {
        /// The operation id.
        public var operation: String
        /// For an operation that creates the resource: property names from its response body to the new
        /// resource's id, which fills the polled operation's last path parameter. `nil` when the operation's own
        /// path parameters name the resource.
        public var idField: [String]?

        public init(operation: String, idField: [String]? = nil) {
            self.operation = operation
            self.idField = idField
        }
    }

    /// The failure states that end a wait for deletion: those of a failed deletion (`DELETE_FAILED`). A resource
    /// that failed otherwise (`CREATE_FAILED`, `ERROR`) may still show that state while its deletion starts.
    public var deletionFailureStates: [String] { failureStates.filter { $0.uppercased().contains("DELETE") } }

    public init(
        name: String, operation: String, stateField: [String], failureStates: [String], deletedStates: [String] = [],
        deleteOperation: String? = nil, startedBy: [Trigger] = []
    ) {
        self.name = name
        self.operation = operation
        self.stateField = stateField
        self.failureStates = failureStates
        self.deletedStates = deletedStates
        self.deleteOperation = deleteOperation
        self.startedBy = startedBy
    }
}
