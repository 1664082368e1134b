import APISchema

/// The one rule that says which request or response a page's example illustrates. Every later stage (body
/// wrappers, the reconciler, the emitters, the round-trip tests) reads the examples where this rule put them.
enum ExampleAttachment {
    /// The statuses the page's response examples name: each is a documented response of the operation.
    static func statuses(of examples: [PageExample]) -> [Int] {
        examples.compactMap { $0.kind == .response && $0.value != nil ? $0.status : nil }
    }

    /// Attaches the parsed `examples` to the operation `draft`, whose responses include every status they name
    /// (``statuses(of:)``):
    /// - a request example to the request (also where the tables document no body);
    /// - a response example to the response of the status its page names; without one, a success example to the
    ///   success response (``Operation/successResponse``, bodies included: ``OperationDraft/successStatus``) and a
    ///   failure example to the lowest documented error response.
    /// Returns the failure examples without a status on a page that documents no error response: they illustrate
    /// nothing the schema has.
    static func attach(_ examples: [PageExample], to draft: inout OperationDraft) -> [PageExample] {
        var unattached: [PageExample] = []
        let success = draft.successStatus
        let firstError = draft.operation.responses.first { !(200..<300).contains($0.status) }?.status
        for pageExample in examples {
            guard let value = pageExample.value else { continue }
            let example = Example(title: pageExample.title, value: value)
            guard pageExample.kind == .response else {
                draft.operation.requestExamples.append(example)
                continue
            }
            let status = pageExample.status ?? (pageExample.isFailure ? firstError : success)
            guard let index = draft.operation.responses.firstIndex(where: { $0.status == status }) else {
                unattached.append(pageExample)
                continue
            }
            draft.operation.responses[index].examples.append(example)
        }
        return unattached
    }
}
