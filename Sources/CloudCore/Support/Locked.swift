import Foundation

/// A value shared between tasks and event-loop callbacks, read and written under a lock (`Mutex` needs macOS 15).
///
/// `@unchecked Sendable`: `value` is only touched under `lock`.
final class Locked<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    /// The current value.
    var current: Value { lock.withLock { value } }

    /// Changes the value in place and returns what `change` returns.
    @discardableResult
    func withLock<Result>(_ change: (inout Value) -> Result) -> Result {
        lock.withLock { change(&value) }
    }
}
