/// Two hub files for one hub would give editors two pages to keep in step.
enum HubNames {
    /// Each file of a pair is told of the other, at its `name:` line: either may be the one
    /// that was just added or edited.
    static func checkUnique(_ pages: [Page], log: inout DiagnosticLog) {
        var first: [String: Hub] = [:]
        for hub in pages.compactMap(\.hub).sorted(by: { $0.nameLocation < $1.nameLocation }) {
            let key = hub.name.lowercased()
            guard let earlier = first[key] else {
                first[key] = hub
                continue
            }
            let fix = "keep one file per hub: merge the two and delete the other"
            log.error(at: earlier.nameLocation, "the hub \"\(earlier.name)\" is also described in \(hub.nameLocation)", fix: fix)
            log.error(at: hub.nameLocation, "the hub \"\(hub.name)\" is also described in \(earlier.nameLocation)", fix: fix)
        }
    }
}
