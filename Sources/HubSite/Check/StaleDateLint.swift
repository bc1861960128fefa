/// Finds what a rollover would leave behind: years, academic years, dates and cohort numbers
/// written out in prose instead of through `{{cohort.…}}` variables. It reads the text as the
/// editor wrote it, before variables are replaced.
enum StaleDateLint {
    struct Finding: Equatable {
        var byteOffset: Int
        var severity: Diagnostic.Severity
        var message: String
        var fix: String
    }

    /// `dates` and `otherDates` are the text's dates when the caller has them already.
    static func findings(in text: String, cohort: Cohort, dates: [UKDateScanner.Match]? = nil,
                         otherDates: [OtherDateForms.Match]? = nil) -> [Finding] {
        var copy = text
        return copy.withUTF8 { bytes in
            guard bytes.contains(where: isDigit) else { return [] }
            return findings(in: bytes, text: text, cohort: cohort, dates: dates, otherDates: otherDates)
        }
    }

    private static func findings(in bytes: UnsafeBufferPointer<UInt8>, text: String, cohort: Cohort,
                                 dates: [UKDateScanner.Match]?, otherDates: [OtherDateForms.Match]?) -> [Finding] {
        let dates = dates ?? UKDateScanner.matches(in: text)
        var findings: [Finding] = []
        var covered: [Range<Int>] = []
        var cohortYears: String { "this site is for cohort \(cohort.number) (\(cohort.year1) and \(cohort.year2))" }

        // Dates: a key date written out, or a date from before this cohort's window.
        for match in dates {
            // An impossible date has its error already: its year is not a second finding.
            covered.append(match.byteOffset..<(match.byteOffset + match.written.utf8.count))
            guard case .valid(let date) = match.outcome else { continue }
            if let keyDate = cohort.keyDates.first(where: { $0.date == date }) {
                let variable = keyDate.id == "applications-open" ? "cohort.applications_open" : "cohort.applications_close"
                findings.append(Finding(byteOffset: match.byteOffset, severity: .warning,
                                        message: "the date \"\(match.written)\" is written out",
                                        fix: "write {{\(variable)}} so that new-cohort moves it on"))
            } else if date < cohort.applicationsOpen.adding(years: -1) {
                findings.append(Finding(byteOffset: match.byteOffset, severity: .error,
                                        message: "the date \"\(match.written)\" is more than a year before this cohort's applications open (\(cohort.applicationsOpen.text))",
                                        fix: "update or remove it"))
            }
        }
        // A date in another form has a warning of its own: its year is not a second one.
        for other in otherDates ?? OtherDateForms.matches(in: text, ukDates: dates) {
            covered.append(other.byteOffset..<(other.byteOffset + other.written.utf8.count))
        }
        // Academic years such as 2025/26, and years such as 2026, and "Cohort 11".
        var index = 0
        while index < bytes.count {
            guard isDigit(bytes[index]), index == 0 || !isWordByte(bytes[index - 1]) else { index += 1; continue }
            var end = index
            while end < bytes.count, isDigit(bytes[end]) { end += 1 }
            defer { index = max(end, index + 1) }
            guard !covered.contains(where: { $0.contains(index) }) else { continue }
            let digits = String(decoding: bytes[index..<end], as: UTF8.self)
            if digits.count == 4, let year = Int(digits), end + 1 < bytes.count, bytes[end] == UInt8(ascii: "/"),
               let second = academicSecondYear(bytes, after: end + 1), end + 1 + second.length <= bytes.count,
               second.value % 100 == (year + 1) % 100 {
                let written = String(decoding: bytes[index..<(end + 1 + second.length)], as: UTF8.self)
                if year == cohort.firstYear || year == cohort.firstYear + 1 {
                    findings.append(Finding(byteOffset: index, severity: .warning, message: "the academic year \"\(written)\" is written out",
                                            fix: "write {{cohort.year\(year == cohort.firstYear ? 1 : 2)}} so that new-cohort moves it on"))
                } else {
                    findings.append(Finding(byteOffset: index, severity: .error, message: "the academic year \"\(written)\" does not match the cohort: \(cohortYears)",
                                            fix: "write {{cohort.year1}} or {{cohort.year2}}, which change with the cohort"))
                }
                end += 1 + second.length
            } else if digits.count == 4, let year = Int(digits), (cohort.firstYear - 1)...(cohort.firstYear + 2) ~= year,
                      end >= bytes.count || !isWordByte(bytes[end]) {
                findings.append(Finding(byteOffset: index, severity: .warning, message: "the year \(year) is written out",
                                        fix: "if it belongs to this cohort, use a {{cohort.…}} variable so that new-cohort moves it on"))
            } else if Int(digits) == cohort.number, precededByCohortWord(bytes, before: index) {
                findings.append(Finding(byteOffset: index, severity: .warning, message: "the cohort number \(digits) is written out",
                                        fix: "write {{cohort.number}} so that new-cohort moves it on"))
            }
        }
        return findings.sorted { $0.byteOffset < $1.byteOffset }
    }

    private static func academicSecondYear(_ bytes: UnsafeBufferPointer<UInt8>, after start: Int) -> (value: Int, length: Int)? {
        var end = start
        while end < bytes.count, isDigit(bytes[end]) { end += 1 }
        let length = end - start
        guard length == 2 || length == 4, end >= bytes.count || !isWordByte(bytes[end]),
              let value = Int(String(decoding: bytes[start..<end], as: UTF8.self)) else { return nil }
        return (value, length)
    }

    private static func precededByCohortWord(_ bytes: UnsafeBufferPointer<UInt8>, before index: Int) -> Bool {
        let word = Array("cohort ".utf8)
        guard index >= word.count else { return false }
        return bytes[(index - word.count)..<index].map { $0 | 0x20 } == word.map { $0 | 0x20 }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
    private static func isWordByte(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || byte == UInt8(ascii: "/")
    }
}
