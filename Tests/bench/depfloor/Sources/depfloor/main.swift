// The floor hubsite's fixed dependencies set: what building a site costs with cmark, Yams and
// swift-mustache and nothing else. For each Markdown file, across all cores: read it, compose its
// front matter with Yams, parse and render its Markdown with cmark, render the benchmark's page
// template with swift-mustache, make its folder and write its index.html. No checks, no links,
// no dates, no ids, no error reporting: whatever hubsite does beyond this is its own cost.
//
// usage: depfloor TEMPLATE OUTPUT FILE...
import CCmarkFloor
import Dispatch
import Foundation
import Glibc
import Mustache
import Yams

/// HTML escaping that returns text with nothing to escape as it is, as hubsite's own does.
struct EscapedHTML: MustacheContentType {
    func escapeText(_ text: String) -> String {
        guard text.utf8.contains(where: { [38, 60, 62, 34, 39].contains($0) }) else { return text }
        return text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }
}

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data("usage: depfloor TEMPLATE OUTPUT FILE...\n".utf8))
    exit(2)
}
let output = arguments[2]
let files = Array(arguments.dropFirst(3))
MustacheContentTypes.register(EscapedHTML(), named: "FLOOR_HTML")
let templateText = try String(contentsOfFile: arguments[1], encoding: .utf8)
let library = MustacheLibrary(templates: ["page": try MustacheTemplate(string: "{{% CONTENT_TYPE: FLOOR_HTML }}\n" + templateText)])
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
    let context: [String: Any] = ["lang": "en-GB", "page": ["title": title, "body": html] as [String: Any]]
    let page = library.render(context, withTemplate: "page") ?? ""
    let name = files[index].split(separator: "/").last!.dropLast(".md".count)
    let folder = output + "/" + name
    mkdir(folder, 0o755)
    PageFile.write(page, to: folder + "/index.html")
}
