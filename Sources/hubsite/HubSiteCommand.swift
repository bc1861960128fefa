import ArgumentParser
import Foundation
import HubSite

@main
struct HubSiteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hubsite",
        abstract: "Builds the Secondary Mastery Specialist Programme site from content/ and templates/ (version \(HubsiteVersion.number)).",
        discussion: """
            Exit status: 0 when the command did what was asked; 1 when it could not (a build or check \
            with errors, or with warnings under --strict; a refused new-cohort or new); 64 for a wrong \
            command line (an unknown option, a missing or bad value); 128 + N when stopped by signal N \
            (130 for Ctrl-C, 143 for SIGTERM).
            """,
        version: "hubsite \(HubsiteVersion.number)",
        subcommands: [Build.self, Check.self, Serve.self, New.self, NewCohort.self, Version.self],
        defaultSubcommand: Build.self
    )
}

/// Options every command that reads a site shares.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: "The site's folder (holding site.yml, content/ and templates/).", completion: .directory)
    var source: String = "."

    var sourceURL: URL { URL(fileURLWithPath: source) }

    /// The pipeline for this site, with the environment's SOURCE_DATE_EPOCH (see BuildStamp).
    func builder(baseURL: String? = nil, today: CalendarDate? = nil, strict: Bool = false) -> SiteBuilder {
        SiteBuilder(source: sourceURL, settings: BuildSettings(
            baseURL: baseURL, sourceDateEpoch: ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], today: today, strict: strict))
    }

    /// `--output` as written, relative to the current folder like any command's paths;
    /// without it, `public/` in the site's folder. `display` is how messages show it.
    func outputFolder(_ option: String?) -> (url: URL, display: String) {
        let written = option ?? (source == "." ? "public" : (source.hasSuffix("/") ? source : source + "/") + "public")
        return (URL(fileURLWithPath: written), written.hasSuffix("/") ? written : written + "/")
    }
}
