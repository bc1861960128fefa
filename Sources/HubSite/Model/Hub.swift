import Foundation

/// One of England's nine regions, in the order the hub finder lists them: north to south,
/// London before the South East and South West.
public enum Region: String, CaseIterable, Sendable, Comparable {
    case northEast = "North East"
    case northWest = "North West"
    case yorkshire = "Yorkshire and the Humber"
    case eastMidlands = "East Midlands"
    case westMidlands = "West Midlands"
    case eastOfEngland = "East of England"
    case london = "London"
    case southEast = "South East"
    case southWest = "South West"

    public var name: String { rawValue }
    /// As a sentence says it: "in the North West", "in London".
    public var inSentence: String { self == .london || self == .yorkshire ? rawValue : "the " + rawValue }
    /// `north-east`: the region's anchor on the finder page.
    public var id: String { SlugMaker.slug(rawValue) }

    /// A region as editors write it: any case, with or without "the", and the common short
    /// forms ("West Mids", "East Mids", "Yorkshire", "Yorkshire and Humber").
    init?(written text: String) {
        var key = text.trimmingCharacters(in: .whitespaces).lowercased()
        if key.hasPrefix("the ") { key.removeFirst(4) }
        let shortForms: [String: Region] = ["west mids": .westMidlands, "east mids": .eastMidlands, "yorkshire": .yorkshire,
                                             "yorkshire and humber": .yorkshire, "yorkshire & the humber": .yorkshire]
        guard let region = Region.allCases.first(where: { $0.rawValue.lowercased() == key }) ?? shortForms[key] else { return nil }
        self = region
    }

    /// The region whose name begins the way `text` does ("West Midland Counties" → West Midlands).
    static func nearest(to text: String) -> Region? {
        let written = text.lowercased()
        let scored = allCases.map { region in (region, zip(region.rawValue.lowercased(), written).prefix { $0 == $1 }.count) }
        guard let best = scored.max(by: { $0.1 < $1.1 }), best.1 >= 6, scored.filter({ $0.1 == best.1 }).count == 1 else { return nil }
        return best.0
    }

    public static func < (lhs: Region, rhs: Region) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// A Maths Hub, read from `content/hubs/SLUG.md`. Only facts that were written are shown:
/// an unknown website or area is left out, never guessed.
public struct Hub: Hashable, Sendable {
    /// Someone at the hub: any part may be left out.
    public struct Contact: Hashable, Sendable {
        public var name: String?
        public var role: String?
        public var email: String?
        public var phone: PhoneNumber?
    }

    /// Something to download: a file of the hub's own folder, published beside its page, or an address.
    public struct Document: Hashable, Sendable {
        public var title: String
        /// From the hub's page: the file's name (encoded), or the full address.
        public var href: String
        /// "PDF", "Word document": from the file's name.
        public var kind: String?
        /// Bytes, for a file of the hub's folder.
        public var size: Int?
    }

    /// A local information session or other event of the hub.
    public struct Event: Hashable, Sendable {
        public var date: CalendarDate
        public var title: String
        /// As written, for the page; `clock` is what it says, for calendars.
        public var time: String?
        public var clock: EventTime?
        public var place: String?
        /// Where to book a place (`booking_url`).
        public var bookingURL: String?
        /// `online: true`: held online, so a calendar needs no place.
        public var isOnline = false
        /// Names the event in calendars when the hub has two on one day (`id:`).
        public var id: String?
        /// Where the event's `date:` was written, for `hubsite check`'s warning once it has passed.
        public var location: SourceLocation

        /// When the event is over, UK time: its end, else the end of its day. Pages' scripts compare it with the reader's clock.
        public var ends: String {
            guard let clock else { return date.iso + "T24:00" }
            let minutes = clock.end ?? 24 * 60
            return date.iso + "T" + EventTime.twoDigits(minutes / 60) + ":" + EventTime.twoDigits(minutes % 60)
        }
    }

    /// From the file name: `content/hubs/solent.md` → `solent`.
    public var slug: String
    public var name: String
    /// Where `name:` was written: two files naming one hub are both pointed at.
    public var nameLocation: SourceLocation
    public var region: Region
    public var website: String?
    public var areas: [String]
    public var contacts: [Contact]
    public var documents: [Document] = []
    /// Where to apply through this hub; nil means the programme's own route (the sheet's "How to apply").
    public var applyURL: String?
    /// The hub's own window, where it differs from the programme's.
    public var applicationsOpen: DateAndTime?
    public var applicationsClose: DateAndTime?
    /// Sorted by date.
    public var events: [Event]
    /// Each web address of the front matter, where it was written: the link checkers report there.
    public var links: [String: LinkOrigin] = [:]

    /// Stable across edits of the event's title, time and place, so that a correction updates
    /// the event in subscribers' calendars instead of adding a second one.
    func calendarUID(of event: Event, domain: String) -> String {
        "hub-\(slug)-\(event.id ?? event.date.basic)@\(domain)"
    }

    /// The hub's own date in place of a programme key date (its opening or deadline), if it has one.
    public func ownDate(for keyDate: KeyDate) -> DateAndTime? {
        switch keyDate.id {
        case "applications-open": return applicationsOpen
        case "applications-close": return applicationsClose
        default: return nil
        }
    }

    /// The window this hub's applicants have: its own dates where it has them, else the programme's.
    public func window(_ cohort: Cohort) -> (opens: DateAndTime, closes: DateAndTime) {
        (applicationsOpen ?? DateAndTime(date: cohort.applicationsOpen), applicationsClose ?? DateAndTime(date: cohort.applicationsClose))
    }
}

/// A UK telephone number as written ("01234 567890", "+44 (0)1234 567890"), and its `tel:` address.
public struct PhoneNumber: Hashable, Sendable {
    public var written: String
    /// `tel:+441234567890`
    public var telURL: String

    /// Ten or eleven digits from a 0, or +44 and the same without the 0: spaces, hyphens and
    /// brackets are only for reading.
    init?(_ text: String) {
        let written = text.trimmingCharacters(in: .whitespaces)
        var rest = written.replacingOccurrences(of: "(0)", with: "")
        guard rest.allSatisfy({ $0.isASCII && ($0.isNumber || " -()+".contains($0)) }) else { return nil }
        rest.removeAll { " -()".contains($0) }
        if rest.hasPrefix("+44") { rest = "0" + rest.dropFirst(3) } else if rest.hasPrefix("0044") { rest = "0" + rest.dropFirst(4) }
        guard rest.hasPrefix("0"), !rest.hasPrefix("00"), (10...11).contains(rest.count), rest.allSatisfy(\.isNumber) else { return nil }
        self.written = written
        telURL = "tel:+44" + rest.dropFirst()
    }
}
