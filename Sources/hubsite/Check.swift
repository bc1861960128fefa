import ArgumentParser
import Foundation
import HubSite
import HubSiteExternal

struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the built site: links, anchors, ids, alt text, headings; with --external, fetch every external link.")

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: ArgumentHelp("The built site to check (default: public/ in the site's folder).", valueName: "folder"), completion: .directory)
    var output: String?

    @Option(name: .long, help: "Check dates as if today were this day (YYYY-MM-DD).")
    var today: String?

    @Option(name: .long, help: "How to print problems: text, github (annotations on a pull request's lines), gitlab (Code Quality report for merge requests) or json (one object a line).")
    var format: OutputFormat = .text

    @Flag(name: .long, help: "Fetch every external address the site links to, once each; results are kept for a day in .hubsite-cache/.")
    var external = false

    @Flag(name: .long, help: "With --external: fetch every address again instead of using results from the last day.")
    var noCache = false

    @Option(name: .long, help: ArgumentHelp("With --external: how long to wait for each address.", valueName: "seconds"))
    var timeout: Double = 10

    func run() async throws {
        let target = site.outputFolder(output)
        let report = Report(format: format)
        let outputURL = target.url
        guard FileManager.default.fileExists(atPath: outputURL.appendingPathComponent("index.html").path) else {
            let failure = BuildFailure([Diagnostic(at: SourceLocation(file: target.display), "no built site here (no index.html)",
                                                   fix: "build it first with `hubsite build`")])
            report.printFailure(failure, ending: "check failed: nothing to check")
            throw ExitCode(1)
        }
        let day = try Today.resolve(today)
        let built = OutputFolder.read(outputURL)
        let outputName = String(target.display.dropLast())
        var checked: SiteChecker.Report
        do {
            // The sources are built in memory, which checks them; the folder is read once.
            let rendered = try site.builder(today: day).render()
            if rendered.files == built {
                // The folder is what the sources make: the build's check was its check.
                checked = rendered.report
                checked.diagnostics = rendered.warnings
            } else {
                // Checked as it is, with what the sources say of where each link was written.
                checked = SiteChecker(linkOrigins: rendered.site.linkOrigins, outputName: outputName, sources: rendered.sources).check(built)
                checked.diagnostics += CohortCheck.diagnostics(for: rendered.site, today: day)
                checked.diagnostics.append(Diagnostic(.warning, at: SourceLocation(file: target.display),
                                                      "this folder is not what the sources make now, so it was checked as it is",
                                                      fix: "run `hubsite build` to bring it up to date"))
            }
        } catch {
            // The sources do not build: what the folder holds is not what they say.
            checked = SiteChecker(outputName: outputName).check(built)
            checked.diagnostics = Array(Set(checked.diagnostics + error.diagnostics))
        }
        var externalSummary: String?
        if external {
            guard timeout > 0, timeout <= 300 else { throw ValidationError("--timeout must be between 0 and 300 seconds") }
            let checker = ExternalLinkChecker(timeout: .milliseconds(Int(timeout * 1000)),
                                              cache: noCache ? nil : ExternalLinkCache(siteFolder: site.sourceURL))
            let fetched = await checker.check(checked.externalLinks)
            checked.diagnostics += fetched.diagnostics
            externalSummary = fetched.summary
        } else if !checked.externalLinks.isEmpty {
            let lines = checked.externalLinks.map { "  \($0.url)  ← \($0.pages.joined(separator: ", "))" }
            report.summary((["external links (not fetched; fetch them with --external):"] + lines).joined(separator: "\n"), failed: false)
        }
        report.printDiagnostics(checked.diagnostics)
        if let externalSummary { report.summary(externalSummary, failed: checked.diagnostics.contains { $0.severity == .error }) }
        let errors = checked.diagnostics.filter { $0.severity == .error }.count
        let warnings = checked.diagnostics.count - errors
        report.summary("checked \(checked.checkedPages) pages, \(checked.checkedLinks) links: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")",
                       failed: errors > 0)
        if errors > 0 { throw ExitCode(1) }
    }
}
