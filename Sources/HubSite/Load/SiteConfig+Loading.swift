import Foundation

extension SiteConfig {
    static let allowedKeys = ["title", "language", "base_url", "unsafe_html", "publisher", "cohort", "application_url", "site_id"]
    static let allowedCohortKeys = ["number", "year1", "year2", "applications_open", "applications_close"]

    /// Reads `site.yml`; every problem in it goes to `log`, and nil comes back if any was fatal.
    static func load(_ file: SourceFile, log: inout DiagnosticLog) -> SiteConfig? {
        guard let yaml = YAMLMap.parse(file.text, file: file.path, firstLine: 1, log: &log) else { return nil }
        let errorsBefore = log.errorCount
        yaml.rejectUnknownKeys(allowed: allowedKeys, log: &log, what: "site.yml")
        _ = yaml.requireKey("title", log: &log, what: "site.yml", value: "the programme's name")
        let titleText = yaml.string("title", log: &log)
        let title = titleText ?? ""
        if let titleText, titleText.trimmingCharacters(in: .whitespaces).isEmpty {
            log.error(at: yaml.location(of: yaml.node("title")), "the site's title is empty: it names every page, and the link home on each page would have no text",
                      fix: "write the programme's name, e.g. \"title: Secondary Mastery Specialist Programme\"")
        }
        let language = yaml.string("language", log: &log) ?? "en-GB"
        if !language.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) || language.isEmpty {
            log.error(at: yaml.location(of: yaml.node("language")), "\"language\" must be a language tag such as \"en-GB\", found \"\(language)\"")
        }
        let baseURL = yaml.string("base_url", log: &log).flatMap { checkedBaseURL($0, named: "\"base_url\"", at: yaml.location(of: yaml.node("base_url")), log: &log) }
        let unsafeHTML = yaml.bool("unsafe_html", log: &log) ?? false
        let publisher = yaml.string("publisher", log: &log) ?? "Maths Hubs and the NCETM"
        let applicationURL = yaml.webAddress("application_url", log: &log)
        let siteID = yaml.string("site_id", log: &log)
        if let siteID, siteID.isEmpty || !siteID.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-" || $0 == ".") }) {
            log.error(at: yaml.location(of: yaml.node("site_id")), "\"site_id\" must be lowercase letters, digits, dots and hyphens, found \"\(siteID)\"",
                      fix: "write a name no other site uses, such as your domain: \"site_id: mastery.example.org\"; it must not change once published")
        }
        let cohort = yaml.requireKey("cohort", log: &log, what: "site.yml", value: "the cohort's facts indented under it (see docs/EDITING.md: site.yml)") != nil
            ? yaml.map("cohort", log: &log).flatMap { loadCohort($0, log: &log) } : nil
        guard log.errorCount == errorsBefore, let cohort else { return nil }
        var config = SiteConfig(title: title, language: language, baseURL: baseURL, unsafeHTML: unsafeHTML,
                                publisher: publisher, cohort: cohort, stamp: BuildStamp(day: cohort.applicationsOpen))
        config.applicationURL = applicationURL
        config.siteID = siteID
        // The title and publisher may name the cohort; the publisher may name the title too.
        let cohortVariables = config.variables.filter { $0.key.hasPrefix("cohort.") }
        if let node = yaml.node("title") {
            config.title = yaml.substituted(title, at: node, variables: TextVariables(values: cohortVariables, cohort: cohort), log: &log)
        }
        if let node = yaml.node("publisher") {
            config.publisher = yaml.substituted(publisher, at: node, variables: TextVariables(values: cohortVariables.merging(["site.title": config.title]) { $1 }, cohort: cohort), log: &log)
        }
        return log.errorCount == errorsBefore ? config : nil
    }

    /// An absolute http(s) address, given a final slash; nil (and an error) for anything else.
    static func checkedBaseURL(_ url: String, named name: String, at location: SourceLocation, log: inout DiagnosticLog) -> String? {
        guard url.hasPrefix("https://") || url.hasPrefix("http://"), URL(string: url)?.host?.isEmpty == false,
              !url.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "<" || $0 == ">" }) else {
            log.error(at: location, "\(name) must be an absolute http(s) address, found \"\(url)\"",
                      fix: "write the address the site is published at, e.g. \"https://www.example.org/cpd/mastery/\", or leave it out")
            return nil
        }
        // Every page's address is the base and a path: a "?" or "#" in the base would make them all one page.
        if url.contains("?") || url.contains("#") {
            log.error(at: location, "\(name) must not hold \"?\" or \"#\": every page's address is made by adding its path to it, found \"\(url)\"",
                      fix: "write only the folder's address, e.g. \"https://www.example.org/cpd/mastery/\"")
            return nil
        }
        return url.hasSuffix("/") ? url : url + "/"
    }

    private static func loadCohort(_ yaml: YAMLMap, log: inout DiagnosticLog) -> Cohort? {
        yaml.rejectUnknownKeys(allowed: allowedCohortKeys, log: &log, what: "\"cohort\"")
        let number = yaml.requireKey("number", log: &log, what: "\"cohort\"", value: "the cohort's number") != nil
            ? yaml.int("number", in: Cohort.numbers, log: &log) : nil
        let year1 = yaml.requireKey("year1", log: &log, what: "\"cohort\"", value: "the cohort's first academic year, written as four digits, a slash and two") != nil ? academicYear("year1", in: yaml, log: &log) : nil
        let year2 = yaml.node("year2") != nil ? academicYear("year2", in: yaml, log: &log) : year1.map { $0 + 1 }
        if let year1, let year2, year2 != year1 + 1 {
            log.error(at: yaml.location(of: yaml.node("year2")),
                      "\"year2\" must be the academic year after \"year1\" (\(Cohort.academicYear(startingIn: year1 + 1))), found \(Cohort.academicYear(startingIn: year2))",
                      fix: "set year2 to \(Cohort.academicYear(startingIn: year1 + 1)), or leave it out: it follows from year1")
        }
        let open = yaml.requireKey("applications_open", log: &log, what: "\"cohort\"", value: "the day applications open, written as day, month and year") != nil
            ? yaml.date("applications_open", log: &log) : nil
        let close = yaml.requireKey("applications_close", log: &log, what: "\"cohort\"", value: "the day applications close, written as day, month and year") != nil
            ? yaml.date("applications_close", log: &log) : nil
        for (key, date, whom) in [("applications_open", open, "the NCETM's"), ("applications_close", close, "the NCETM's")] {
            if let date, yaml.isUnconfirmed(key) { Unconfirmed.warn(key, date.text, checkWith: whom, at: yaml.location(of: yaml.node(key)), log: &log) }
        }
        if let open, let close, close == open {
            log.error(at: yaml.location(of: yaml.node("applications_close")),
                      "applications open and close on the same day (\(close.text))",
                      fix: "check both dates: teachers need time to apply, so the window closes on a later day")
        } else if let open, let close, close < open {
            log.error(at: yaml.location(of: yaml.node("applications_close")),
                      "applications close (\(close.text)) before they open (\(open.text))",
                      fix: "check both dates: the window must open before it closes")
        }
        // Year 1 starts with the academic year, in September: teachers must be chosen before it.
        if let year1, let close, let september = CalendarDate(year: year1, month: 9, day: 1), close >= september {
            log.error(at: yaml.location(of: yaml.node("applications_close")),
                      "applications close (\(close.text)) after Year 1 begins (September \(year1))",
                      fix: "check the date and year1: the window must close before the programme starts")
        }
        guard let number, let year1, let open, let close else { return nil }
        return Cohort(number: number, firstYear: year1, applicationsOpen: open, applicationsClose: close)
    }

    /// "2026/27" (or "2026/2027", "2026-27") → 2026.
    private static func academicYear(_ key: String, in yaml: YAMLMap, log: inout DiagnosticLog) -> Int? {
        guard let text = yaml.string(key, log: &log) else { return nil }
        let parts = text.split(whereSeparator: { $0 == "/" || $0 == "-" })
        if parts.count == 2, parts[0].count == 4, let first = Int(parts[0]), let second = Int(parts[1]),
           second == first + 1 || second == (first + 1) % 100 {
            return first
        }
        log.error(at: yaml.location(of: yaml.node(key)), "\"\(key)\" must be an academic year such as \"2026/27\", found \"\(text)\"",
                  fix: "write the two calendar years it spans, e.g. \"2026/27\"")
        return nil
    }
}
