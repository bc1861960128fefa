/// `key-dates.ics` (RFC 5545): an all-day VEVENT per key date, a timed one in UK time for a hub
/// event with a time. DTSTAMP and SEQUENCE come from the site's BuildStamp, never the clock.
enum ICalendar {
    struct Event {
        /// Stable across builds and edits, unique in the world: calendars update an event with the same UID.
        var uid: String
        var date: CalendarDate
        var time: EventTime?
        var summary: String
        var description: String
        var location: String?
        /// A page about the event, e.g. where to book.
        var url: String? = nil
    }

    static func document(name: String, events: [Event], stamp: BuildStamp) -> String {
        var lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//hubsite//Maths Hubs key dates//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:\(escape(name))",
            "X-WR-TIMEZONE:\(londonID)",
        ]
        if events.contains(where: { $0.time != nil }) { lines += london }
        for event in events {
            lines += ["BEGIN:VEVENT", "UID:\(event.uid)", "DTSTAMP:\(stamp.iCalendar)", "SEQUENCE:\(stamp.sequence)"]
            if let time = event.time {
                lines.append("DTSTART;TZID=\(londonID):\(event.date.basic)T\(EventTime.basic(time.start))")
                if let end = time.end { lines.append("DTEND;TZID=\(londonID):\(event.date.basic)T\(EventTime.basic(end))") }
            } else {
                lines.append("DTSTART;VALUE=DATE:\(event.date.basic)")
                // Without DTEND a day lasts one day (§3.6.1): the only way for 31 December 9999.
                if event.date.nextDay != event.date { lines.append("DTEND;VALUE=DATE:\(event.date.nextDay.basic)") }
            }
            lines += [
                "SUMMARY:\(escape(event.summary))",
                "DESCRIPTION:\(escape(event.description))",
            ]
            if let location = event.location { lines.append("LOCATION:\(escape(location))") }
            // A URI value is not TEXT: it is written as it is (loading allows no control characters or spaces in it).
            if let url = event.url { lines.append("URL:\(url)") }
            // An all-day date does not make the reader look busy; a session at a set time does.
            lines += ["TRANSP:\(event.time == nil ? "TRANSPARENT" : "OPAQUE")", "END:VEVENT"]
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    static let londonID = "Europe/London"

    /// UK time since 1996: BST from 01:00 UTC on the last Sunday of March to 01:00 UTC on the
    /// last Sunday of October (local 01:00 and 02:00).
    static let london = [
        "BEGIN:VTIMEZONE", "TZID:\(londonID)",
        "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0000", "TZOFFSETTO:+0100", "TZNAME:BST",
        "DTSTART:19700329T010000", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
        "BEGIN:STANDARD", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0000", "TZNAME:GMT",
        "DTSTART:19701025T020000", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
        "END:VTIMEZONE",
    ]

    /// TEXT values escape backslash, semicolon, comma and line breaks (RFC 5545 §3.3.11). Any
    /// other control character is left out: loading refuses them, and no value may ever end a
    /// line and start a property of its own.
    static func escape(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": escaped += "\\\\"
            case ";": escaped += "\\;"
            case ",": escaped += "\\,"
            case "\n", "\r", "\u{2028}", "\u{2029}", "\u{85}": escaped += "\\n"
            default:
                if scalar.properties.generalCategory != .control { escaped.unicodeScalars.append(scalar) }
            }
        }
        return escaped
    }

    /// Lines longer than 75 octets continue on the next line after a space (§3.1), never
    /// splitting a UTF-8 character. By Unicode scalar, not by Character: one Character (a
    /// letter with many combining marks) can be longer than a line.
    static func fold(_ line: String) -> String {
        guard line.utf8.count > 75 else { return line }
        var folded = String.UnicodeScalarView()
        var count = 0
        for scalar in line.unicodeScalars {
            let width = UTF8.width(scalar)
            if count + width > 75 {
                folded.append(contentsOf: "\r\n ".unicodeScalars)
                count = 1
            }
            folded.append(scalar)
            count += width
        }
        return String(folded)
    }
}
