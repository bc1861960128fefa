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
    public struct Contact: Hashable, Sendable {
        public var role: String?
        public var email: String
    }

    /// A local information session or other event of the hub.
    public struct Event: Hashable, Sendable {
        public var date: CalendarDate
        public var title: String
        /// As written, for the page; `clock` is what it says, for calendars.
        public var time: String?
        public var clock: EventTime?
        public var place: String?
        /// Names the event in calendars when the hub has two on one day (`id:`).
        public var id: String?
        /// Where the event's `date:` was written, for `hubsite check`'s warning once it has passed.
        public var location: SourceLocation
    }

    /// From the file name: `content/hubs/solent.md` → `solent`.
    public var slug: String
    public var name: String
    /// Where `name:` was written: two files naming one hub are both pointed at.
    public var nameLocation: SourceLocation
    public var region: Region
    public var website: String?
    public var areas: [String]
    public var contact: Contact?
    /// Where to apply through this hub; nil means the programme's own route (the sheet's "How to apply").
    public var applyURL: String?
    /// Sorted by date.
    public var events: [Event]
    /// Each web address of the front matter, where it was written: the link checkers report there.
    public var links: [String: LinkOrigin] = [:]

    /// Stable across edits of the event's title, time and place, so that a correction updates
    /// the event in subscribers' calendars instead of adding a second one.
    func calendarUID(of event: Event) -> String {
        "hub-\(slug)-\(event.id ?? event.date.basic)@hubsite"
    }
}
