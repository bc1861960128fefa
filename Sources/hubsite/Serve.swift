import ArgumentParser
import Foundation
import HubSite
import HubSitePreview

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Preview the site on this computer, rebuilt and reloaded as you edit. Never writes to public/.")

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "Port on 127.0.0.1; 0 picks a free one.")
    var port: Int = 8080

    @Flag(name: .long, help: "Notice edits by looking at the files several times a second instead of being told by the system (for shared or network folders where edits go unseen).")
    var poll = false

    @Flag(name: .long, help: "Open the preview in the web browser.")
    var open = false

    @Flag(name: .customLong("no-follow"), help: "Keep open tabs on their page when a file is saved, instead of going to the page made from it.")
    var stay = false

    func validate() throws {
        guard (0...65535).contains(port) else {
            throw ValidationError("--port must be from 1 to 65535, or 0 for any free port; found \(port)")
        }
    }

    func run() async throws {
        let preview = PreviewSite(source: site.sourceURL, followEdits: !stay)
        let start = ContinuousClock.now
        let first = preview.rebuild()
        let firstDuration = ContinuousClock.now - start
        let watcher = try SourceWatcher(root: site.sourceURL, polling: poll) { changed in
            if !changed.isEmpty { say("changed: " + changed.joined(separator: ", ")) }
            let start = ContinuousClock.now
            report(preview.rebuild(changed: changed), after: ContinuousClock.now - start)
        }
        watcher.start()
        defer { watcher.stop() }
        do {
            try await PreviewServer(site: preview, port: port).run { port in
                // The first line is the address to open.
                say("http://127.0.0.1:\(port)/")
                say("Serving the site from memory; edits to site.yml, content/ and templates/ reload the page. Ctrl-C stops.")
                report(first, after: firstDuration)
                if open { openInBrowser("http://127.0.0.1:\(port)/") }
            }
        } catch {
            let text = String(describing: error)
            if text.contains("Address already in use") || text.contains("EADDRINUSE") {
                Terminal.error("error: port \(port) is already in use on 127.0.0.1; choose another with --port \(port == 65535 ? 8081 : port + 1), or --port 0 for any free port")
            } else {
                Terminal.error("error: the preview server stopped: \(text)")
            }
            throw ExitCode(1)
        }
    }
}

/// The desktop's own way to open an address; said, not fatal, where there is none.
private func openInBrowser(_ address: String) {
    #if os(macOS)
    let opener = "/usr/bin/open"
    #else
    let opener = "/usr/bin/xdg-open"
    #endif
    let process = Process()
    process.executableURL = URL(fileURLWithPath: opener)
    process.arguments = [address]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    do {
        try process.run()
    } catch {
        Terminal.error("could not open a web browser (\(opener) is missing): open \(address) yourself")
    }
}

/// One line per rebuild in the terminal: what was built, with every warning, or every error.
private func report(_ outcome: Result<SiteBuilder.Rendered, BuildFailure>, after duration: Duration) {
    let milliseconds = Double(duration.components.attoseconds) / 1e15 + Double(duration.components.seconds) * 1000
    switch outcome {
    case .success(let result):
        for warning in result.warnings { Terminal.error(warning.description) }
        let warnings = result.warnings.count
        say(String(format: "rebuilt %d pages in %.0f ms", result.site.pages.count, milliseconds)
            + (warnings == 0 ? "" : ", \(warnings) warning\(warnings == 1 ? "" : "s") (shown in the page too)"))
    case .failure(let failure):
        Terminal.error(failure.description)
        say("the site could not be rebuilt; still serving the last good version")
    }
}

/// Unbuffered, so that a script reading the first line sees it at once.
private func say(_ line: String) {
    Terminal.out(line)
}
