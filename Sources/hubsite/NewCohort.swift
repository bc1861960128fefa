import ArgumentParser
import Foundation
import HubSite

struct NewCohort: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new-cohort",
        abstract: "Prepare the site for the next cohort: number, years and key dates moved on, the current sheet archived.",
        discussion: """
            Checks everything first and changes nothing if any check fails. It refuses while the current \
            cohort's application deadline is still ahead (a second run by mistake) unless the next cohort \
            is named with --to. Afterwards, review what it lists and run `hubsite build`.
            """)

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "The cohort to prepare: must be the next one. Needed while the current deadline is still ahead.")
    var to: Int?

    @Option(name: .long, help: "Treat this day (YYYY-MM-DD) as today.")
    var today: String?

    @Flag(name: .long, help: "Show what would change without changing anything.")
    var dryRun = false

    func run() throws {
        let rollover = CohortRollover(source: site.sourceURL, today: try Today.resolve(today), target: to)
        do {
            let plan = try rollover.plan()
            if !dryRun { try rollover.apply(plan) }
            Terminal.out("\(dryRun ? "would prepare" : "prepared") cohort \(plan.to.number) (\(plan.to.year1) and \(plan.to.year2)); changes:")
            for change in plan.changes { Terminal.out("  \(change)") }
            if dryRun {
                if !plan.reviews.isEmpty {
                    Terminal.out("to review:")
                    for review in plan.reviews { Terminal.out("  \(review)") }
                }
                return
            }
            let checklist = rollover.checklist(after: plan)
            Terminal.out("checklist before you publish (\(checklist.count) to do; `hubsite build` lists what is left):")
            for item in checklist { Terminal.out("  [ ] \(item)") }
            Terminal.out("next: read the sheet with `hubsite serve`, then publish with `hubsite build --strict`")
        } catch {
            Report().printFailure(error, ending: "new-cohort stopped: nothing was changed")
            throw ExitCode(1)
        }
    }
}
