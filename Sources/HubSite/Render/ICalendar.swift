/// `key-dates.ics`: one all-day VEVENT per key date (RFC 5545). No build-time timestamps:
/// DTSTAMP is derived from the event itself, so the same dates give the same bytes.
enum ICalendar {
    struct Event {
        /// Stable across builds and unique in the world: calendars update an event with the same UID.
        var uid: String
        var date: CalendarDate
        var summary: String
        var description: String
        var location: String?
    }

    static func document(name: String, events: [Event]) -> String {
        var lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//hubsite//Maths Hubs key dates//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:\(escape(name))",
        ]
        for event in events {
            lines += [
                "BEGIN:VEVENT",
                "UID:\(event.uid)",
                "DTSTAMP:\(event.date.basic)T000000Z",
                "DTSTART;VALUE=DATE:\(event.date.basic)",
                "DTEND;VALUE=DATE:\(event.date.nextDay.basic)",
                "SUMMARY:\(escape(event.summary))",
                "DESCRIPTION:\(escape(event.description))",
            ]
            if let location = event.location { lines.append("LOCATION:\(escape(location))") }
            lines += ["TRANSP:TRANSPARENT", "END:VEVENT"]
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

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
    /// splitting a UTF-8 character.
    static func fold(_ line: String) -> String {
        guard line.utf8.count > 75 else { return line }
        var folded = ""
        var count = 0
        for character in line {
            let width = character.utf8.count
            if count + width > 75 {
                folded += "\r\n "
                count = 1
            }
            folded.append(character)
            count += width
        }
        return folded
    }
}
