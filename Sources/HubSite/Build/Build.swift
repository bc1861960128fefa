import Foundation

extension SiteBuilder {
    /// Builds the site and replaces `output` with it; on any error `output` is left as it was.
    @discardableResult
    public func build(into output: URL) throws(BuildFailure) -> Result {
        var result = try render()
        let start = DispatchTime.now().uptimeNanoseconds
        try OutputWriter.write(result.files, to: output, sourceFolder: source)
        result.timings.append(("write", Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
        return result
    }
}
