/// A date `hubsite new-cohort` moved on a year is a guess until an editor confirms it: the
/// command marks its line with a comment, and every build says so until the comment is deleted.
enum Unconfirmed {
    /// The comment new-cohort writes at the end of a moved date's line.
    static let comment = "# unconfirmed: new-cohort moved this date on a year; delete this comment once it is confirmed"

    static func warn(_ key: String, _ value: String, checkWith whom: String, at location: SourceLocation, log: inout DiagnosticLog) {
        log.warning(at: location, "\(key) \(value) is not confirmed yet: `hubsite new-cohort` moved it on a year from the last cohort's",
                    fix: "check it against \(whom) published dates and correct it if needed; then delete the comment \"# unconfirmed…\" at the end of the line")
    }
}
