/// The cohort part of every build: an unfinished rollover, and warnings once the application
/// deadline or a hub's event has passed. (What the prose says of the cohort is the Markdown
/// stage's to find, as it reads the text: see StaleDateLint.)
public enum CohortCheck {
    public static func diagnostics(for site: Site, today: CalendarDate?) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let cohort = site.config.cohort
        // new-cohort archives the sheet, then moves site.yml on: killed in between, the
        // current cohort is archived and its sheet lists itself as a previous cohort.
        for archive in site.archives where archive.number >= cohort.number {
            found.append(Diagnostic(at: SourceLocation(file: "content/" + archive.path),
                                    "cohort \(archive.number) is archived, but site.yml is still for cohort \(cohort.number): `hubsite new-cohort` was stopped before it finished",
                                    fix: "remove content/archive/cohort-\(archive.number)/ and run `hubsite new-cohort` again"))
        }
        guard let today else { return found.sorted() }
        if cohort.applicationsClose < today {
            found.append(Diagnostic(.warning, at: SourceLocation(file: "site.yml"),
                                    "cohort \(cohort.number)'s application deadline, \(cohort.applicationsClose.text), has passed",
                                    fix: "when the site should move on to cohort \(cohort.number + 1), run `hubsite new-cohort`"))
        }
        for hub in site.hubs {
            for event in hub.events where event.date < today {
                found.append(Diagnostic(.warning, at: event.location,
                                        "\(hub.name)'s event \"\(event.title)\" on \(event.date.text) has passed: readers see it under \"Past events\"",
                                        fix: "remove the event from the hub's file once it no longer helps readers, or correct its date"))
            }
        }
        return found.sorted()
    }
}

extension CalendarDate {
    /// "2026-11-29" from a command line; nil when it is not a real date.
    public init?(iso: String) {
        guard case .success(let date) = DateValue.parse(iso) else { return nil }
        self = date
    }
}
