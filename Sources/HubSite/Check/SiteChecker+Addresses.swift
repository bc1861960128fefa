import Foundation

/// Where a link of a built page leads, from the page's own folder: a file of the site (and a
/// fragment), outside the site, or nowhere it can work.
extension SiteChecker {
    enum Resolution {
        case external
        /// `/page/` in the built HTML: it works only at a domain's root.
        case fromDomainRoot
        case invalid(String)
        /// Path inside the site and the fragment (nil: none; "": a bare "#").
        case `internal`(String, fragment: String?)
    }

    /// Works on UTF-8 bytes: there are more links than anything else in a site.
    func resolve(_ url: String, from page: String) -> Resolution {
        let bytes = url.utf8
        if bytes.starts(with: "//".utf8) || hasScheme(bytes) { return .external }
        var pathEnd = bytes.endIndex
        var fragment: String?
        if let hash = bytes.firstIndex(of: UInt8(ascii: "#")) {
            fragment = Self.percentDecoded(String(url[bytes.index(after: hash)...]))
            pathEnd = hash
        }
        if let query = bytes[..<pathEnd].firstIndex(of: UInt8(ascii: "?")) { pathEnd = query }
        let path = Self.percentDecoded(String(url[..<pathEnd]))
        if path.isEmpty { return .internal(page, fragment: fragment) }
        let fromRoot = path.utf8.first == UInt8(ascii: "/")
        if fromRoot, page != "404.html" { return .fromDomainRoot }
        var target: [UInt8] = []
        if !fromRoot, let slash = page.utf8.lastIndex(of: UInt8(ascii: "/")) { target += page.utf8[..<slash] }
        for part in path.utf8.split(separator: UInt8(ascii: "/")) {
            if part.elementsEqual(".".utf8) { continue }
            if part.elementsEqual("..".utf8) {
                guard !target.isEmpty else { return .invalid("it leads outside the site's folder") }
                target.removeSubrange((target.lastIndex(of: UInt8(ascii: "/")) ?? 0)...)
                continue
            }
            if !target.isEmpty { target.append(UInt8(ascii: "/")) }
            target += part
        }
        if path.utf8.last == UInt8(ascii: "/") || target.isEmpty { target += target.isEmpty ? Array("index.html".utf8) : Array("/index.html".utf8) }
        return .internal(String(decoding: target, as: UTF8.self), fragment: fragment)
    }

    /// Foundation's decoder is slow on Linux; nearly no address has a "%" to decode.
    private static func percentDecoded(_ text: String) -> String {
        text.utf8.contains(UInt8(ascii: "%")) ? (text.removingPercentEncoding ?? text) : text
    }

    /// `https:`, `mailto:`: a letter, then letters, digits, "+", "-" or ".", then a colon.
    private func hasScheme(_ bytes: String.UTF8View) -> Bool {
        guard let first = bytes.first, TextBytes.isLetter(first) else { return false }
        for byte in bytes.dropFirst() {
            if byte == UInt8(ascii: ":") { return true }
            guard TextBytes.isLetterOrDigit(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") else { return false }
        }
        return false
    }
}
