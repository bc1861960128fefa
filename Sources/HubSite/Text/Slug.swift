import Foundation

/// Turns heading text into `id`s that stay the same from build to build:
/// "Who should apply?" → `who-should-apply`.
struct SlugMaker {
    private var used: Set<String>
    /// The next number to try after each base: starting again from 1 every time made 20,000
    /// headings of one text take minutes.
    private var nextSuffix: [String: Int] = [:]

    /// `reserved` holds ids the templates already use on the page (`main-content`, …).
    init(reserved: Set<String> = []) {
        used = reserved
    }

    /// A new id for `text`: the slug, or the slug with `-1`, `-2`, … when already taken.
    mutating func makeID(for text: String) -> String {
        let slug = Self.slug(text)
        let base = slug.isEmpty ? "section" : slug
        var candidate = base
        var counter = nextSuffix[base, default: 1]
        while used.contains(candidate) {
            candidate = "\(base)-\(counter)"
            counter += 1
        }
        nextSuffix[base] = counter
        used.insert(candidate)
        return candidate
    }

    /// Lower-case ASCII letters and digits, everything else folded into single hyphens.
    /// Accented letters lose their accents ("Café" → "cafe") so ids stay plain ASCII.
    static func slug(_ text: String) -> String {
        var slug = ""
        var pendingHyphen = false
        for scalar in text.decomposedStringWithCompatibilityMapping.lowercased().unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if pendingHyphen, !slug.isEmpty { slug.append("-") }
                pendingHyphen = false
                slug.unicodeScalars.append(scalar)
            } else if scalar.properties.generalCategory == .nonspacingMark || scalar == "'" || scalar == "’" {
                continue  // an accent goes with its letter; an apostrophe joins: "teachers'" → "teachers"
            } else {
                pendingHyphen = true
            }
        }
        return slug
    }
}
