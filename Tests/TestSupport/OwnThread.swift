import Foundation

/// Runs blocking or CPU-bound work (reading a pipe, waiting for a process, building a service's schema from hundreds
/// of pages) on a thread of its own. On the cooperative pool (two threads on a two-core machine) it would starve every
/// other test's timers and I/O: a 200 ms request timeout was seen to fire 37 s late beside schema builds.
public func onOwnThread<Result: Sendable, Failure: Error>(
    _ work: @escaping @Sendable () throws(Failure) -> Result
) async throws(Failure) -> Result {
    let outcome = await withCheckedContinuation { (continuation: CheckedContinuation<Swift.Result<Result, Failure>, Never>) in
        Thread {
            do throws(Failure) {
                continuation.resume(returning: .success(try work()))
            } catch {
                continuation.resume(returning: .failure(error))
            }
        }.start()
    }
    return try outcome.get()
}
