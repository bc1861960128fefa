import ArgumentParser
import Foundation
import HubSite
import Synchronization

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build the site into the output folder.")

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: ArgumentHelp(
        "Where to write the site (default: public/ in the site's folder). It is replaced only when the whole build succeeds, and only if hubsite made it.",
        valueName: "folder"), completion: .directory)
    var output: String?

    @Option(name: .long, help: ArgumentHelp(
        "The address the site is published at, instead of site.yml's base_url: for a preview deployment.",
        valueName: "url"))
    var baseURL: String?

    @Flag(name: .long, help: "Fail on warnings too (for CI): the output folder is then left as it was.")
    var strict = false

    @Option(name: .long, help: "Warn about dates as if today were this day (YYYY-MM-DD). It never changes what is written.")
    var today: String?

    @Flag(name: .long, help: "Print how long each stage took.")
    var timings = false

    @Option(name: .long, help: "How to print problems: text, github (annotations on a pull request's lines), gitlab (Code Quality report for merge requests) or json (one object a line).")
    var format: OutputFormat = .text

    func run() throws {
        let day = try Today.resolve(today)
        let target = site.outputFolder(output)
        let report = Report(format: format)
        // Listening before the staging folder is made, so that every Ctrl-C finds it and clears it away.
        let started = StartedTransaction()
        let interrupt = Interrupt.onSignal {
            // Ctrl-C: the half-written staging folder goes, unless the new site is already in place.
            let message = started.abandon() == .replaced
                ? "stopped: the new site was already in place in \(target.display)\n"
                : "stopped: \(target.display) was left as it was; run the build again when ready\n"
            Terminal.write(message, to: STDERR_FILENO)
        }
        let transaction: OutputTransaction
        do {
            transaction = try started.start { () throws(BuildFailure) in
                try OutputTransaction(output: target.url, source: site.sourceURL, display: target.display)
            }
        } catch {
            report.printFailure(error, ending: "\(error.summary); \(target.display) was left as it was")
            throw ExitCode(1)
        }
        defer { interrupt.cancel() }
        do {
            let result = try site.builder(baseURL: baseURL, today: day, strict: strict).build(into: transaction)
            report.printDiagnostics(result.warnings)
            let warnings = result.warnings.count
            let drafts = result.draftsLeftOut
            report.summary("built \(result.site.pages.count) pages, \(result.fileCount) files into \(target.display)"
                           + (drafts == 0 ? "" : ", \(drafts) draft\(drafts == 1 ? "" : "s") left out")
                           + (warnings == 0 ? "" : ", \(warnings) warning\(warnings == 1 ? "" : "s")"), failed: false)
            if timings {
                for (stage, seconds) in result.timings {
                    // Standard output holds only JSON lines with --format json.
                    let line = "  " + stage.padding(toLength: 16, withPad: " ", startingAt: 0) + String(format: "%8.2f ms", seconds * 1000)
                    format.keepsStandardOutputForTools ? Terminal.error(line) : Terminal.out(line)
                }
            }
        } catch {
            report.printFailure(error, ending: "\(error.summary); \(target.display) was left as it was")
            throw ExitCode(1)
        }
    }
}

/// The build's transaction, for the Ctrl-C handler, which runs on another thread.
private final class StartedTransaction: Sendable {
    private let value = Mutex<OutputTransaction?>(nil)

    /// Makes the transaction; a Ctrl-C meanwhile waits for it, so that it can undo all of it.
    func start(_ make: () throws(BuildFailure) -> OutputTransaction) throws(BuildFailure) -> OutputTransaction {
        try value.withLock { (started: inout OutputTransaction?) throws(BuildFailure) -> OutputTransaction in
            let transaction = try make()
            started = transaction
            return transaction
        }
    }

    /// What abandoning did, or nil when there was nothing yet to abandon.
    func abandon() -> OutputTransaction.Phase? {
        value.withLock { $0?.abandon() }
    }
}
