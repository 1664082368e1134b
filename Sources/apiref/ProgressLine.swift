import DocsMirror
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The progress of one service's run on standard error: one line rewritten in place on a terminal, a line every
/// 100 pages otherwise (a CI log).
struct ProgressLine: Sendable {
    let service: String
    private let isTerminal = isatty(STDERR_FILENO) == 1

    init(service: String) { self.service = service }

    func show(_ progress: MirrorProgress) {
        let line = "\(service): \(progress.pagesDone) pages, \(progress.pagesQueued) to go"
        if isTerminal {
            write("\r\(line)\u{1B}[K")
        } else if progress.pagesDone % 100 == 0 {
            write(line + "\n")
        }
    }

    func clear() {
        guard isTerminal else { return }
        write("\r\u{1B}[K")
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
