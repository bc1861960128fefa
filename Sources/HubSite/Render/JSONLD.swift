import Foundation

/// schema.org data for search engines: the programme and its application window.
enum JSONLD {
    static func programme(config: SiteConfig, description: String?, url: String?) -> String {
        var object: [String: Any] = [
            "@context": "https://schema.org",
            "@type": "EducationalOccupationalProgram",
            "name": "\(config.title), cohort \(config.cohort.number) (\(config.cohort.year1))",
            "provider": ["@type": "Organization", "name": config.publisher],
            "applicationStartDate": config.cohort.applicationsOpen.iso,
            "applicationDeadline": config.cohort.applicationsClose.iso,
            "timeToComplete": "P2Y",
            "inLanguage": config.language,
        ]
        if let description { object["description"] = description }
        if let url { object["url"] = url }
        return encode(object)
    }

    /// Sorted keys for stable bytes; `</` escaped so the text cannot close its `<script>`.
    static func encode(_ object: [String: Any]) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else {
            return "{}"
        }
        return String(decoding: data, as: UTF8.self)
            .replacingOccurrences(of: "</", with: "<\\/")
            .replacingOccurrences(of: "<!--", with: "<\\u0021--")
    }
}
