import Foundation

extension SiteBuilder {
    /// `hubsite check` of a built folder: the sources are built in memory, which checks them,
    /// and the folder is read once. When the folder is what the sources make, that build's
    /// findings are the report; otherwise the folder is checked as it is, each problem placed in
    /// the folder's file, with a warning that it is out of date; and when the sources no longer
    /// build, their errors join what the folder holds. `display` is how messages name the folder.
    public func checkFolder(_ folder: URL, display: String) -> SiteChecker.Report {
        let built = OutputFolder.read(folder)
        let outputName = String(display.hasSuffix("/") ? display.dropLast() : Substring(display))
        do {
            let rendered = try render()
            if rendered.files == built {
                var report = rendered.report
                report.diagnostics = rendered.warnings
                return report
            }
            // Its problems are placed in its own files: the sources may no longer say what it holds.
            var report = SiteChecker(outputName: outputName).check(built)
            report.diagnostics += rendered.warnings
            report.diagnostics.append(Diagnostic(.warning, at: SourceLocation(file: display),
                                                 "this folder is not what the sources make now, so it was checked as it is",
                                                 fix: "run `hubsite build` to bring it up to date"))
            return report
        } catch {
            var report = SiteChecker(outputName: outputName).check(built)
            report.diagnostics = Array(Set(report.diagnostics + error.diagnostics))
            return report
        }
    }
}
