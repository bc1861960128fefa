/// Two hub files for one hub would give editors two pages to keep in step.
enum HubNames {
    static func checkUnique(_ pages: [Page], log: inout DiagnosticLog) {
        var seen: [String: String] = [:]
        let hubs = pages.compactMap { page in page.hub.map { (source: page.source, name: $0.name) } }
        for hub in hubs.sorted(by: { $0.source < $1.source }) {
            let key = hub.name.lowercased()
            if let first = seen[key] {
                log.error(at: SourceLocation(file: hub.source, line: 2), "the hub \"\(hub.name)\" is also described in \(first)",
                          fix: "keep one file per hub: merge the two and delete the other")
            } else {
                seen[key] = hub.source
            }
        }
    }
}
