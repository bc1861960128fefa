/// A day with an optional time of day, as a hub writes its deadline: "13 March 2026",
/// "5pm on 13 March 2026", "13 March 2026 at 5pm", "13 March 2026, 17:00".
public struct DateAndTime: Hashable, Sendable, Comparable {
    public var date: CalendarDate
    /// Minutes after midnight, UK time; nil for the whole day.
    public var minutes: Int?

    /// "2026-03-13T17:00" (local UK time), or "2026-03-13" for a whole day: what pages' scripts compare.
    public var iso: String { minutes.map { date.iso + "T" + EventTime.twoDigits($0 / 60) + ":" + EventTime.twoDigits($0 % 60) } ?? date.iso }
    /// "5pm", "5:30pm", "12 noon": the time as a reader expects it.
    public var timeText: String? {
        minutes.map { minutes in
            if minutes == 12 * 60 { return "12 noon" }
            let hour = (minutes / 60 + 11) % 12 + 1
            return "\(hour)\(minutes % 60 == 0 ? "" : ":" + EventTime.twoDigits(minutes % 60))\(minutes < 12 * 60 ? "am" : "pm")"
        }
    }
    /// "5pm on 13 March 2026".
    public var text: String { timeText.map { "\($0) on \(date.text)" } ?? date.text }

    /// A deadline at a time means up to that minute; a whole day means all of it.
    public static func < (lhs: DateAndTime, rhs: DateAndTime) -> Bool {
        (lhs.date, lhs.minutes ?? 24 * 60) < (rhs.date, rhs.minutes ?? 24 * 60)
    }
}
