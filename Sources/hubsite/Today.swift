import ArgumentParser
import Foundation
import HubSite

/// The day that date checks compare with: `--today YYYY-MM-DD`, or the computer's own date.
enum Today {
    static func resolve(_ option: String?) throws -> CalendarDate {
        if let option {
            guard let day = CalendarDate(iso: option) else {
                throw ValidationError("--today must be a date such as 2026-11-29, found \"\(option)\"")
            }
            return day
        }
        let parts = Calendar(identifier: .gregorian).dateComponents(in: .current, from: Date())
        return CalendarDate(year: parts.year ?? 2000, month: parts.month ?? 1, day: parts.day ?? 1)!
    }
}
