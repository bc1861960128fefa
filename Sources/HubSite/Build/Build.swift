import Foundation

extension SiteBuilder {
    /// Builds the site into `output`: pages are written to a staging folder as they are made,
    /// and the staging folder replaces `output` only when the whole build succeeded.
    @discardableResult
    public func build(into output: URL) throws(BuildFailure) -> Result {
        let staging = try OutputWriter.prepareStaging(for: output, sourceFolder: source)
        let sink = FolderSink(folder: staging)
        var result: Result
        do {
            result = try run(into: sink, keepBodies: false, lintProse: false)
        } catch {
            OutputWriter.discard(staging)
            throw error
        }
        let start = DispatchTime.now().uptimeNanoseconds
        try OutputWriter.swap(staging, into: output)
        result.timings.append(("replace output", Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
        return result
    }
}
