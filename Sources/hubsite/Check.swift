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
        var checked = site.builder(today: try Today.resolve(today)).checkFolder(outputURL, display: target.display)
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
