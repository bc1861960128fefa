import Foundation

/// Turns heading text into `id`s that stay the same from build to build:
/// "Who should apply?" → `who-should-apply`.
struct SlugMaker {
    private var used: Set<String>

    /// `reserved` holds ids the templates already use on the page (`main-content`, …).
    init(reserved: Set<String> = []) {
        used = reserved
    }

    /// A new id for `text`: the slug, or the slug with `-1`, `-2`, … when already taken.
    mutating func makeID(for text: String) -> String {
        let base = Self.slug(text).isEmpty ? "section" : Self.slug(text)
        var candidate = base
        var counter = 1
        while used.contains(candidate) {
            candidate = "\(base)-\(counter)"
            counter += 1
        }
        used.insert(candidate)
        return candidate
    }

    /// Lower-case ASCII letters and digits, everything else folded into single hyphens.
    /// Accented letters lose their accents ("Café" → "cafe") so ids stay plain ASCII.
    static func slug(_ text: String) -> String {
        var slug = ""
        var pendingHyphen = false
        // Decomposing (for accents) goes through Foundation; plain ASCII headings do not need it.
        let folded = text.utf8.allSatisfy { $0 < 128 } ? text.lowercased() : text.decomposedStringWithCompatibilityMapping.lowercased()
        for scalar in folded.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if pendingHyphen, !slug.isEmpty { slug.append("-") }
                pendingHyphen = false
                slug.unicodeScalars.append(scalar)
            } else if scalar.properties.generalCategory == .nonspacingMark || scalar == "'" || scalar == "’" {
                continue
            } else {
                pendingHyphen = true
            }
        }
        return slug
    }
}
