import APISchema

extension OverrideApplier {
    /// `notAnAPIPage` (page): a page with a mark of an API page that yields no operation is accepted as not an API
    /// page (a walkthrough that quotes a request line, an appendix with a request table). Its
    /// `page-without-operation` error goes; the report lists it as accepted, with the override's reason. A page that
    /// yields an operation, or that no mark made an error, is not a target: the entry would hide nothing.
    static func acceptNotAnAPIPage(_ entry: Override, reason: String, in schema: inout ServiceSchema)
        -> OverrideProblem?
    {
        guard let page = entry.page else { return .invalid("needs page") }
        let isLoss = { (diagnostic: Diagnostic) in
            diagnostic.id == .pageWithoutOperation && diagnostic.location.page == page
        }
        guard schema.diagnostics.contains(where: isLoss) else {
            return .targetMissing(
                "page '\(page)' has no page-without-operation error "
                    + "(it yields an operation, or has no mark of an API page)")
        }
        schema.diagnostics.removeAll(where: isLoss)
        schema.pageCensus.skipped = schema.pageCensus.skipped.map { skipped in
            guard skipped.page == page else { return skipped }
            return PageCensus.SkippedPage(page: page, reason: PageCensus.acceptedReason, detail: reason.trimmed())
        }.sorted()
        return nil
    }
}
