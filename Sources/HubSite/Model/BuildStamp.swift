/// When the site says it was made: the calendars' DTSTAMP and SEQUENCE, and which hub events
/// are listed as past. Same sources, same stamp, same bytes, on any machine and any day:
/// `SOURCE_DATE_EPOCH` when it is set (the reproducible-builds convention, for packagers and
/// CI that want the commit's time); otherwise the day applications open, a fact of the sources
/// that moves on with every cohort. Readers' browsers correct "past" by their own clock.
public struct BuildStamp: Hashable, Sendable {
    /// Seconds since 1970-01-01T00:00:00Z.
    public var seconds: Int

    public init(seconds: Int) { self.seconds = seconds }

    public init(day: CalendarDate) { self.seconds = day.dayNumber * 86_400 }

    /// The UTC day of the stamp.
    public var day: CalendarDate {
        CalendarDate(dayNumber: Int((Double(seconds) / 86_400).rounded(.down))) ?? CalendarDate(year: 1970, month: 1, day: 1)!
    }

    /// `20251216T000000Z`: a UTC DATE-TIME of RFC 5545.
    var iCalendar: String {
        let second = ((seconds % 86_400) + 86_400) % 86_400
        let two = EventTime.twoDigits
        return "\(day.basic)T\(two(second / 3600))\(two(second / 60 % 60))\(two(second % 60))Z"
    }

    /// Minutes since 2020: a later stamp gives a higher SEQUENCE, so a calendar program that
    /// imported the file once takes an edited event as the newer version. Fits RFC 5545's
    /// 32-bit INTEGER for thousands of years.
    var sequence: Int { max(0, (seconds - 1_577_836_800) / 60) }

    /// `SOURCE_DATE_EPOCH`'s value: a whole number of seconds, nothing else.
    public static func parse(sourceDateEpoch text: String) -> BuildStamp? {
        guard !text.isEmpty, text.allSatisfy(\.isASCII), let seconds = Int(text), seconds >= 0,
              seconds < 253_402_300_800 else { return nil }
        return BuildStamp(seconds: seconds)
    }
}
