import Foundation

extension Hub {
    static let allowedKeys = ["name", "region", "website", "areas", "contact", "contacts", "documents", "apply_url",
                              "applications_open", "applications_close", "events", "description", "draft", "aliases"]
    static let allowedContactKeys = ["name", "role", "email", "phone"]
    static let allowedDocumentKeys = ["title", "file", "url"]
    static let allowedEventKeys = ["date", "title", "time", "place", "booking_url", "online", "id"]

    /// What a hub needs besides its front matter: the values text may use, the cohort its dates
    /// are held against, and the files of its own folder (`content/hubs/SLUG/`), name → bytes.
    struct Surroundings {
        var variables: TextVariables
        var cohort: Cohort
        var calendarDomain: String
        var folderFiles: [String: Int] = [:]
    }

    /// Reads a hub's front matter; every problem goes to `log` at its line and column.
    /// Text readers see (the name, areas, events' titles and places, contacts, documents' titles)
    /// may use `{{cohort.…}}` and `{{site.…}}`.
    static func load(slug: String, front: YAMLMap, in surroundings: Surroundings, log: inout DiagnosticLog) -> Hub? {
        let variables = surroundings.variables
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
        var links: [String: LinkOrigin] = [:]
        for (key, address) in [("website", website), ("apply_url", applyURL)] {
            if let address { links[address] = LinkOrigin(written: address, location: front.location(of: front.node(key))) }
        }
        let contacts = loadContacts(front, variables: variables, log: &log)
        let documents = (front.list("documents", log: &log) ?? []).compactMap { node -> Document? in
            guard let document = front.submap(node) else {
                log.error(at: front.location(of: node), "each document needs \"title:\" and \"file:\" (or \"url:\") lines",
                          fix: "write it as \"- title: Information sheet\" with \"file: information-sheet.pdf\" indented under it")
                return nil
            }
            return loadDocument(document, slug: slug, in: surroundings, links: &links, log: &log)
        }
        let events = (front.list("events", log: &log) ?? []).compactMap { node -> Event? in
            guard let event = front.submap(node) else {
                log.error(at: front.location(of: node), "each event needs \"date:\" and \"title:\" lines",
                          fix: "write it as \"- date: 14 January 2026\" with \"title: …\" indented under it")
                return nil
            }
            return loadEvent(event, variables: variables, links: &links, log: &log)
        }
        let (opens, closes) = loadWindow(front, cohort: surroundings.cohort, log: &log)
        guard log.errorCount == errorsBefore, let name, let region else { return nil }
        var hub = Hub(slug: slug, name: name.trimmingCharacters(in: .whitespaces), nameLocation: front.location(of: front.node("name")),
                      region: region, website: website, areas: areas, contacts: contacts, documents: documents,
                      applyURL: applyURL, applicationsOpen: opens, applicationsClose: closes, events: events.sorted { $0.date < $1.date })
        hub.links = links
        checkCalendarUIDs(of: hub, domain: surroundings.calendarDomain, log: &log)
        return log.errorCount == errorsBefore ? hub : nil
    }

    /// The hub's own deadline (and opening), held against the programme's window.
    private static func loadWindow(_ front: YAMLMap, cohort: Cohort, log: inout DiagnosticLog) -> (DateAndTime?, DateAndTime?) {
        let opens = front.dateAndTime("applications_open", log: &log)
        let closes = front.dateAndTime("applications_close", log: &log)
        let national = (opens: DateAndTime(date: cohort.applicationsOpen), closes: DateAndTime(date: cohort.applicationsClose))
        for (key, value) in [("applications_open", opens), ("applications_close", closes)] {
            if let value, front.isUnconfirmed(key) { Unconfirmed.warn(key, value.text, checkWith: "the hub's", at: front.location(of: front.node(key)), log: &log) }
        }
        if let closes, closes.date < (opens ?? national.opens).date {
            log.error(at: front.location(of: front.node("applications_close")),
                      "the hub's applications close (\(closes.text)) before they open (\((opens ?? national.opens).text))",
                      fix: "check both dates: the window must open before it closes")
        } else {
            if let closes, national.closes < closes {
                log.warning(at: front.location(of: front.node("applications_close")),
                            "the hub's deadline (\(closes.text)) is after the programme's (\(national.closes.text), in site.yml)",
                            fix: "check the date with the hub: a later deadline is rare; if it is right, leave it, and the hub's page shows it")
            }
            if let opens, opens.date < national.opens.date {
                log.warning(at: front.location(of: front.node("applications_open")),
                            "the hub's applications open (\(opens.text)) before the programme's (\(national.opens.text), in site.yml)",
                            fix: "check the date with the hub; if it is right, leave it, and the hub's page shows it")
            }
        }
        return (opens, closes)
    }

    /// Two events on one day would share a calendar UID, and calendars would keep only one.
    private static func checkCalendarUIDs(of hub: Hub, domain: String, log: inout DiagnosticLog) {
        var seen: [String: Event] = [:]
        for event in hub.events {
            let uid = hub.calendarUID(of: event, domain: domain)
            if let first = seen[uid] {
                log.error(at: event.location, "two events of this hub on \(event.date.text)\(event.id.map { " with id \"\($0)\"" } ?? ""): calendars would keep only one of them (the other is at line \(first.location.line))",
                          fix: "give each of them a line \"id: …\" with a short name of its own, e.g. \"id: info-session-2\"")
            } else {
                seen[uid] = event
            }
        }
    }

    /// `contacts:`, a list; or the one `contact:` that hubs wrote first.
    private static func loadContacts(_ front: YAMLMap, variables: TextVariables, log: inout DiagnosticLog) -> [Contact] {
        if front.node("contact") != nil, front.node("contacts") != nil {
            log.error(at: front.location(ofKey: "contact"), "\"contact\" and \"contacts\" are both written: readers would see only one list",
                      fix: "move this contact under \"contacts:\" as one more \"- name: …\" item")
            return []
        }
        if front.node("contact") != nil {
            return front.map("contact", log: &log).flatMap { loadContact($0, variables: variables, log: &log) }.map { [$0] } ?? []
        }
        return (front.list("contacts", log: &log) ?? []).compactMap { node -> Contact? in
            guard let contact = front.submap(node) else {
                log.error(at: front.location(of: node), "each contact needs \"name:\", \"email:\" or \"phone:\" lines",
                          fix: "write it as \"- name: Jo Smith\" with \"email: …\" and \"phone: …\" indented under it")
                return nil
            }
            return loadContact(contact, variables: variables, log: &log)
        }
    }

    private static func loadContact(_ yaml: YAMLMap, variables: TextVariables, log: inout DiagnosticLog) -> Contact? {
        yaml.rejectUnknownKeys(allowed: allowedContactKeys, log: &log, what: "a contact")
        let email = yaml.string("email", log: &log)
        if let email, !EmailAddress.isValid(email) {
            log.error(at: yaml.location(of: yaml.node("email")), "\"\(email)\" is not a valid email address",
                      fix: "write one address as name@example.org, without spaces or \"mailto:\"; give a second address a contact of its own")
            return nil
        }
        let phoneText = yaml.string("phone", log: &log)
        let phone = phoneText.flatMap(PhoneNumber.init)
        if let phoneText, phone == nil {
            log.error(at: yaml.location(of: yaml.node("phone")), "\"\(phoneText)\" is not a UK phone number",
                      fix: "write the number as it is dialled in the UK, e.g. \"01234 567890\" or \"+44 1234 567890\"; one number per contact")
            return nil
        }
        let contact = Contact(name: yaml.text("name", variables: variables, log: &log), role: yaml.text("role", variables: variables, log: &log),
                              email: email, phone: phone)
        if email == nil, phone == nil {
            log.warning(at: yaml.location(ofKey: "name"), "this contact has no email address or phone number: readers cannot reach them",
                        fix: "add \"email: …\" or \"phone: …\", or remove the contact")
        }
        return contact
    }

    /// A file of the hub's own folder, published beside its page, or a web address.
    private static func loadDocument(_ yaml: YAMLMap, slug: String, in surroundings: Surroundings,
                                     links: inout [String: LinkOrigin], log: inout DiagnosticLog) -> Document? {
        yaml.rejectUnknownKeys(allowed: allowedDocumentKeys, log: &log, what: "a document")
        let title = yaml.requireKey("title", log: &log, what: "the document", value: "what readers should see as the link, e.g. \"Application form\"") != nil
            ? yaml.text("title", variables: surroundings.variables, log: &log) : nil
        let file = yaml.string("file", log: &log)
        let url = yaml.node("url") != nil ? yaml.webAddress("url", log: &log) : nil
        guard (file == nil) != (yaml.node("url") == nil) else {
            log.error(at: yaml.location(ofKey: "title"), file == nil ? "this document has neither \"file:\" nor \"url:\"" : "this document has both \"file:\" and \"url:\"",
                      fix: "give it one: \"file: NAME.pdf\" for a file in content/hubs/\(slug)/, or \"url: https://…\" for one on another site")
            return nil
        }
        guard let title else { return nil }
        if let url {
            links[url] = LinkOrigin(written: url, location: yaml.location(of: yaml.node("url")))
            return Document(title: title, href: url, kind: DocumentKind.of(url), size: nil)
        }
        guard let file else { return nil }
        let name = file.trimmingCharacters(in: .whitespaces)
        guard let size = surroundings.folderFiles[name], !name.split(separator: "/").contains("..") else {
            let nearest = Suggestion.nearest(to: name, in: Set(surroundings.folderFiles.keys))
            log.error(at: yaml.location(of: yaml.node("file")), "there is no file \"\(name)\" in content/hubs/\(slug)/",
                      fix: nearest.map { "did you mean \"\($0)\"?" }
                          ?? "put the file in the folder content/hubs/\(slug)/ (beside \(slug).md, in a folder of the hub's name) and write its name here")
            return nil
        }
        return Document(title: title, href: name.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? name,
                        kind: DocumentKind.of(name), size: size)
    }

    private static func loadEvent(_ yaml: YAMLMap, variables: TextVariables, links: inout [String: LinkOrigin], log: inout DiagnosticLog) -> Event? {
        yaml.rejectUnknownKeys(allowed: allowedEventKeys, log: &log, what: "an event")
        let date = yaml.requireKey("date", log: &log, what: "the event", value: "the day of the event, written as day, month and year") != nil ? yaml.date("date", log: &log) : nil
        let title = yaml.requireKey("title", log: &log, what: "the event", value: "what the event is called") != nil ? yaml.text("title", variables: variables, log: &log) : nil
        let time = yaml.string("time", log: &log), place = yaml.text("place", variables: variables, log: &log)
        if let place, place.lowercased().contains("http://") || place.lowercased().contains("https://") {
            log.warning(at: yaml.location(of: yaml.node("place")), "\"place\" holds a web address, which readers see as text, not a link",
                        fix: "write the address as \"booking_url: …\" (or leave it out of an online event), and \"online: true\" for an event held online")
        }
        if let title, title.contains("](") {
            log.warning(at: yaml.location(of: yaml.node("title")), "the title holds a Markdown link, which readers see as it is written",
                        fix: "write the title as plain words, and the address as \"booking_url: …\"")
        }
        let bookingURL = yaml.webAddress("booking_url", log: &log)
        if let bookingURL { links[bookingURL] = LinkOrigin(written: bookingURL, location: yaml.location(of: yaml.node("booking_url"))) }
        let isOnline = yaml.bool("online", log: &log) ?? false
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
        return Event(date: date, title: title, time: time, clock: clock, place: place, bookingURL: bookingURL, isOnline: isOnline, id: id,
                     location: yaml.location(of: yaml.node("date")))
    }
}

/// What readers are told a download is, from its name's ending: "PDF", "Word document".
enum DocumentKind {
    static func of(_ name: String) -> String? {
        let path = URLComponents(string: name)?.path ?? name
        let ending = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
        let kinds = ["pdf": "PDF", "doc": "Word document", "docx": "Word document", "odt": "OpenDocument text",
                     "xls": "Excel spreadsheet", "xlsx": "Excel spreadsheet", "ods": "OpenDocument spreadsheet",
                     "ppt": "PowerPoint presentation", "pptx": "PowerPoint presentation", "csv": "CSV", "txt": "Text",
                     "rtf": "Rich Text", "zip": "ZIP archive"]
        return path.contains(".") ? kinds[ending] : nil
    }

    /// "240 KB", "1.2 MB", as GOV.UK writes sizes (1 KB = 1,024 bytes).
    static func size(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) bytes" }
        if bytes < 1024 * 1024 { return "\((bytes + 512) / 1024) KB" }
        let tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024)
        return "\(tenths / 10).\(tenths % 10) MB"
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
