extension EventTime {
    /// Why a `time:` value cannot be read, said so that an editor can correct it.
    enum Problem: Error, Equatable {
        case unreadable(String)
        case impossible(String)
        case endsBeforeStart

        var message: String {
            switch self {
            case .unreadable(let text): return "\"\(text)\" is not a time of day"
            case .impossible(let text): return "\(text) is not a time of day: hours go up to 23 (or 12 with am/pm), minutes up to 59"
            case .endsBeforeStart: return "the event ends before it starts"
            }
        }
    }

    static func parse(_ text: String) -> Result<EventTime, Problem> {
        let parts = split(text)
        guard (1...2).contains(parts.count) else { return .failure(.unreadable(text.trimmingCharacters(in: .whitespaces))) }
        var minutes: [Int] = []
        for part in parts {
            switch clockTime(part) {
            case .success(let value): minutes.append(value)
            case .failure(let problem): return .failure(problem)
            }
        }
        if minutes.count == 2, minutes[1] <= minutes[0] { return .failure(.endsBeforeStart) }
        return .success(EventTime(start: minutes[0], end: minutes.count == 2 ? minutes[1] : nil))
    }

    /// "16:00 to 17:00" → ["16:00", "17:00"]: "to", a hyphen or a dash between two times.
    private static func split(_ text: String) -> [String] {
        var rest = text.lowercased()
        for separator in [" to ", "–", "—", "-"] { rest = rest.replacingOccurrences(of: separator, with: "|") }
        return rest.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// "16:00", "16.00", "4pm", "4 pm", "4:30pm", "12am" → minutes after midnight.
    private static func clockTime(_ text: String) -> Result<Int, Problem> {
        if ["noon", "midday", "12 noon", "12 midday"].contains(text) { return .success(12 * 60) }
        var digits = text.replacingOccurrences(of: " ", with: "")
        var meridiem: String?
        for suffix in ["am", "pm"] where digits.hasSuffix(suffix) {
            meridiem = suffix
            digits.removeLast(2)
        }
        let pieces = digits.split(separator: ":", omittingEmptySubsequences: false).flatMap { $0.split(separator: ".", omittingEmptySubsequences: false) }
        guard !digits.isEmpty, pieces.count <= 2, pieces.allSatisfy({ !$0.isEmpty && $0.count <= 2 && $0.allSatisfy(\.isASCII) }),
              let hour = Int(pieces[0]), let minute = pieces.count == 2 ? Int(pieces[1]) : 0,
              pieces.count == 2 || meridiem != nil else {
            return .failure(.unreadable(text))
        }
        if pieces.count == 2, pieces[1].count != 2 { return .failure(.unreadable(text)) }
        guard (0...59).contains(minute) else { return .failure(.impossible(text)) }
        if let meridiem {
            guard (1...12).contains(hour) else { return .failure(.impossible(text)) }
            return .success(((hour % 12) + (meridiem == "pm" ? 12 : 0)) * 60 + minute)
        }
        guard (0...23).contains(hour) else { return .failure(.impossible(text)) }
        return .success(hour * 60 + minute)
    }
}
