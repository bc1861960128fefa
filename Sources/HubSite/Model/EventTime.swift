/// When on its day a hub event happens, read from `time:`: "16:00", "4pm", "4:30pm",
/// "16:00 to 17:00", "4pm-5.30pm", "12 noon". Times are UK wall-clock times (Europe/London).
public struct EventTime: Hashable, Sendable {
    /// Minutes after midnight.
    public var start: Int
    public var end: Int?

    /// The start or end, as written in 24-hour form, that falls in the hour UK clocks skip on
    /// the last Sunday of March (01:00 to 01:59): calendar programmes place it an hour apart.
    func missingInUKTime(on date: CalendarDate) -> String? {
        guard date.month == 3, date.weekdayIndex == 6, date.day + 7 > 31 else { return nil }
        return [start, end].compactMap { $0 }.first { (60..<120).contains($0) }.map { Self.twoDigits($0 / 60) + ":" + Self.twoDigits($0 % 60) }
    }

    /// `160000` for 16:00: a local DATE-TIME's time part in iCalendar.
    static func basic(_ minutes: Int) -> String {
        twoDigits(minutes / 60) + twoDigits(minutes % 60) + "00"
    }

    /// `7` → `07`, for the times of iCalendar.
    static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
