/// What a build takes from outside the site's folder: the command line and the environment.
public struct BuildSettings: Sendable {
    /// `hubsite build --base-url URL`: replaces site.yml's `base_url`, for preview deployments.
    public var baseURL: String?
    /// The environment's `SOURCE_DATE_EPOCH`, when set (see BuildStamp).
    public var sourceDateEpoch: String?

    public init(baseURL: String? = nil, sourceDateEpoch: String? = nil) {
        self.baseURL = baseURL
        self.sourceDateEpoch = sourceDateEpoch
    }
}
