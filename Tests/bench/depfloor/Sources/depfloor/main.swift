// The floor hubsite's fixed dependencies set: what building a site costs with cmark, Yams and
// swift-mustache and nothing else. For each Markdown file, across all cores: read it, compose its
// front matter with Yams, parse and render its Markdown with cmark, render the site's own `page`
// template (its layout and partials included) with the values hubsite gives a plain page, make
// its folder and write its index.html. The templating is the same work as hubsite's, as Hugo's
// layouts are; no checks, no links, no dates, no ids, no error reporting: whatever hubsite does
// beyond this is its own cost.
//
// usage: depfloor SITE OUTPUT FILE...   (SITE holds site.yml and templates/)
import CCmarkFloor
import Dispatch
import Foundation
import Glibc
import Mustache
import Yams

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data("usage: depfloor SITE OUTPUT FILE...\n".utf8))
    exit(2)
}
let site = URL(fileURLWithPath: arguments[1])
let output = arguments[2]
let files = Array(arguments.dropFirst(3))

// Every template by its path without ".mustache", as hubsite names them (`partials/header`).
let templateFolder = site.appendingPathComponent("templates")
var templates: [String: MustacheTemplate] = [:]
for case let url as URL in FileManager.default.enumerator(at: templateFolder, includingPropertiesForKeys: nil)! where url.pathExtension == "mustache" {
    let name = String(url.path.dropFirst(templateFolder.path.count + 1).dropLast(".mustache".count))
    templates[name] = try MustacheTemplate(string: try String(contentsOf: url, encoding: .utf8))
}
let library = MustacheLibrary(templates: templates)

// The values every plain page shares, from site.yml, as hubsite's page context names them
// (strings, numbers, arrays and dictionaries of them, never changed: safe to read from any thread).
let config = try Yams.load(yaml: try String(contentsOf: site.appendingPathComponent("site.yml"), encoding: .utf8)) as? [String: Any] ?? [:]
let cohort = config["cohort"] as? [String: Any] ?? [:]
let root = "../../"
nonisolated(unsafe) let shared: [String: Any] = [
    "lang": config["language"] as? String ?? "en-GB", "og_locale": (config["language"] as? String ?? "en-GB").replacingOccurrences(of: "-", with: "_"),
    "site": ["title": config["title"] as? String ?? "", "publisher": config["publisher"] as? String ?? ""],
    "cohort": ["number": cohort["number"] as? Int ?? 0, "year1": cohort["year1"] as? String ?? "", "year2": cohort["year2"] as? String ?? ""],
    "root": root, "home_url": root + "index.html", "stylesheet_url": root + "style.css", "script_url": root + "site.js",
    "calendar_url": root + "key-dates.ics", "accessibility_url": root + "accessibility/index.html", "hubs_url": root + "hubs/index.html",
    "breadcrumbs": [["title": "Information sheet", "url": root + "index.html"]],
]
mkdir(output, 0o755)

enum PageFile {
    /// The file's bytes, or nil: plain POSIX calls, as hubsite's own reading and writing.
    static func read(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(status.st_size))
        let count = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
        return count == bytes.count ? bytes : nil
    }

    static func write(_ text: String, to path: String) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        var text = text
        _ = text.withUTF8 { Glibc.write(descriptor, $0.baseAddress, $0.count) }
    }

    /// Front matter between "---" lines, and where the Markdown starts.
    static func split(_ bytes: [UInt8]) -> (yaml: String, body: ArraySlice<UInt8>) {
        let marker: [UInt8] = Array("\n---\n".utf8)
        guard bytes.starts(with: marker.dropFirst()) else { return ("", bytes[...]) }
        var index = 3
        while index + marker.count <= bytes.count {
            if bytes[index..<(index + marker.count)].elementsEqual(marker) {
                return (String(decoding: bytes[4...index], as: UTF8.self), bytes[(index + marker.count)...])
            }
            index += 1
        }
        return ("", bytes[...])
    }
}

DispatchQueue.concurrentPerform(iterations: files.count) { index in
    guard let bytes = PageFile.read(files[index]) else { return }
    let (yaml, body) = PageFile.split(bytes)
    let node = (try? Yams.compose(yaml: yaml, Resolver.basic, Constructor([:], [:], [:]), .utf8)) ?? nil
    let frontMatter = node?.mapping
    let title = frontMatter?["title"]?.string ?? frontMatter?["name"]?.string ?? ""
    let html = body.withUnsafeBufferPointer { buffer -> String in
        let start = UnsafeRawPointer(buffer.baseAddress!).assumingMemoryBound(to: CChar.self)
        guard let document = cmark_parse_document(start, buffer.count, CMARK_OPT_DEFAULT) else { return "" }
        defer { cmark_node_free(document) }
        guard let rendered = cmark_render_html(document, CMARK_OPT_DEFAULT) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }
    var context = shared
    context["page"] = ["title": title, "body": html] as [String: Any]
    let page = library.render(context, withTemplate: "page") ?? ""
    let name = files[index].split(separator: "/").last!.dropLast(".md".count)
    let folder = output + "/" + name
    mkdir(folder, 0o755)
    PageFile.write(page, to: folder + "/index.html")
}
