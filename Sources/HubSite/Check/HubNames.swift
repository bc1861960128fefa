/// Two hub files for one hub would give editors two pages to keep in step.
enum HubNames {
    /// Each file of a pair is told of the other, at its `name:` line: either may be the one
    /// that was just added or edited.
    static func checkUnique(_ pages: [Page], log: inout DiagnosticLog) {
        var first: [String: Hub] = [:]
        for hub in pages.compactMap(\.hub).sorted(by: { $0.nameLocation < $1.nameLocation }) {
            let key = lookalikeKey(hub.name)
            guard let earlier = first[key] else {
                first[key] = hub
                continue
            }
            let fix = "keep one file per hub: merge the two and delete the other"
            log.error(at: earlier.nameLocation, "the hub \"\(earlier.name)\" is also described in \(hub.nameLocation)", fix: fix)
            log.error(at: hub.nameLocation, "the hub \"\(hub.name)\" is also described in \(earlier.nameLocation)", fix: fix)
        }
    }

    /// The name with Cyrillic and Greek letters that look like Latin ones read as those, so that
    /// "Ѕolent" (a Cyrillic Ѕ) is the same hub as "Solent".
    static func lookalikeKey(_ name: String) -> String {
        String(String.UnicodeScalarView(name.lowercased().unicodeScalars.map { lookalikes[$0] ?? $0 }))
    }

    private static let lookalikes: [Unicode.Scalar: Unicode.Scalar] = {
        // Lower-case pairs: the name is lowercased first.
        let pairs: [(String, String)] = [
            ("а", "a"), ("в", "b"), ("е", "e"), ("к", "k"), ("м", "m"), ("н", "h"), ("о", "o"), ("р", "p"), ("с", "c"),
            ("т", "t"), ("у", "y"), ("х", "x"), ("ѕ", "s"), ("і", "i"), ("ј", "j"), ("ԁ", "d"), ("һ", "h"), ("ԛ", "q"), ("ԝ", "w"),
            ("α", "a"), ("β", "b"), ("ε", "e"), ("ι", "i"), ("κ", "k"), ("ν", "v"), ("ο", "o"), ("ρ", "p"), ("τ", "t"), ("υ", "u"), ("χ", "x"),
        ]
        return Dictionary(uniqueKeysWithValues: pairs.map { ($0.0.unicodeScalars.first!, $0.1.unicodeScalars.first!) })
    }()
}
