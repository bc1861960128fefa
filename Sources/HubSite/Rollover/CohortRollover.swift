import Foundation

/// `hubsite new-cohort`: turns the site for cohort N into the site for cohort N + 1.
///
/// Every check runs before anything is written, and the new site must build before the
/// change is kept: either the whole rollover happens, or nothing does.
public struct CohortRollover: Sendable {
    public var source: URL
    /// The day the editor runs it (from the clock in the command; fixed in tests).
    public var today: CalendarDate
    /// The cohort the editor asked for with `--to`; nil when not given.
    public var target: Int?

    public init(source: URL, today: CalendarDate, target: Int? = nil) {
        self.source = source.standardizedFileURL
        self.today = today
        self.target = target
    }

    /// What the rollover will do, worked out without writing anything.
    public struct Plan: Sendable {
        public var from: Cohort
        public var to: Cohort
        /// One line per change, as printed: `site.yml: cohort.number 11 → 12`.
        public var changes: [String]
        /// Things to look at, but not wrong: a key date on a weekend, hub events now in the past.
        public var reviews: [String]
        var siteYML: String
        var archive: [OutputFile]
        /// Hub files whose own application dates move on too.
        var hubFiles: [HubDatesRollover.Rewrite] = []
    }

    public func plan() throws(BuildFailure) -> Plan {
        let siteFile = source.appendingPathComponent("site.yml")
        let builder = SiteBuilder(source: source)
        // The site must build now: an archive of a broken sheet helps nobody.
        let current = try builder.render()
        let cohort = current.site.config.cohort
        let next = cohort.number + 1
        let location = SourceLocation(file: "site.yml")
        if let target, target != next {
            throw BuildFailure([Diagnostic(at: location, "the site is for cohort \(cohort.number), so the next cohort is \(next), not \(target)",
                                           fix: "cohorts go one at a time: run `hubsite new-cohort --to \(next)`")])
        }
        if target == nil, today <= cohort.applicationsClose {
            throw BuildFailure([Diagnostic(
                at: location, "cohort \(cohort.number)'s application deadline (\(cohort.applicationsClose.text)) has not passed yet, so this looks like a second run by mistake",
                fix: "if you really mean to prepare cohort \(next) now, run `hubsite new-cohort --to \(next)`")])
        }
        let archiveFolder = source.appendingPathComponent("content/archive/cohort-\(cohort.number)")
        if FileManager.default.fileExists(atPath: archiveFolder.path) {
            throw BuildFailure([Diagnostic(at: SourceLocation(file: "content/archive/cohort-\(cohort.number)"),
                                           "cohort \(cohort.number) is already archived",
                                           fix: "remove content/archive/cohort-\(cohort.number)/ if you mean to archive it again")])
        }

        let moved = Cohort(number: next, firstYear: cohort.firstYear + 1,
                           applicationsOpen: cohort.applicationsOpen.adding(years: 1),
                           applicationsClose: cohort.applicationsClose.adding(years: 1))
        let (siteYML, changes) = try rewriteSiteYML(siteFile, from: cohort, to: moved)
        var reviews: [String] = []
        for keyDate in moved.keyDates where keyDate.date.isWeekend {
            reviews.append("\(keyDate.title) falls on a \(keyDate.date.weekdayName): \(keyDate.date.text). Check the date in site.yml.")
        }
        for page in current.site.pages.sorted(by: { $0.source < $1.source }) {
            for event in page.hub?.events ?? [] where event.date < today {
                reviews.append("\(page.source): the event \"\(event.title)\" on \(event.date.text) is in the past. Update or remove it.")
            }
        }
        let archive = try builder.renderArchivedSheet(of: current.result).map {
            OutputFile(path: "content/" + $0.path, contents: $0.contents)
        }
        let archiveChanges = archive.map { "\($0.path): the cohort \(cohort.number) sheet, kept and linked from the new sheet" }
        let hubFiles = try HubDatesRollover.rewrites(of: current.site.pages.sorted { $0.source < $1.source }.compactMap { page in
            page.hub.map { (page.source, $0) }
        }, in: source)
        for file in hubFiles {
            reviews += file.weekendDays
            reviews.append("\(file.path): the hub's own dates moved on a year. Check them with the hub.")
        }
        return Plan(from: cohort, to: moved, changes: changes + hubFiles.flatMap(\.changes) + archiveChanges, reviews: reviews,
                    siteYML: siteYML, archive: archive, hubFiles: hubFiles)
    }

    /// Writes the plan, then builds the new site; if that build fails, puts everything back.
    /// The archive is made whole under a hidden name and renamed into place before `site.yml`
    /// is replaced in one step: killed in between, the next build finds the current cohort
    /// archived and says how to finish (CohortCheck).
    public func apply(_ plan: Plan) throws(BuildFailure) {
        let siteFile = source.appendingPathComponent("site.yml")
        let archiveFolder = source.appendingPathComponent("content/archive/cohort-\(plan.from.number)")
        let incomplete = source.appendingPathComponent("content/archive/.cohort-\(plan.from.number).incomplete-\(getpid())")
        let original: Data
        do {
            original = try Data(contentsOf: siteFile)
        } catch {
            throw BuildFailure([Diagnostic(at: SourceLocation(file: "site.yml"), "cannot read site.yml: \(SystemError.describe(error))",
                                           fix: "check that you may read it; nothing was changed")])
        }
        var archived = false
        var replacedHubFiles: [(path: String, original: Data)] = []
        func putHubFilesBack() {
            for file in replacedHubFiles { try? SourceFile.replace(atPath: file.path, with: file.original) }
        }
        do {
            for file in plan.archive {
                let relative = file.path.dropFirst("content/archive/cohort-\(plan.from.number)/".count)
                let url = incomplete.appendingPathComponent(String(relative))
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.contents).write(to: url)
            }
            try FileManager.default.moveItem(at: incomplete, to: archiveFolder)
            archived = true
            for file in plan.hubFiles {
                let path = source.appendingPathComponent(file.path).path
                let original = try Data(contentsOf: URL(fileURLWithPath: path))
                try SourceFile.replace(atPath: path, with: Data(file.text.utf8))
                replacedHubFiles.append((path, original))
            }
            try SourceFile.replace(atPath: siteFile.path, with: Data(plan.siteYML.utf8))
        } catch {
            putHubFilesBack()
            try? FileManager.default.removeItem(at: incomplete)
            if archived { try? FileManager.default.removeItem(at: archiveFolder) }
            throw BuildFailure([Diagnostic(at: SourceLocation(file: "site.yml"), "cannot write the new cohort: \(SystemError.describe(error))",
                                           fix: "check that the site's folder is writable; nothing was changed")])
        }
        do {
            _ = try SiteBuilder(source: source).render()
        } catch {
            try? SourceFile.replace(atPath: siteFile.path, with: original)
            putHubFilesBack()
            try? FileManager.default.removeItem(at: archiveFolder)
            throw BuildFailure(error.diagnostics + [Diagnostic(at: SourceLocation(file: "site.yml"),
                "the site for cohort \(plan.to.number) does not build, so nothing was changed", fix: "fix the errors above and run it again")])
        }
    }

    /// What an editor must do before publishing the new cohort's site, one line each: every
    /// warning of its build (each date moved on and not confirmed, each stale fact in the prose,
    /// each event that has passed), the weekend days, and each hub to review with the hub.
    public func checklist(after plan: Plan) -> [String] {
        let builder = SiteBuilder(source: source, settings: BuildSettings(today: today))
        guard let result = try? builder.render() else { return ["the new site does not build: run `hubsite build` and fix what it says"] }
        let warnings = result.warnings.map { "\($0.location): \($0.message)" }
        let weekends = plan.reviews.filter { $0.contains(" falls on a ") }
        let hubs = result.site.pages.filter { $0.hub.map { !$0.events.isEmpty || $0.applicationsOpen != nil || $0.applicationsClose != nil } ?? false }
            .map { "\($0.source): read the hub's page with the hub: its own dates and events for cohort \(plan.to.number)" }
        return warnings + weekends + hubs.sorted()
    }

    // MARK: - site.yml

    /// The new `site.yml`: the same text with the cohort's values moved on, each written in the
    /// style it had (a date written as 2025-12-16 stays in that form).
    private func rewriteSiteYML(_ url: URL, from old: Cohort, to new: Cohort) throws(BuildFailure) -> (String, [String]) {
        var log = DiagnosticLog()
        guard case .success(let bytes) = SourceFile.readBytes(atPath: url.path),
              case .success(let file) = SourceFile.decode(bytes, as: "site.yml"),
              let yaml = YAMLMap.parse(file.text, file: "site.yml", firstLine: 1, log: &log),
              let cohort = yaml.map("cohort", log: &log) else {
            throw BuildFailure(log.all.isEmpty ? [Diagnostic(at: SourceLocation(file: "site.yml"), "cannot read site.yml")] : log.all)
        }
        var edits: [YAMLScalarEdit] = []
        var changes: [String] = []
        func change(_ key: String, to value: (String) -> String) {
            guard let node = cohort.node(key), let written = node.string else { return }
            let place = cohort.location(of: node)
            let newValue = value(written)
            edits.append(YAMLScalarEdit(line: place.line, column: place.column, oldValue: written, newValue: newValue,
                                        marksUnconfirmed: key.hasPrefix("applications_")))
            changes.append("site.yml:\(place.line): cohort.\(key) \(written) → \(newValue)")
        }
        change("number") { _ in String(new.number) }
        change("year1") { Self.academicYear(like: $0, startingIn: new.firstYear) }
        change("year2") { Self.academicYear(like: $0, startingIn: new.firstYear + 1) }
        change("applications_open") { Self.date(new.applicationsOpen, like: $0) }
        change("applications_close") { Self.date(new.applicationsClose, like: $0) }
        let text = YAMLScalarEdit.apply(edits, to: file.text)
        try Self.verify(edits, keys: ["number", "year1", "year2", "applications_open", "applications_close"].filter { cohort.node($0)?.string != nil },
                        madeIn: text)
        // Reading made every line end in "\n"; a file written with "\r\n" keeps them.
        let windowsLines = Data(bytes).firstRange(of: Data("\r\n".utf8)) != nil
        return (windowsLines ? text.replacingOccurrences(of: "\n", with: "\r\n") : text, changes)
    }

    /// Every edit reported must be in the new text: the values read back must be the new ones.
    /// A value new-cohort cannot change in place (in a `{…}` mapping, behind an anchor, folded
    /// over lines) stops it before anything is written.
    private static func verify(_ edits: [YAMLScalarEdit], keys: [String], madeIn text: String) throws(BuildFailure) {
        var log = DiagnosticLog()
        let cohort = YAMLMap.parse(text, file: "site.yml", firstLine: 1, log: &log)?.map("cohort", log: &log)
        for (edit, key) in zip(edits, keys) where cohort?.node(key)?.string != edit.newValue {
            throw BuildFailure([Diagnostic(
                at: SourceLocation(file: "site.yml", line: edit.line, column: edit.column),
                "new-cohort cannot change cohort.\(key) where it is written (inside {…}, behind an anchor, or over several lines), so nothing was changed",
                fix: "write it on a line of its own under cohort:, as `  \(key): \(edit.oldValue)`, then run new-cohort again")])
        }
    }

    /// "2026/27" → "2027/28", "2026/2027" → "2027/2028", "2026-27" → "2027-28".
    static func academicYear(like written: String, startingIn year: Int) -> String {
        let separator = written.contains("-") ? "-" : "/"
        let long = written.split(whereSeparator: { $0 == "/" || $0 == "-" }).last?.count == 4
        let second = long ? String(year + 1) : String(Cohort.academicYear(startingIn: year).suffix(2))
        return "\(year)\(separator)\(second)"
    }

    /// The date in the form the old one was written: ISO, or UK with or without its weekday.
    static func date(_ date: CalendarDate, like written: String) -> String {
        let trimmed = written.trimmingCharacters(in: .whitespaces)
        if trimmed.first?.isNumber == true, trimmed.contains("-") { return date.iso }
        // A weekday written (in full or short) is written again, the new day's.
        if trimmed.first?.isLetter == true { return "\(date.weekdayName) \(date.text)" }
        return date.text
    }
}
