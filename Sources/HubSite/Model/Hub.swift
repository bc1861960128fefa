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
    /// `north-east`: the region's anchor on the finder page.
    public var id: String { SlugMaker.slug(rawValue) }

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
        public var time: String?
        public var place: String?
    }

    /// From the file name: `content/hubs/solent.md` → `solent`.
    public var slug: String
    public var name: String
    public var region: Region
    public var website: String?
    public var areas: [String]
    public var contact: Contact?
    /// Where to apply through this hub; nil means the programme's own route (the sheet's "How to apply").
    public var applyURL: String?
    /// Sorted by date.
    public var events: [Event]
}
