/// The calendars the site publishes: the programme's key dates, and for each hub those dates
/// together with the hub's own events.
enum KeyDateCalendar {
    static func programme(_ config: SiteConfig) -> String {
        ICalendar.document(name: "\(config.title): cohort \(config.cohort.number) key dates", events: programmeEvents(config),
                           stamp: config.stamp)
    }

    static func hub(_ hub: Hub, config: SiteConfig) -> String {
        let events = programmeEvents(config) + hub.events.map { event in
            ICalendar.Event(uid: hub.calendarUID(of: event), date: event.date, time: event.clock,
                            summary: "\(event.title) (\(hub.name))", description: "Maths Hub: \(hub.name)", location: event.place)
        }
        return ICalendar.document(name: "\(hub.name): \(config.title) dates", events: events.sorted { ($0.date, $0.uid) < ($1.date, $1.uid) },
                                  stamp: config.stamp)
    }

    private static func programmeEvents(_ config: SiteConfig) -> [ICalendar.Event] {
        config.cohort.keyDates.map { keyDate in
            ICalendar.Event(uid: "cohort-\(config.cohort.number)-\(keyDate.id)@hubsite", date: keyDate.date, time: nil,
                            summary: "\(keyDate.title): \(config.title)", description: keyDate.detail, location: nil)
        }
    }
}
