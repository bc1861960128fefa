/// The calendars the site publishes: the programme's key dates, and for each hub those dates
/// (its own window where it has one) together with the hub's own events.
enum KeyDateCalendar {
    static func programme(_ config: SiteConfig) -> String {
        ICalendar.document(name: "\(config.title): cohort \(config.cohort.number) key dates", events: programmeEvents(config, hub: nil),
                           stamp: config.stamp)
    }

    static func hub(_ hub: Hub, config: SiteConfig) -> String {
        let domain = config.calendarDomain
        let events = programmeEvents(config, hub: hub) + hub.events.map { event in
            ICalendar.Event(uid: hub.calendarUID(of: event, domain: domain), date: event.date, time: event.clock,
                            summary: "\(event.title) (\(hub.name))", description: "Maths Hub: \(hub.name)",
                            location: event.place ?? (event.isOnline ? "Online" : nil), url: event.bookingURL)
        }
        return ICalendar.document(name: "\(hub.name): \(config.title) dates", events: events.sorted { ($0.date, $0.uid) < ($1.date, $1.uid) },
                                  stamp: config.stamp)
    }

    /// The programme's key dates; in a hub's calendar, the hub's own opening and deadline
    /// replace the programme's, under UIDs of the hub's own.
    private static func programmeEvents(_ config: SiteConfig, hub: Hub?) -> [ICalendar.Event] {
        config.cohort.keyDates.map { keyDate in
            guard let hub, let own = hub.ownDate(for: keyDate) else {
                return ICalendar.Event(uid: "cohort-\(config.cohort.number)-\(keyDate.id)@\(config.calendarDomain)", date: keyDate.date, time: nil,
                                       summary: "\(keyDate.title): \(config.title)", description: keyDate.detail, location: nil)
            }
            return ICalendar.Event(uid: "hub-\(hub.slug)-cohort-\(config.cohort.number)-\(keyDate.id)@\(config.calendarDomain)", date: own.date,
                                   time: own.minutes.map { EventTime(start: $0, end: nil) },
                                   summary: "\(keyDate.title) (\(hub.name)): \(config.title)",
                                   description: keyDate.id == "applications-close"
                                       ? "Send your application to \(hub.name) by \(own.text)." : "Applications to \(hub.name) open.",
                                   location: nil)
        }
    }
}
