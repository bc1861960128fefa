import Foundation

extension SiteBuilder {
    /// Builds the site into `output`: pages are written to a staging folder as they are made,
    /// and the staging folder replaces `output` only when the whole build succeeded.
    @discardableResult
    public func build(into output: URL, display: String? = nil) throws(BuildFailure) -> Result {
        try build(into: OutputTransaction(output: output, source: source, display: display ?? output.path))
    }

    /// The same, into a transaction the caller holds, so that it can abandon it on Ctrl-C.
    @discardableResult
    public func build(into transaction: OutputTransaction) throws(BuildFailure) -> Result {
        let sink = FolderSink(root: transaction.stagingFolder)
        var result: Result
        do {
            result = try run(into: sink)
        } catch {
            transaction.abandon()
            throw BuildFailure(error.diagnostics + transaction.notes, strict: error.strict)
        }
        let gone = GoneAddresses.warnings(previous: transaction.output, written: sink.written, display: transaction.display)
        if settings.strict, !gone.isEmpty {
            transaction.abandon()
            throw BuildFailure(gone, strict: true)
        }
        var clock = StageClock()
        try clock.time("replace output") { () throws(BuildFailure) in try transaction.commit(written: sink.written) }
        result.timings += clock.timings
        result.warnings += gone
        result.warnings += transaction.notes
        return result
    }
}
