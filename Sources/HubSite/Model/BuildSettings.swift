/// What a build takes from outside the site's folder: the command line and the environment.
public struct BuildSettings: Sendable {
    /// `hubsite build --base-url URL`: replaces site.yml's `base_url`, for preview deployments.
    public var baseURL: String?
    /// The environment's `SOURCE_DATE_EPOCH`, when set (see BuildStamp).
    public var sourceDateEpoch: String?
    /// The day the build is run, for the warnings that depend on it (a deadline or an event that
    /// has passed); nil leaves them out. It never changes what is written.
    public var today: CalendarDate?
    /// `--strict`: a warning fails the build as an error does.
    public var strict: Bool
    /// Pages and hubs with `draft: true` are built too (the preview); otherwise left out.
    public var includeDrafts: Bool

    public init(baseURL: String? = nil, sourceDateEpoch: String? = nil, today: CalendarDate? = nil, strict: Bool = false,
                includeDrafts: Bool = false) {
        self.baseURL = baseURL
        self.sourceDateEpoch = sourceDateEpoch
        self.today = today
        self.strict = strict
        self.includeDrafts = includeDrafts
    }
}
