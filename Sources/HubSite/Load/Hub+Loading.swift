import Foundation

extension Hub {
    static let allowedKeys = ["name", "region", "website", "areas", "contact", "apply_url", "events", "description", "draft"]
    static let allowedContactKeys = ["role", "email"]
    static let allowedEventKeys = ["date", "title", "time", "place", "id"]

    /// Reads a hub's front matter; every problem goes to `log` at its line and column.
    /// Text readers see (the name, areas, events' titles and places, the contact's role) may
    /// use `{{cohort.…}}` and `{{site.…}}`.
    static func load(slug: String, front: YAMLMap, variables: TextVariables, log: inout DiagnosticLog) -> Hub? {
        // Warnings do not stop the hub's page; errors do.
        let errorsBefore = log.errorCount
        front.rejectUnknownKeys(allowed: allowedKeys, log: &log, what: "a hub's front matter")
        let name = front.requireKey("name", log: &log, what: "the hub", value: "the hub's name as readers should see it") != nil
            ? front.text("name", variables: variables, log: &log) : nil
        if let name, name.allSatisfy(\.isWhitespace) {
            log.error(at: front.location(of: front.node("name")), "the hub's name is empty: the finder's link to its page would have no text",
                      fix: "write the hub's name as readers should see it, e.g. \"name: Solent Maths Hub\"")
        }
        var region: Region?
        if front.requireKey("region", log: &log, what: "the hub", value: "the hub's region, one of England's nine: \(Region.allCases.map(\.name).joined(separator: ", "))") != nil,
           let text = front.string("region", log: &log) {
            region = Region(written: text)
            if region == nil {
                log.error(at: front.location(of: front.node("region")), "\"\(text)\" is not one of England's nine regions",
                          fix: Region.nearest(to: text).map { "did you mean \"\($0.name)\"?" } ?? Suggestion.hint(for: text, in: Region.allCases.map(\.rawValue)))
            }
        }
        let website = front.webAddress("website", log: &log)
        if let website, website.lowercased().hasPrefix("http://") {
            log.warning(at: front.location(of: front.node("website")), "the website \"\(website)\" starts with http://: browsers warn readers that it is not secure",
                        fix: "write \"https://\(website.dropFirst("http://".count))\" if the site opens that way (most do)")
        }
        if case .scalar(let scalar)? = front.node("areas"), scalar.string.contains(" - ") || scalar.string.contains(", ") {
            log.warning(at: front.location(of: front.node("areas")), "\"areas\" is one line, so the page shows one area: \"\(scalar.string)\"",
                        fix: "write each area on a line of its own under \"areas:\", starting with \"  - \"")
        }
        let applyURL = front.webAddress("apply_url", log: &log)
        let areas = (front.list("areas", log: &log) ?? []).compactMap { node -> String? in
            guard let text = node.string, !text.trimmingCharacters(in: .whitespaces).isEmpty else {
                log.error(at: front.location(of: node), "each area must be a name, e.g. \"- Portsmouth\"")
                return nil
            }
            return front.checkedText(text.trimmingCharacters(in: .whitespaces), at: node, log: &log)
                .map { front.substituted($0, at: node, variables: variables, log: &log) }
        }
        let contact = front.map("contact", log: &log).flatMap { loadContact($0, variables: variables, log: &log) }
        let events = (front.list("events", log: &log) ?? []).compactMap { node -> Event? in
            guard let event = front.submap(node) else {
                log.error(at: front.location(of: node), "each event needs \"date:\" and \"title:\" lines",
                          fix: "write it as \"- date: 14 January 2026\" with \"title: …\" indented under it")
                return nil
            }
            return loadEvent(event, variables: variables, log: &log)
        }
        guard log.errorCount == errorsBefore, let name, let region else { return nil }
        var hub = Hub(slug: slug, name: name.trimmingCharacters(in: .whitespaces), nameLocation: front.location(of: front.node("name")),
                      region: region, website: website, areas: areas,
                      contact: contact, applyURL: applyURL, events: events.sorted { $0.date < $1.date })
        for (key, address) in [("website", website), ("apply_url", applyURL)] {
            if let address { hub.links[address] = LinkOrigin(written: address, location: front.location(of: front.node(key))) }
        }
        checkCalendarUIDs(of: hub, log: &log)
        return log.errorCount == errorsBefore ? hub : nil
    }

    /// Two events on one day would share a calendar UID, and calendars would keep only one.
    private static func checkCalendarUIDs(of hub: Hub, log: inout DiagnosticLog) {
        var seen: [String: Event] = [:]
        for event in hub.events {
            let uid = hub.calendarUID(of: event)
            if let first = seen[uid] {
                log.error(at: event.location, "two events of this hub on \(event.date.text)\(event.id.map { " with id \"\($0)\"" } ?? ""): calendars would keep only one of them (the other is at line \(first.location.line))",
                          fix: "give each of them a line \"id: …\" with a short name of its own, e.g. \"id: info-session-2\"")
            } else {
                seen[uid] = event
            }
        }
    }

    private static func loadContact(_ yaml: YAMLMap, variables: TextVariables, log: inout DiagnosticLog) -> Contact? {
        yaml.rejectUnknownKeys(allowed: allowedContactKeys, log: &log, what: "\"contact\"")
        guard yaml.requireKey("email", log: &log, what: "\"contact\"", value: "the contact's email address") != nil,
              let email = yaml.string("email", log: &log) else { return nil }
        guard EmailAddress.isValid(email) else {
            log.error(at: yaml.location(of: yaml.node("email")), "\"\(email)\" is not a valid email address",
                      fix: "write it as name@example.org, without spaces or \"mailto:\"")
            return nil
        }
        return Contact(role: yaml.text("role", variables: variables, log: &log), email: email)
    }

    private static func loadEvent(_ yaml: YAMLMap, variables: TextVariables, log: inout DiagnosticLog) -> Event? {
        yaml.rejectUnknownKeys(allowed: allowedEventKeys, log: &log, what: "an event")
        let date = yaml.requireKey("date", log: &log, what: "the event", value: "the day of the event, written as day, month and year") != nil ? yaml.date("date", log: &log) : nil
        let title = yaml.requireKey("title", log: &log, what: "the event", value: "what the event is called") != nil ? yaml.text("title", variables: variables, log: &log) : nil
        let time = yaml.string("time", log: &log), place = yaml.text("place", variables: variables, log: &log)
        var clock: EventTime?
        if let time {
            switch EventTime.parse(time) {
            case .success(let value):
                clock = value
                if let date, let missing = value.missingInUKTime(on: date) {
                    log.error(at: yaml.location(of: yaml.node("time")),
                              "\(missing) on \(date.text) does not exist in UK time: that night the clocks go forward from 01:00 to 02:00",
                              fix: "write the time as clocks will show it that day (from 02:00), or correct the date")
                }
            case .failure(let problem):
                log.error(at: yaml.location(of: yaml.node("time")), "\(problem.message) in \"time: \(time)\"",
                          fix: "write the time as \"16:00\" or \"4pm\", or both ends as \"16:00 to 17:00\"; leave the line out if the time is not known")
            }
        }
        let id = yaml.string("id", log: &log)
        if let id, id.isEmpty || !id.allSatisfy({ ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }) {
            log.error(at: yaml.location(of: yaml.node("id")), "\"id\" must be a short name of lowercase letters, digits and hyphens, found \"\(id)\"",
                      fix: "write it as e.g. \"id: info-session-2\"; it is never shown, and it must not change once published")
        }
        guard let date, let title else { return nil }
        return Event(date: date, title: title, time: time, clock: clock, place: place, id: id,
                     location: yaml.location(of: yaml.node("date")))
    }
}

extension YAMLMap {
    /// An http(s) address. Anything else (`javascript:`, `ftp:`, a bare word) is refused, so
    /// content can never put a script into a link. A bare domain gets `https://` in the message's fix.
    func webAddress(_ key: String, log: inout DiagnosticLog) -> String? {
        guard let text = string(key, log: &log)?.trimmingCharacters(in: .whitespaces) else { return nil }
        let lower = text.lowercased()
        if (lower.hasPrefix("https://") || lower.hasPrefix("http://")), let url = URL(string: text), url.host?.contains(".") == true,
           !text.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "<" || $0 == ">" }) {
            return text
        }
        // "//www.example.org/" is missing only its scheme; a bare domain its scheme and slashes.
        let bare = text.drop { $0 == "/" }
        let example = bare.contains(".") && !bare.contains(":") && !bare.contains(" ") && !bare.hasPrefix(".") ? "https://\(bare)" : "https://www.example.org/"
        log.error(at: location(of: node(key)), "\"\(key)\" must be a web address starting with https:// or http://, found \"\(text)\"",
                  fix: "write the full address, e.g. \"\(example)\"")
        return nil
    }
}

/// The everyday shape of an email address: something@domain.tld, no spaces or markup, and
/// nothing that a `mailto:` link reads as more than an address (`?bcc=…&body=…`, `%40`, `#`).
enum EmailAddress {
    static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
              !parts[1].hasPrefix("."), !parts[1].hasSuffix("."), !parts[1].contains("..") else { return false }
        let allowedLocal = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: ".!$'*+^_`{|}~-"))
        let allowedDomain = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: ".-"))
        return parts[0].unicodeScalars.allSatisfy(allowedLocal.contains) && parts[1].unicodeScalars.allSatisfy(allowedDomain.contains)
            && text.allSatisfy(\.isASCII)
    }
}
