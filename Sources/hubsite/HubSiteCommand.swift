import ArgumentParser
import Foundation
import HubSite

@main
struct HubSiteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hubsite",
        abstract: "Builds the Secondary Mastery Specialist Programme site from content/ and templates/.",
        subcommands: [Build.self, Check.self, Serve.self, NewCohort.self],
        defaultSubcommand: Build.self
    )
}

/// Options every command that reads a site shares.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: "The site's folder (holding site.yml, content/ and templates/).")
    var source: String = "."

    var sourceURL: URL { URL(fileURLWithPath: source) }
}

/// Prints diagnostics the way compilers do, so editors and terminals can jump to them.
enum Report {
    static func printFailure(_ failure: BuildFailure) {
        FileHandle.standardError.write(Data((failure.description + "\n").utf8))
    }

    /// The errors, then `ending` instead of the build's own summary line.
    static func printFailure(_ failure: BuildFailure, ending: String) {
        let lines = failure.diagnostics.map(\.description) + [ending]
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }

    static func printDiagnostics(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics.sorted() {
            FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
        }
    }
}
